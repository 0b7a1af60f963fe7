package dev.alternator.local;

import java.time.Duration;

import org.junit.jupiter.api.extension.RegisterExtension;
import dev.alternator.local.testing.TestClusters;
import dev.alternator.local.testing.SharedCluster;
import dev.alternator.local.testing.ClusterRestore;
import dev.alternator.testing.RawHttp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /localnodes} and {@code GET /} with the semantics of a ScyllaDB node.
 */
class LocalNodesEndpointTests {

	private static final LocalCluster cluster = TestClusters.twoDatacenters().start();

	@RegisterExtension
	static final SharedCluster shared = SharedCluster.of(cluster).afterEach(ClusterRestore::restoreLocalNodes);

	@Test
	void withoutParametersListsTheContactedNodesDatacenter() {
		assertThat(RawHttp.localNodes(cluster.node(0).endpoint(), null).body())
			.isEqualTo("[\"127.0.0.1\",\"127.0.0.2\",\"127.0.0.3\"]");
		assertThat(RawHttp.localNodes(cluster.node(4).endpoint(), null).body()).isEqualTo("[\"127.0.0.4\",\"127.0.0.5\"]");
	}

	@Test
	void datacenterParameterSelectsAnotherDatacenter() {
		assertThat(RawHttp.localNodes(cluster.node(0).endpoint(), "dc=dc2").body()).isEqualTo("[\"127.0.0.4\",\"127.0.0.5\"]");
	}

	@Test
	void rackParameterFiltersTheContactedOrGivenDatacenter() {
		assertThat(RawHttp.localNodes(cluster.node(0).endpoint(), "rack=rack2").body()).isEqualTo("[\"127.0.0.3\"]");
		assertThat(RawHttp.localNodes(cluster.node(0).endpoint(), "dc=dc2&rack=rack1").body())
			.isEqualTo("[\"127.0.0.4\",\"127.0.0.5\"]");
	}

	@Test
	void unknownDatacenterOrRackGivesAnEmptyList() {
		RawHttp.Answer unknownRack = RawHttp.localNodes(cluster.node(0).endpoint(), "rack=no-such-rack");
		assertThat(unknownRack.status()).isEqualTo(200);
		assertThat(unknownRack.body()).isEqualTo("[]");
		assertThat(RawHttp.localNodes(cluster.node(0).endpoint(), "dc=DC1").body()).as("matching is exact").isEqualTo("[]");
	}

	@Test
	void legacyModeIgnoresBothParameters() {
		cluster.legacyLocalNodes(true);
		assertThat(RawHttp.localNodes(cluster.node(0).endpoint(), "rack=no-such-rack").body())
			.isEqualTo("[\"127.0.0.1\",\"127.0.0.2\",\"127.0.0.3\"]");
		assertThat(RawHttp.localNodes(cluster.node(0).endpoint(), "dc=dc2").body())
			.isEqualTo("[\"127.0.0.1\",\"127.0.0.2\",\"127.0.0.3\"]");
	}

	@Test
	void stoppedAndHiddenNodesAreNotListedButJoiningOnesAre() {
		cluster.node(1).stop();
		cluster.node(2).hiddenFromLocalNodes(true);
		assertThat(RawHttp.localNodes(cluster.node(0).endpoint(), null).body()).isEqualTo("[\"127.0.0.1\"]");
		cluster.node(1).joining(Duration.ofSeconds(30));
		assertThat(RawHttp.localNodes(cluster.node(0).endpoint(), null).body()).isEqualTo("[\"127.0.0.1\",\"127.0.0.2\"]");
		assertThat(RawHttp.get(cluster.node(2).endpoint()).status()).as("hidden node still serves").isEqualTo(200);
	}

	@Test
	void healthCheckNamesTheNodeAndJoiningNodesAreNotHealthy() {
		RawHttp.Answer health = RawHttp.get(cluster.node(1).endpoint());
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.body()).isEqualTo("healthy: 127.0.0.2:" + cluster.port());
		cluster.node(1).joining(Duration.ofSeconds(30));
		assertThat(RawHttp.get(cluster.node(1).endpoint()).status()).isEqualTo(503);
		assertThat(cluster.node(1).state()).isEqualTo(NodeState.JOINING);
	}

	@Test
	void joiningEndsByItself() throws InterruptedException {
		cluster.node(1).joining(Duration.ofMillis(200));
		Thread.sleep(300);
		assertThat(cluster.node(1).state()).isEqualTo(NodeState.RUNNING);
		assertThat(RawHttp.get(cluster.node(1).endpoint()).status()).isEqualTo(200);
	}

	@Test
	void countersCountEachKindOfRequest() {
		LocalNode node = cluster.node(3);
		node.resetCounters();
		RawHttp.get(node.endpoint());
		RawHttp.localNodes(node.endpoint(), null);
		RawHttp.localNodes(node.endpoint(), "rack=rack1");
		assertThat(node.healthCheckCount()).isEqualTo(1);
		assertThat(node.localNodesRequestCount()).isEqualTo(2);
		assertThat(node.requestCount()).isZero();
	}

	@Test
	void faultyLocalNodesAnswers() {
		LocalNode node = cluster.node(0);
		node.localNodesFault(LocalNodesFault.INVALID_JSON);
		assertThat(RawHttp.localNodes(node.endpoint(), null).body()).startsWith("[").doesNotEndWith("]");
		node.localNodesFault(LocalNodesFault.HTML);
		assertThat(RawHttp.localNodes(node.endpoint(), null).body()).startsWith("<html>");
		node.localNodesFault(LocalNodesFault.NOT_ARRAY);
		assertThat(RawHttp.localNodes(node.endpoint(), null).body()).startsWith("{");
		node.localNodesFault(LocalNodesFault.EMPTY_ARRAY);
		assertThat(RawHttp.localNodes(node.endpoint(), null).body()).isEqualTo("[]");
		node.localNodesFault(LocalNodesFault.NON_ADDRESS_ENTRIES);
		assertThat(RawHttp.localNodes(node.endpoint(), null).body()).contains("not an address");
		node.localNodesFault(LocalNodesFault.SERVER_ERROR);
		assertThat(RawHttp.localNodes(node.endpoint(), null).status()).isEqualTo(500);
		node.localNodesFault(LocalNodesFault.NONE);
		assertThat(RawHttp.localNodes(node.endpoint(), null).body()).isEqualTo("[\"127.0.0.1\",\"127.0.0.2\",\"127.0.0.3\"]");
	}

	@Test
	void slowLocalNodesAnswerOutlastsAClientTimeout() {
		LocalNode node = cluster.node(0);
		node.localNodesFault(LocalNodesFault.SLOW);
		org.assertj.core.api.Assertions
			.assertThatThrownBy(
					() -> RawHttp.get(java.net.URI.create(node.endpoint() + "/localnodes"), 300))
			.hasRootCauseInstanceOf(java.net.SocketTimeoutException.class);
	}

	@Test
	void addedNodeTakesTheNextAddressAndRemovedNodeLeaves() {
		LocalNode added = cluster.addNode("dc2", "rack2");
		try {
			assertThat(added.address()).isEqualTo("127.0.0.6");
			assertThat(RawHttp.localNodes(cluster.node(0).endpoint(), "dc=dc2").body())
				.isEqualTo("[\"127.0.0.4\",\"127.0.0.5\",\"127.0.0.6\"]");
		}
		finally {
			cluster.removeNode(added);
		}
		assertThat(cluster.nodes()).hasSize(5);
		assertThat(RawHttp.localNodes(cluster.node(0).endpoint(), "dc=dc2").body()).isEqualTo("[\"127.0.0.4\",\"127.0.0.5\"]");
	}

}
