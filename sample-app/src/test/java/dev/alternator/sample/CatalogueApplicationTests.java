package dev.alternator.sample;

import java.util.regex.Pattern;

import dev.alternator.local.LocalCluster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue end to end, over real HTTP, on the local cluster of {@link LocalClusterConfiguration}. Answers are
 * read as JSON (JSONPath), never with regular expressions.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(LocalClusterConfiguration.class)
class CatalogueApplicationTests {

	@LocalServerPort
	int port;

	@Autowired
	LocalCluster embeddedCluster;

	RestTestClient client;

	@BeforeEach
	void client() {
		this.client = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	@Test
	void productsRoundTripThroughTheRestApiKeepingThePriceScale() {
		ProductResponse created = this.client.post()
			.uri("/products")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\":\"Espresso cup\",\"category\":\"kitchen\",\"price\":29.90,\"description\":\"Porcelain\"}")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(ProductResponse.class)
			.returnResult()
			.getResponseBody();
		assertThat(created).isNotNull();
		String id = created.id();
		this.client.get().uri("/products/" + id).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.name").isEqualTo("Espresso cup")
			.jsonPath("$.description").isEqualTo("Porcelain");
		// 29.90 stays 29.90 after a round trip through the database, which stores the number as 29.9.
		String json = this.client.get().uri("/products/" + id).exchange().expectBody(String.class).returnResult()
			.getResponseBody();
		assertThat(json).contains("\"price\":29.90");

		this.client.put().uri("/products/" + id).contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\":\"Espresso cup\",\"category\":\"kitchen\",\"price\":9}")
			.exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.price").isEqualTo(9.00);
		assertThat(this.client.get().uri("/products/" + id).exchange().expectBody(String.class).returnResult()
			.getResponseBody()).contains("\"price\":9.00");

		this.client.post().uri("/products").contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\":\"Chair\",\"category\":\"furniture\",\"price\":40}")
			.exchange().expectStatus().isCreated();
		this.client.get().uri("/products?category=kitchen").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$[*].id").value((ids) -> assertThat(ids.toString()).contains(id))
			.jsonPath("$[?(@.name == 'Chair')]").isEmpty();

		this.client.delete().uri("/products/" + id).exchange().expectStatus().isNoContent();
		this.client.get().uri("/products/" + id).exchange().expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.detail").isEqualTo("No product with id '" + id + "'");
		this.client.delete().uri("/products/" + id).exchange().expectStatus().isNotFound();
		// Replacing a product that does not exist fails its condition: not found, and nothing is created.
		this.client.put().uri("/products/" + id).contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\":\"Ghost\",\"category\":\"kitchen\",\"price\":1}")
			.exchange().expectStatus().isNotFound();
		this.client.get().uri("/products/" + id).exchange().expectStatus().isNotFound();
	}

	@Test
	void invalidProductIsAProblemNamingTheFields() {
		this.client.post().uri("/products").contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\":\"\",\"category\":\"kitchen\",\"price\":-1}")
			.exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status").isEqualTo(400)
			.jsonPath("$.fields.name").exists()
			.jsonPath("$.fields.price").exists()
			.jsonPath("$.fields.category").doesNotExist();
	}

	@Test
	void blankCategoryIsABadRequestNotAServerError() {
		this.client.get().uri("/products?category=").exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.fields.category").exists();
	}

	@Test
	void unknownPathMalformedJsonAndWrongTypesAreProblems() {
		this.client.get().uri("/no-such-page").exchange()
			.expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.status").isEqualTo(404);
		this.client.post().uri("/products").contentType(MediaType.APPLICATION_JSON).body("{\"name\":")
			.exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.detail").isEqualTo("Failed to read request");
		this.client.post().uri("/demo/spread?requests=many").exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.detail").value((detail) -> assertThat(detail.toString()).contains("requests"));
		this.client.delete().uri("/products").exchange()
			.expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void healthHidesDetailsButTheAlternatorEndpointListsTheNodes() {
		this.client.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.status").isEqualTo("UP")
			.jsonPath("$.components").doesNotExist();
		this.client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.status").isEqualTo("UP");
		// Components, like their details, are for authorised users only.
		this.client.get().uri("/actuator/health/alternator").exchange().expectStatus().isNotFound();
		var nodes = this.client.get().uri("/actuator/alternator").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.keyRouteAffinity").isEqualTo("RMW")
			.jsonPath("$.partitionKeys.products").isEqualTo("id");
		for (String seed : this.embeddedCluster.seeds()) {
			nodes.jsonPath("$.nodes[?(@.address == '" + seed + "')].state").isEqualTo(java.util.List.of("live"));
		}
	}

	@Test
	void demoSpreadsABurstEvenlyOverTheEmbeddedNodes() {
		String table = this.client.post().uri("/demo/spread?requests=300").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		for (String seed : this.embeddedCluster.seeds()) {
			assertThat(table).containsPattern(Pattern.quote(seed) + "\\s+100\\s+33\\.3%");
		}
		this.client.get().uri("/actuator/metrics/alternator.client.requests").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.availableTags[*].tag").value((tags) -> assertThat(tags.toString()).contains("node"));
	}

}
