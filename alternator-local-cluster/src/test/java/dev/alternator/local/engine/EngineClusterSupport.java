package dev.alternator.local.engine;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import dev.alternator.local.LocalCluster;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Real SDK clients against a local cluster's nodes, for the engine's tests.
 */
final class EngineClusterSupport {

	private EngineClusterSupport() {
	}

	static DynamoDbClient client(LocalCluster cluster, int node) {
		return DynamoDbClient.builder()
			.endpointOverride(URI.create(cluster.seeds().get(node)))
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("engine", "tests")))
			.httpClientBuilder(ApacheHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).maxConnections(32))
			.overrideConfiguration((config) -> config.retryStrategy(RetryMode.STANDARD)
				.retryStrategy((retry) -> retry.maxAttempts(1)))
			.build();
	}

	static AttributeValue s(String value) {
		return AttributeValue.fromS(value);
	}

	static AttributeValue n(String value) {
		return AttributeValue.fromN(value);
	}

	static Map<String, AttributeValue> key(String id) {
		return Map.of("id", s(id));
	}

}
