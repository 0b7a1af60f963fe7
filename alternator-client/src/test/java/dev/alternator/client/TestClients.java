package dev.alternator.client;

import java.time.Duration;
import java.util.Map;

import dev.alternator.local.LocalCluster;
import dev.alternator.local.testing.ClusterRestore;
import dev.alternator.testing.SdkClients;
import dev.alternator.testing.Tables;
import dev.alternator.testing.Values;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Shared set-up for this module's tests: fast load balancers over a local cluster and their credentials. The
 * table, values and cluster restore are short names for the shared fixtures ({@code alternator-test-fixtures} and
 * the local cluster's test-jar).
 */
final class TestClients {

	static final String ACCESS_KEY = "alternator";

	static final String SECRET_KEY = "test-secret-do-not-log";

	static final StaticCredentialsProvider CREDENTIALS = SdkClients.credentials(ACCESS_KEY, SECRET_KEY);

	private TestClients() {
	}

	/**
	 * A load balancer with short intervals, so that tests see discovery and probes within a second.
	 */
	static AlternatorLoadBalancer.Builder fastLoadBalancer(LocalCluster cluster) {
		return AlternatorLoadBalancer.builder()
			// The seed's port is the cluster's: discovered nodes get it too.
			.seeds(cluster.seeds().get(0))
			.activeRefreshInterval(Duration.ofMillis(200))
			.idleRefreshInterval(Duration.ofSeconds(5))
			.probeInterval(Duration.ofMillis(100))
			.discoveryTimeout(Duration.ofMillis(500))
			.readTimeout(Duration.ofSeconds(2));
	}

	/**
	 * Clears every node's faults and restarts the nodes a test stopped, killed or hung.
	 */
	static void restoreNodes(LocalCluster cluster) {
		ClusterRestore.clearFaultsAndRestart(cluster);
	}

	static DynamoDbClient client(AlternatorLoadBalancer loadBalancer) {
		return loadBalancer.configure(DynamoDbClient.builder()).credentialsProvider(CREDENTIALS).build();
	}

	static void createTable(DynamoDbClient client, String table) {
		Tables.createHashKeyTableIfAbsent(client, table);
	}

	static Map<String, AttributeValue> key(String id) {
		return Values.key(id);
	}

	static AttributeValue s(String value) {
		return Values.s(value);
	}

}
