package dev.alternator.local.engine;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import dev.alternator.local.LocalCluster;
import dev.alternator.testing.SdkClients;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Real SDK clients against a local cluster's nodes, for the engine's tests.
 */
final class EngineClusterSupport {

	private EngineClusterSupport() {
	}

	static DynamoDbClient client(LocalCluster cluster, int node) {
		return SdkClients.pinnedTo(URI.create(cluster.seeds().get(node)), "engine", "tests",
				ApacheHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).maxConnections(32));
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
