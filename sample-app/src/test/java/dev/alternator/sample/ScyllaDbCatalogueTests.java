package dev.alternator.sample;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.scylladb.ScyllaDBContainer;

/**
 * The catalogue on a real ScyllaDB with Alternator in Docker, connected by {@code @ServiceConnection} alone. Skipped
 * where Docker is missing; the GitHub workflow's {@code scylladb} job runs it.
 */
@Tag("scylladb")
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ScyllaDbCatalogueTests {

	@Container
	@ServiceConnection
	static final ScyllaDBContainer scylla = new ScyllaDBContainer("scylladb/scylla:6.2").withAlternator();

	@LocalServerPort
	int port;

	RestTestClient client;

	@BeforeEach
	void client() {
		this.client = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	@Test
	void productRoundTripsThroughScyllaDbKeepingThePriceScale() {
		String id = this.client.post().uri("/products").contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\":\"Teapot\",\"category\":\"kitchen\",\"price\":29.90}")
			.exchange()
			.expectStatus().isCreated()
			.expectBody(ProductResponse.class).returnResult().getResponseBody().id();
		this.client.get().uri("/products/" + id).exchange().expectStatus().isOk()
			.expectBody(String.class).value((json) -> org.assertj.core.api.Assertions.assertThat(json)
				.contains("\"price\":29.90"));
		this.client.get().uri("/products?category=kitchen").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$[0].name").isEqualTo("Teapot");
	}

}
