package dev.alternator.client;

import java.time.Duration;

import dev.alternator.local.LocalCluster;
import dev.alternator.local.testing.ClusterRestore;
import dev.alternator.local.testing.SharedCluster;
import dev.alternator.local.testing.TestClusters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Rack, datacenter and cluster scopes, their fallbacks, and the two checks of the reference Go library.
 */
class ScopeTests {

	private static final LocalCluster cluster = TestClusters.twoDatacenters().start();

	@RegisterExtension
	static final SharedCluster shared = SharedCluster.of(cluster).afterEach(ClusterRestore::restoreLocalNodes);

	@Test
	void rackScopeRoutesOnlyToThatRack() {
		try (AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster)
			.datacenter("dc1")
			.rack("rack2")
			.build(); DynamoDbClient client = TestClients.client(loadBalancer)) {
			TestClients.createTable(client, "rack_scope");
			cluster.resetCounters();
			for (int i = 0; i < 20; i++) {
				client.getItem((get) -> get.tableName("rack_scope").key(TestClients.key("k")));
			}
			assertThat(cluster.node(2).requestCount()).isEqualTo(20);
			AlternatorState state = loadBalancer.state();
			assertThat(state.activeScope()).isEqualTo(RoutingScope.rack("dc1", "rack2"));
			assertThat(state.fallbackInUse()).isFalse();
			assertThat(state.rackDatacenterSupport()).isEqualTo(RackDatacenterSupport.SUPPORTED);
			assertThat(state.rackKnown()).contains(true);
		}
	}

	@Test
	void deadRackFallsBackToItsDatacenterThenTheCluster() {
		try (AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster)
			.datacenter("dc1")
			.rack("rack2")
			.build()) {
			loadBalancer.start();
			cluster.node(2).stop();
			loadBalancer.refresh();
			assertThat(loadBalancer.state().activeScope()).isEqualTo(RoutingScope.datacenter("dc1"));
			assertThat(loadBalancer.state().fallbackInUse()).isTrue();
			assertThat(loadBalancer.state().liveNodes()).extracting(AlternatorNode::host)
				.containsExactly("127.0.0.1", "127.0.0.2");
			cluster.node(2).restart();
			loadBalancer.refresh();
			loadBalancer.refresh();
			assertThat(loadBalancer.state().activeScope()).isEqualTo(RoutingScope.rack("dc1", "rack2"));
		}
	}

	@Test
	void clusterScopeMergesTheDatacentersOfTheSeeds() {
		try (AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster)
			.seeds(cluster.seeds().get(0), cluster.seeds().get(4))
			.build()) {
			loadBalancer.start();
			// A probe may miss start()'s wait on a loaded machine; the next one admits the node.
			await().atMost(Duration.ofSeconds(10)).until(() -> loadBalancer.state().liveNodes().size() == 5);
			assertThat(loadBalancer.state().activeScope()).isEqualTo(RoutingScope.cluster());
		}
	}

	@Test
	void unknownRackIsReportedAndFallsBack() {
		try (AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster)
			.datacenter("dc2")
			.rack("rack9")
			.build()) {
			loadBalancer.start();
			AlternatorState state = loadBalancer.state();
			assertThat(state.rackKnown()).contains(false);
			assertThat(state.datacenterKnown()).contains(true);
			assertThat(state.activeScope()).isEqualTo(RoutingScope.datacenter("dc2"));
		}
	}

	@Test
	void unknownDatacenterIsNamed() {
		try (AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster).datacenter("dc7").build()) {
			loadBalancer.start();
			assertThat(loadBalancer.state().datacenterKnown()).contains(false);
			assertThat(loadBalancer.state().activeScope()).isEqualTo(RoutingScope.cluster());
		}
	}

	@Test
	void strictScopeDoesNotFallBack() {
		try (AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster)
			.datacenter("dc1")
			.rack("rack2")
			.fallback(false)
			.build(); DynamoDbClient client = TestClients.client(loadBalancer)) {
			cluster.resetCounters();
			cluster.node(2).kill();
			assertThatThrownBy(() -> client.listTables()).hasMessageContaining("rack dc1/rack2");
			assertThat(loadBalancer.state().activeScope()).isEqualTo(RoutingScope.rack("dc1", "rack2"));
			assertThat(cluster.node(0).requestCount() + cluster.node(1).requestCount()).isZero();
		}
	}

	@Test
	void strictUnknownRackFailsCallsNamingTheScopeAndWhatTheDatacenterHas() {
		try (AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster)
			.datacenter("dc1")
			.rack("no-such-rack")
			.fallback(false)
			.build(); DynamoDbClient client = TestClients.client(loadBalancer)) {
			cluster.resetCounters();
			assertThatThrownBy(() -> client.listTables()).isInstanceOf(NoLiveNodesException.class)
				.hasMessageContaining("rack dc1/no-such-rack")
				.hasMessageContaining("datacenter 'dc1' lists")
				.hasMessageContaining("127.0.0.3");
			// The seed is outside the scope: it must not serve once the cluster said the rack is not in it.
			assertThat(cluster.node(0).requestCount()).isZero();
			assertThat(loadBalancer.state().rackKnown()).contains(false);
			assertThat(loadBalancer.state().liveNodes()).isEmpty();
		}
	}

	@Test
	void strictUnknownDatacenterFailsCallsNamingIt() {
		try (AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster)
			.datacenter("dc7")
			.fallback(false)
			.build(); DynamoDbClient client = TestClients.client(loadBalancer)) {
			cluster.resetCounters();
			assertThatThrownBy(() -> client.listTables()).isInstanceOf(NoLiveNodesException.class)
				.hasMessageContaining("datacenter dc7")
				.hasMessageContaining("datacenter 'dc7' is not known")
				.hasMessageContaining("127.0.0.1");
			assertThat(cluster.node(0).requestCount()).isZero();
			assertThat(loadBalancer.state().datacenterKnown()).contains(false);
		}
	}

	@Test
	void oldServersThatIgnoreRackAndDatacenterAreDetected() {
		cluster.legacyLocalNodes(true);
		try (AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster)
			.datacenter("dc1")
			.rack("rack1")
			.build()) {
			loadBalancer.start();
			assertThat(loadBalancer.state().rackDatacenterSupport()).isEqualTo(RackDatacenterSupport.UNSUPPORTED);
			assertThat(loadBalancer.state().rackKnown()).isEmpty();
		}
		cluster.legacyLocalNodes(false);
		try (AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster).build()) {
			loadBalancer.start();
			assertThat(loadBalancer.state().rackDatacenterSupport()).isEqualTo(RackDatacenterSupport.SUPPORTED);
		}
	}

}
