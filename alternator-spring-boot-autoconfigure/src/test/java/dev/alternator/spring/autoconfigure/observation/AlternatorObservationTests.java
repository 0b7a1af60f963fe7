package dev.alternator.spring.autoconfigure.observation;

import java.util.Map;

import dev.alternator.local.LocalCluster;
import dev.alternator.local.testing.SharedCluster;
import dev.alternator.spring.autoconfigure.AlternatorAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * One observation per call, with the operation, table, node and outcome as tags, turned into timers by Micrometer's
 * default meter handler, against a real local cluster.
 */
class AlternatorObservationTests {

	private static final LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 3).start();

	@RegisterExtension
	static final SharedCluster shared = SharedCluster.of(cluster);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AlternatorObservationAutoConfiguration.class,
				AlternatorAutoConfiguration.class))
		.withPropertyValues("alternator.discovery.initial-wait=30s");

	@Test
	void eachCallIsObservedWithItsOperationTableNodeAndOutcome() {
		MeterRegistry meters = new SimpleMeterRegistry();
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
		this.runner.withPropertyValues("alternator.seeds=" + cluster.seeds().get(0))
			.withBean(ObservationRegistry.class, () -> observations)
			.run((context) -> {
				DynamoDbClient client = context.getBean(DynamoDbClient.class);
				client.createTable((table) -> table.tableName("observed")
					.keySchema((key) -> key.attributeName("id").keyType(KeyType.HASH))
					.attributeDefinitions((attribute) -> attribute.attributeName("id")
						.attributeType(ScalarAttributeType.S))
					.billingMode(BillingMode.PAY_PER_REQUEST));
				for (int i = 0; i < 6; i++) {
					client.putItem((put) -> put.tableName("observed")
						.item(Map.of("id", AttributeValue.fromS("item"))));
				}
				assertThatExceptionOfType(DynamoDbException.class)
					.isThrownBy(() -> client.getItem((get) -> get.tableName("missing")
						.key(Map.of("id", AttributeValue.fromS("x")))));
				assertThat(meters.find("alternator.client.operation")
					.tag("db.operation.name", "PutItem")
					.tag("db.collection.name", "observed")
					.tag("outcome", "SUCCESS")
					.timers()).hasSize(3)
					.allSatisfy((timer) -> assertThat(timer.count()).isEqualTo(2));
				assertThat(meters.find("alternator.client.operation")
					.tag("db.operation.name", "PutItem")
					.timers()).extracting((timer) -> timer.getId().getTag("server.address"))
					.containsExactlyInAnyOrderElementsOf(cluster.seeds()
						.stream()
						.map((seed) -> seed.replace("http://", ""))
						.toList());
				Timer failed = meters.find("alternator.client.operation")
					.tag("db.operation.name", "GetItem")
					.tag("db.collection.name", "missing")
					.tag("outcome", "CLIENT_ERROR")
					.timer();
				assertThat(failed).isNotNull();
				assertThat(failed.count()).isEqualTo(1);
			});
	}

	@Test
	void withoutAnObservationRegistryNothingIsAdded() {
		this.runner.withPropertyValues("alternator.seeds=" + cluster.seeds().get(0))
			.run((context) -> assertThat(context).doesNotHaveBean(ObservationInterceptor.class));
	}

}
