package dev.alternator.client;

import java.net.URI;
import java.util.Set;

import dev.alternator.local.LocalCluster;
import dev.alternator.testing.SdkClients;
import dev.alternator.testing.ThreadLeaks;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Closing leaves nothing running.
 */
class LifecycleTests {

	/**
	 * JVM-wide threads that outlive any one client besides those {@link ThreadLeaks} always ignores: the JDK's
	 * keep-alive timer and the local cluster's own connection threads.
	 */
	private static final ThreadLeaks threads = ThreadLeaks.ignoring("Keep-Alive-Timer", "alternator-local-", "qtp");

	@Test
	void closeStopsEveryThreadItStarted() throws Exception {
		try (LocalCluster cluster = LocalCluster.start()) {
			warmUp(cluster);
			Set<String> before = threads.threadNames();
			// Key-route affinity on, so that the partition-key lookup thread and its client start too.
			AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster)
				.keyRouteAffinity(KeyRouteAffinity.ANY_WRITE)
				.build();
			DynamoDbClient client = TestClients.client(loadBalancer);
			DynamoDbAsyncClient asyncClient = loadBalancer.configure(DynamoDbAsyncClient.builder())
				.credentialsProvider(TestClients.CREDENTIALS)
				.build();
			client.listTables();
			asyncClient.listTables().join();
			client.putItem((put) -> put.tableName("warm_up").item(TestClients.key("lifecycle")));
			org.awaitility.Awaitility.await()
				.until(() -> loadBalancer.state().partitionKeys().containsKey("warm_up"));
			assertThat(threads.threadNames()).anyMatch((name) -> name.startsWith("alternator-"))
				.anyMatch((name) -> name.endsWith("-table-keys"));
			client.close();
			asyncClient.close();
			loadBalancer.close();
			loadBalancer.close();
			threads.assertNoneLeftSince(before);
			assertThatThrownBy(loadBalancer::start).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("closed");
		}
	}

	/**
	 * Lets the cluster and the SDK start their own lazy threads first (through one node, with a plain client), so
	 * that only the load balancer's threads are compared.
	 */
	private static void warmUp(LocalCluster cluster) {
		try (DynamoDbClient plain = SdkClients.forSetUp(URI.create(cluster.seeds().get(0)), TestClients.ACCESS_KEY,
				TestClients.SECRET_KEY)) {
			TestClients.createTable(plain, "warm_up");
			plain.getItem((get) -> get.tableName("warm_up").key(TestClients.key("k")));
		}
	}

}
