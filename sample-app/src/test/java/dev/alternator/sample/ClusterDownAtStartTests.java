package dev.alternator.sample;

import java.time.Duration;

import dev.alternator.local.LocalCluster;
import dev.alternator.local.LocalNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.awaitility.Awaitility.await;

/**
 * The application started while its only node is down: it starts anyway, answers 503 with {@code Retry-After} and is
 * not ready, then creates its table and serves once the node comes back; and 503 again when it dies.
 */
class ClusterDownAtStartTests {

	private LocalCluster cluster;

	private ConfigurableApplicationContext application;

	@AfterEach
	void close() {
		if (this.application != null) {
			this.application.close();
		}
		if (this.cluster != null) {
			this.cluster.close();
		}
	}

	@Test
	void startsWithTheClusterDownServes503AndRecoversWhenItComes() {
		this.cluster = LocalCluster.builder().node("dc1", "rack1").start();
		LocalNode node = this.cluster.node(0);
		node.kill();
		this.application = new SpringApplication(CatalogueApplication.class).run("--server.port=0",
				"--alternator.seeds=" + String.join(",", this.cluster.seeds()));
		String port = this.application.getEnvironment().getProperty("local.server.port");
		RestTestClient client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();

		client.get().uri("/products?category=kitchen").exchange()
			.expectStatus().isEqualTo(503)
			.expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, ProblemDetails.RETRY_AFTER_SECONDS)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.title").isEqualTo("Database unavailable");
		client.get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(503);
		// A production configuration has no node control: the demo page shows no load and its buttons are off.
		client.get().uri("/demo/status").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.controls").isEqualTo(false)
			.jsonPath("$.loadRunning").isEqualTo(false);
		client.post().uri("/demo/nodes/" + this.cluster.seeds().get(0) + "/kill").exchange()
			.expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		// Liveness stays up: restarting the application would not bring the database back.
		client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();

		node.restart();
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> client.get().uri("/products?category=kitchen")
			.exchange().expectStatus().isOk().expectBody().json("[]"));
		client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();

		// And when the only node dies while the application runs: no live node, 503 again.
		node.kill();
		client.get().uri("/products/some-id").exchange()
			.expectStatus().isEqualTo(503)
			.expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, ProblemDetails.RETRY_AFTER_SECONDS);
	}

}
