package dev.alternator.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.alternator.local.LocalCluster;
import dev.alternator.local.LocalNode;
import dev.alternator.local.LocalNodesFault;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Finding nodes with {@code /localnodes}: intervals, new nodes, broken answers.
 */
class DiscoveryTests {

	@Test
	void discoveryFollowsTheActiveIntervalUnderLoadAndTheIdleIntervalWhenIdle() throws InterruptedException {
		try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 3).start();
				AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster)
					.datacenter("dc1")
					.activeRefreshInterval(Duration.ofMillis(100))
					.idleRefreshInterval(Duration.ofSeconds(30))
					.build();
				DynamoDbClient client = TestClients.client(loadBalancer)) {
			TestClients.createTable(client, "intervals");
			Thread.sleep(300);
			cluster.resetCounters();
			Thread.sleep(1000);
			long idleCalls = localNodesCalls(cluster);
			long end = System.nanoTime() + Duration.ofSeconds(1).toNanos();
			cluster.resetCounters();
			while (System.nanoTime() < end) {
				client.getItem((get) -> get.tableName("intervals").key(TestClients.key("k")));
			}
			long activeCalls = localNodesCalls(cluster);
			assertThat(idleCalls).as("idle: 30 s interval").isZero();
			assertThat(activeCalls).as("under load: about one call per 100 ms").isBetween(5L, 15L);
		}
	}

	@Test
	void newNodeIsProbedThenGetsTraffic() {
		try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 2).start();
				AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster).build();
				DynamoDbClient client = TestClients.client(loadBalancer)) {
			TestClients.createTable(client, "grow");
			LocalNode added = cluster.addNode("dc1", "rack1");
			added.joining(Duration.ofMillis(800));
			long deadline = System.nanoTime() + Duration.ofMillis(600).toNanos();
			while (System.nanoTime() < deadline) {
				client.getItem((get) -> get.tableName("grow").key(TestClients.key("k")));
			}
			assertThat(added.requestCount()).as("joining node gets no traffic").isZero();
			assertThat(added.healthCheckCount()).as("but it is probed").isPositive();
			await().atMost(Duration.ofSeconds(5)).until(() -> loadBalancer.state().liveNodes().size() == 3);
			for (int i = 0; i < 30; i++) {
				client.getItem((get) -> get.tableName("grow").key(TestClients.key("k")));
			}
			assertThat(added.requestCount()).isPositive();
		}
	}

	@Test
	void brokenLocalNodesAnswersKeepTheLastGoodListAndAreRecorded() {
		try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 3).start();
				AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster).build()) {
			loadBalancer.start();
			List<AlternatorNode> good = loadBalancer.state().liveNodes();
			assertThat(good).hasSize(3);
			List<String> errors = new ArrayList<>();
			for (LocalNodesFault fault : new LocalNodesFault[] { LocalNodesFault.INVALID_JSON, LocalNodesFault.HTML,
					LocalNodesFault.NOT_ARRAY, LocalNodesFault.EMPTY_ARRAY, LocalNodesFault.NON_ADDRESS_ENTRIES,
					LocalNodesFault.SERVER_ERROR, LocalNodesFault.SLOW }) {
				cluster.nodes().forEach((node) -> node.localNodesFault(fault));
				loadBalancer.refresh();
				assertThat(loadBalancer.state().liveNodes()).as(fault.name()).isEqualTo(good);
				assertThat(loadBalancer.state().lastError()).as(fault.name()).isPresent();
				errors.add(loadBalancer.state().lastError().get());
			}
			assertThat(errors.get(0)).contains("unusable /localnodes answer");
			assertThat(errors.get(5)).contains("HTTP 500");
			assertThat(errors.get(6)).contains("SocketTimeoutException");
			cluster.nodes().forEach(LocalNode::clearFaults);
			loadBalancer.refresh();
			assertThat(loadBalancer.state().lastError()).isEmpty();
			assertThat(loadBalancer.state().lastRefresh()).isPresent();
		}
	}

	@Test
	void discoveryFallsBackToTheSeedsWhenEveryKnownNodeIsGone() {
		try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 3).start();
				AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster).build()) {
			loadBalancer.start();
			cluster.nodes().forEach(LocalNode::stop);
			loadBalancer.refresh();
			assertThat(loadBalancer.state().lastError()).get().asString().contains("no node gave a usable");
			// Only the seed comes back: discovery finds it and, through it, the others.
			cluster.node(0).restart();
			cluster.node(1).restart();
			loadBalancer.refresh();
			assertThat(loadBalancer.state().lastError()).isEmpty();
			assertThat(loadBalancer.state().liveNodes()).hasSize(2);
		}
	}

	@Test
	void withoutDiscoveryOnlyTheSeedsAreUsed() {
		try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 3).start();
				AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster)
					.seeds(cluster.seeds().subList(0, 2))
					.discovery(false)
					.build();
				DynamoDbClient client = TestClients.client(loadBalancer)) {
			TestClients.createTable(client, "pinned");
			for (int i = 0; i < 20; i++) {
				client.getItem((get) -> get.tableName("pinned").key(TestClients.key("k")));
			}
			assertThat(cluster.node(2).requestCount()).isZero();
			assertThat(cluster.nodes().stream().mapToLong(LocalNode::localNodesRequestCount).sum()).isZero();
		}
	}

	@Test
	void addressTranslatorMapsReportedAddresses() {
		try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 2).start();
				AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster)
					// Every reported node is reached through 127.0.0.1, as behind a NAT with one public address.
					.addressTranslator((reported) -> AlternatorNode.of("http", "127.0.0.1", reported.port()))
					.build()) {
			loadBalancer.start();
			assertThat(loadBalancer.state().liveNodes()).extracting(AlternatorNode::host).containsExactly("127.0.0.1");
		}
	}

	private static long localNodesCalls(LocalCluster cluster) {
		return cluster.nodes().stream().mapToLong(LocalNode::localNodesRequestCount).sum();
	}

}
