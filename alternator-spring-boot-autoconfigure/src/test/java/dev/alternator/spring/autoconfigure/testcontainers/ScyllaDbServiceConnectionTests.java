package dev.alternator.spring.autoconfigure.testcontainers;

import java.util.Map;

import dev.alternator.client.AlternatorLoadBalancer;
import dev.alternator.spring.autoconfigure.AlternatorAutoConfiguration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Configuration;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.scylladb.ScyllaDBContainer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real ScyllaDB with Alternator in Docker, connected with {@code @ServiceConnection} and no properties. Skipped
 * where Docker is missing; the GitHub workflow's Docker job runs it.
 */
@Tag("scylladb")
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = ScyllaDbServiceConnectionTests.TestConfiguration.class)
class ScyllaDbServiceConnectionTests {

	@Container
	@ServiceConnection
	static final ScyllaDBContainer scylla = new ScyllaDBContainer("scylladb/scylla:6.2").withAlternator();

	@Autowired
	DynamoDbClient client;

	@Autowired
	AlternatorLoadBalancer loadBalancer;

	@Test
	void clientTalksToTheContainerThroughTheMappedPort() {
		this.client.createTable((table) -> table.tableName("testcontainers")
			.keySchema((key) -> key.attributeName("id").keyType("HASH"))
			.attributeDefinitions((attribute) -> attribute.attributeName("id").attributeType("S"))
			.billingMode("PAY_PER_REQUEST"));
		this.client.putItem((put) -> put.tableName("testcontainers")
			.item(Map.of("id", AttributeValue.fromS("1"), "value", AttributeValue.fromS("from a real ScyllaDB"))));
		assertThat(this.client.getItem((get) -> get.tableName("testcontainers")
			.key(Map.of("id", AttributeValue.fromS("1")))).item().get("value").s()).isEqualTo("from a real ScyllaDB");
		assertThat(this.loadBalancer.state().liveNodes()).hasSize(1);
		assertThat(this.loadBalancer.state().liveNodes().get(0).uri().toString())
			.isEqualTo(scylla.getAlternatorEndpoint());
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(AlternatorAutoConfiguration.class)
	static class TestConfiguration {

	}

}
