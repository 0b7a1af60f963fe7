package dev.alternator.client;

import java.util.Set;
import java.util.stream.Collectors;

import dev.alternator.local.LocalCluster;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Closing leaves nothing running.
 */
class LifecycleTests {

	@Test
	void closeStopsEveryThreadItStarted() throws Exception {
		try (LocalCluster cluster = LocalCluster.start()) {
			warmUp(cluster);
			Set<String> before = threadNames();
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
			assertThat(threadNames()).anyMatch((name) -> name.startsWith("alternator-"))
				.anyMatch((name) -> name.endsWith("-table-keys"));
			client.close();
			asyncClient.close();
			loadBalancer.close();
			loadBalancer.close();
			Set<String> leftover = Set.of();
			for (int i = 0; i < 50; i++) {
				leftover = threadNames().stream().filter((name) -> !before.contains(name)).collect(Collectors.toSet());
				if (leftover.isEmpty()) {
					break;
				}
				Thread.sleep(100);
			}
			assertThat(leftover).isEmpty();
			assertThatThrownBy(loadBalancer::start).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("closed");
		}
	}

	/**
	 * Lets the cluster and the SDK start their own lazy threads first (through one node, with a plain client), so
	 * that only the load balancer's threads are compared.
	 */
	private static void warmUp(LocalCluster cluster) {
		try (DynamoDbClient plain = DynamoDbClient.builder()
			.endpointOverride(java.net.URI.create(cluster.seeds().get(0)))
			.region(software.amazon.awssdk.regions.Region.US_EAST_1)
			.credentialsProvider(TestClients.CREDENTIALS)
			.build()) {
			TestClients.createTable(plain, "warm_up");
			plain.getItem((get) -> get.tableName("warm_up").key(TestClients.key("k")));
		}
	}

	private static Set<String> threadNames() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(Thread::isAlive)
			.map(Thread::getName)
			// JVM-wide threads that outlive any one client: the SDK's shared idle-connection reaper, the JDK's
			// keep-alive timer, and the local cluster's own connection threads.
			.filter((name) -> !name.startsWith("idle-connection-reaper") && !name.equals("Keep-Alive-Timer")
					&& !name.startsWith("alternator-local-") && !name.startsWith("qtp")
					&& !name.startsWith("ForkJoinPool") && !name.startsWith("Common-Cleaner")
					&& !name.startsWith("Attach"))
			.collect(Collectors.toSet());
	}

}
