package dev.alternator.sample;

import java.time.Duration;
import java.util.List;

import dev.alternator.local.LocalCluster;
import dev.alternator.local.LocalNode;
import dev.alternator.sample.demo.DemoStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The failover demo's JSON under a node kill, with the background load on: the killed node is quarantined and gets
 * no more requests, the others carry the load, and no call fails.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "demo.load.enabled=true", "demo.load.requests-per-second=100" })
@Import(LocalClusterConfiguration.class)
class FailoverDemoTests {

	@LocalServerPort
	int port;

	@Autowired
	LocalCluster cluster;

	RestTestClient client;

	@BeforeEach
	void client() {
		this.client = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	@AfterEach
	void restartAll() {
		this.cluster.nodes().forEach(LocalNode::restart);
	}

	@Test
	void killedNodeIsQuarantinedWhileNoCallFails() {
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(status().nodes())
			.hasSize(3)
			.allSatisfy((node) -> assertThat(node.perSecond()).isPositive()));
		String victim = status().nodes().get(0).address();

		this.client.post().uri("/demo/nodes/" + victim + "/kill").exchange().expectStatus().isNoContent();

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			DemoStatus status = status();
			DemoStatus.Node killed = node(status, victim);
			assertThat(killed.state()).isEqualTo("quarantined");
			assertThat(killed.process()).isEqualTo("killed");
			assertThat(killed.perSecond()).isZero();
			assertThat(status.nodes()).filteredOn((node) -> !node.address().equals(victim))
				.allSatisfy((node) -> assertThat(node.perSecond()).isPositive());
		});
		long before = status().succeeded();
		await().atMost(Duration.ofSeconds(30)).until(() -> status().succeeded() > before + 50);
		assertThat(status().failed()).isZero();

		this.client.post().uri("/demo/nodes/" + victim + "/restart").exchange().expectStatus().isNoContent();
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			DemoStatus.Node restarted = node(status(), victim);
			assertThat(restarted.state()).isEqualTo("live");
			assertThat(restarted.perSecond()).isPositive();
		});
		assertThat(status().failed()).isZero();
	}

	@Test
	void unknownActionOrNodeIsAProblem() {
		this.client.post().uri("/demo/nodes/127.0.0.1:1/kill").exchange().expectStatus().isNotFound();
		String address = status().nodes().get(0).address();
		this.client.post().uri("/demo/nodes/" + address + "/explode").exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.detail").isEqualTo("Unknown action 'explode': use kill, hang or restart");
	}

	private DemoStatus status() {
		return this.client.get().uri("/demo/status").exchange().expectStatus().isOk().expectBody(DemoStatus.class)
			.returnResult().getResponseBody();
	}

	private static DemoStatus.Node node(DemoStatus status, String address) {
		List<DemoStatus.Node> matching = status.nodes().stream().filter((node) -> node.address().equals(address))
			.toList();
		assertThat(matching).hasSize(1);
		return matching.get(0);
	}

}
