package dev.alternator.spring.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.alternator.local.LocalCluster;
import dev.alternator.local.RecordedRequest;
import dev.alternator.local.RequestRecording;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code alternator.compression.*} and {@code alternator.http.trim-headers} properties reach the client: checked on
 * what a SigV4-enforcing local node received.
 */
class WireSavingsPropertiesTests {

	private static final String TABLE = "wire";

	private static final String LARGE = "abcdefghij".repeat(1_000);

	private static LocalCluster cluster;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AlternatorAutoConfiguration.class));

	@BeforeAll
	static void startCluster() {
		cluster = LocalCluster.builder().nodes("dc1", "rack1", 2).credentials("alternator", "salted-hash").start();
	}

	@AfterAll
	static void closeCluster() {
		cluster.close();
	}

	private ApplicationContextRunner withCluster(String... properties) {
		return this.runner
			.withPropertyValues("alternator.seeds=" + cluster.seeds().get(0), "alternator.discovery.initial-wait=30s",
					"alternator.credentials.access-key-id=alternator",
					"alternator.credentials.secret-access-key=salted-hash")
			.withPropertyValues(properties);
	}

	@Test
	void compressionAndTrimmingAreOffByDefault() {
		withCluster().run((context) -> {
			RecordedRequest put = putThenGet(context.getBean(DynamoDbClient.class), "defaults")[0];
			assertThat(put.header("content-encoding")).isNull();
			assertThat(put.header("accept-encoding")).isNull();
			assertThat(put.headers()).containsKey("amz-sdk-invocation-id");
		});
	}

	@Test
	void propertiesTurnCompressionAndTrimmingOn() {
		withCluster("alternator.compression.request.enabled=true", "alternator.compression.request.algorithm=deflate",
				"alternator.compression.request.min-size=2KB", "alternator.compression.response.enabled=true",
				"alternator.http.trim-headers=true")
			.run((context) -> {
				RecordedRequest[] exchange = putThenGet(context.getBean(DynamoDbClient.class), "on");
				assertThat(exchange[0].header("content-encoding")).isEqualTo("deflate");
				assertThat(exchange[0].headers()).doesNotContainKey("amz-sdk-invocation-id");
				// The GetItem body is below min-size: sent as is, and its large answer comes compressed.
				assertThat(exchange[1].header("content-encoding")).isNull();
				assertThat(exchange[1].responseHeader("Content-Encoding")).isEqualTo("gzip");
			});
	}

	@Test
	void requestCompressionWithoutAnAlgorithmIsRejectedNamingTheProperty() {
		withCluster("alternator.compression.request.enabled=true", "alternator.compression.request.algorithm=none")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("alternator.compression.request.algorithm"));
	}

	/**
	 * Puts a large item and reads it back; returns what the node received for each.
	 */
	private static RecordedRequest[] putThenGet(DynamoDbClient client, String id) {
		try {
			client.createTable((create) -> create.tableName(TABLE)
				.keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
				.attributeDefinitions(
						AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
				.billingMode(BillingMode.PAY_PER_REQUEST));
		}
		catch (ResourceInUseException ex) {
			// created by an earlier test
		}
		Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS(id));
		try (RequestRecording recording = cluster.recordRequests()) {
			client.putItem((put) -> put.tableName(TABLE).item(Map.of("id", AttributeValue.fromS(id), "v",
					AttributeValue.fromS(LARGE))));
			String value = client.getItem((get) -> get.tableName(TABLE).key(key)).item().get("v").s();
			assertThat(value.getBytes(StandardCharsets.UTF_8)).hasSize(LARGE.length());
			assertThat(recording.apiRequests()).hasSize(2).allSatisfy((r) -> assertThat(r.status()).isEqualTo(200));
			return recording.apiRequests().toArray(RecordedRequest[]::new);
		}
	}

}
