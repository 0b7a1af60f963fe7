package dev.alternator.local;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /localnodes} and {@code GET /} with the semantics of a ScyllaDB node.
 */
class LocalNodesEndpointTests {

	private static LocalCluster cluster;

	@BeforeAll
	static void startCluster() {
		// 127.0.0.1-2: dc1/rack1, 127.0.0.3: dc1/rack2, 127.0.0.4-5: dc2/rack1
		cluster = LocalCluster.builder()
			.nodes("dc1", "rack1", 2)
			.node("dc1", "rack2")
			.nodes("dc2", "rack1", 2)
			.start();
	}

	@AfterAll
	static void closeCluster() {
		cluster.close();
	}

	@AfterEach
	void restoreNodes() {
		cluster.legacyLocalNodes(false);
		for (LocalNode node : cluster.nodes()) {
			node.hiddenFromLocalNodes(false);
		}
		ClusterRestore.clearFaultsAndRestart(cluster);
	}

	@Test
	void withoutParametersListsTheContactedNodesDatacenter() {
		assertThat(Http.localNodes(cluster.node(0), null).body)
			.isEqualTo("[\"127.0.0.1\",\"127.0.0.2\",\"127.0.0.3\"]");
		assertThat(Http.localNodes(cluster.node(4), null).body).isEqualTo("[\"127.0.0.4\",\"127.0.0.5\"]");
	}

	@Test
	void datacenterParameterSelectsAnotherDatacenter() {
		assertThat(Http.localNodes(cluster.node(0), "dc=dc2").body).isEqualTo("[\"127.0.0.4\",\"127.0.0.5\"]");
	}

	@Test
	void rackParameterFiltersTheContactedOrGivenDatacenter() {
		assertThat(Http.localNodes(cluster.node(0), "rack=rack2").body).isEqualTo("[\"127.0.0.3\"]");
		assertThat(Http.localNodes(cluster.node(0), "dc=dc2&rack=rack1").body)
			.isEqualTo("[\"127.0.0.4\",\"127.0.0.5\"]");
	}

	@Test
	void unknownDatacenterOrRackGivesAnEmptyList() {
		Http.Answer unknownRack = Http.localNodes(cluster.node(0), "rack=no-such-rack");
		assertThat(unknownRack.status).isEqualTo(200);
		assertThat(unknownRack.body).isEqualTo("[]");
		assertThat(Http.localNodes(cluster.node(0), "dc=DC1").body).as("matching is exact").isEqualTo("[]");
	}

	@Test
	void legacyModeIgnoresBothParameters() {
		cluster.legacyLocalNodes(true);
		assertThat(Http.localNodes(cluster.node(0), "rack=no-such-rack").body)
			.isEqualTo("[\"127.0.0.1\",\"127.0.0.2\",\"127.0.0.3\"]");
		assertThat(Http.localNodes(cluster.node(0), "dc=dc2").body)
			.isEqualTo("[\"127.0.0.1\",\"127.0.0.2\",\"127.0.0.3\"]");
	}

	@Test
	void stoppedAndHiddenNodesAreNotListedButJoiningOnesAre() {
		cluster.node(1).stop();
		cluster.node(2).hiddenFromLocalNodes(true);
		assertThat(Http.localNodes(cluster.node(0), null).body).isEqualTo("[\"127.0.0.1\"]");
		cluster.node(1).joining(Duration.ofSeconds(30));
		assertThat(Http.localNodes(cluster.node(0), null).body).isEqualTo("[\"127.0.0.1\",\"127.0.0.2\"]");
		assertThat(Http.get(cluster.node(2).endpoint()).status).as("hidden node still serves").isEqualTo(200);
	}

	@Test
	void healthCheckNamesTheNodeAndJoiningNodesAreNotHealthy() {
		Http.Answer health = Http.get(cluster.node(1).endpoint());
		assertThat(health.status).isEqualTo(200);
		assertThat(health.body).isEqualTo("healthy: 127.0.0.2:" + cluster.port());
		cluster.node(1).joining(Duration.ofSeconds(30));
		assertThat(Http.get(cluster.node(1).endpoint()).status).isEqualTo(503);
		assertThat(cluster.node(1).state()).isEqualTo(NodeState.JOINING);
	}

	@Test
	void joiningEndsByItself() throws InterruptedException {
		cluster.node(1).joining(Duration.ofMillis(200));
		Thread.sleep(300);
		assertThat(cluster.node(1).state()).isEqualTo(NodeState.RUNNING);
		assertThat(Http.get(cluster.node(1).endpoint()).status).isEqualTo(200);
	}

	@Test
	void countersCountEachKindOfRequest() {
		LocalNode node = cluster.node(3);
		node.resetCounters();
		Http.get(node.endpoint());
		Http.localNodes(node, null);
		Http.localNodes(node, "rack=rack1");
		assertThat(node.healthCheckCount()).isEqualTo(1);
		assertThat(node.localNodesRequestCount()).isEqualTo(2);
		assertThat(node.requestCount()).isZero();
	}

	@Test
	void faultyLocalNodesAnswers() {
		LocalNode node = cluster.node(0);
		node.localNodesFault(LocalNodesFault.INVALID_JSON);
		assertThat(Http.localNodes(node, null).body).startsWith("[").doesNotEndWith("]");
		node.localNodesFault(LocalNodesFault.HTML);
		assertThat(Http.localNodes(node, null).body).startsWith("<html>");
		node.localNodesFault(LocalNodesFault.NOT_ARRAY);
		assertThat(Http.localNodes(node, null).body).startsWith("{");
		node.localNodesFault(LocalNodesFault.EMPTY_ARRAY);
		assertThat(Http.localNodes(node, null).body).isEqualTo("[]");
		node.localNodesFault(LocalNodesFault.NON_ADDRESS_ENTRIES);
		assertThat(Http.localNodes(node, null).body).contains("not an address");
		node.localNodesFault(LocalNodesFault.SERVER_ERROR);
		assertThat(Http.localNodes(node, null).status).isEqualTo(500);
		node.localNodesFault(LocalNodesFault.NONE);
		assertThat(Http.localNodes(node, null).body).isEqualTo("[\"127.0.0.1\",\"127.0.0.2\",\"127.0.0.3\"]");
	}

	@Test
	void slowLocalNodesAnswerOutlastsAClientTimeout() {
		LocalNode node = cluster.node(0);
		node.localNodesFault(LocalNodesFault.SLOW);
		org.assertj.core.api.Assertions
			.assertThatThrownBy(
					() -> Http.get(java.net.URI.create(node.endpoint() + "/localnodes"), 300))
			.hasRootCauseInstanceOf(java.net.SocketTimeoutException.class);
	}

	@Test
	void addedNodeTakesTheNextAddressAndRemovedNodeLeaves() {
		LocalNode added = cluster.addNode("dc2", "rack2");
		try {
			assertThat(added.address()).isEqualTo("127.0.0.6");
			assertThat(Http.localNodes(cluster.node(0), "dc=dc2").body)
				.isEqualTo("[\"127.0.0.4\",\"127.0.0.5\",\"127.0.0.6\"]");
		}
		finally {
			cluster.removeNode(added);
		}
		assertThat(cluster.nodes()).hasSize(5);
		assertThat(Http.localNodes(cluster.node(0), "dc=dc2").body).isEqualTo("[\"127.0.0.4\",\"127.0.0.5\"]");
	}

}
