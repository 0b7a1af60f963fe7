package dev.alternator.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.alternator.local.LocalCluster;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue end to end, over real HTTP, on the local cluster of {@link LocalClusterConfiguration}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(LocalClusterConfiguration.class)
class CatalogueApplicationTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	LocalCluster embeddedCluster;

	@Test
	void productsRoundTripThroughTheRestApi() throws Exception {
		HttpResponse<String> created = send("POST", "/products",
				"{\"name\":\"Espresso cup\",\"category\":\"kitchen\",\"price\":12.50,\"description\":\"Porcelain\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		Matcher matcher = ID.matcher(created.body());
		assertThat(matcher.find()).isTrue();
		String id = matcher.group(1);
		assertThat(created.headers().firstValue("Location")).contains("/products/" + id);

		HttpResponse<String> read = send("GET", "/products/" + id, null);
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.body()).contains("\"name\":\"Espresso cup\"").contains("\"price\":12.5");

		HttpResponse<String> replaced = send("PUT", "/products/" + id,
				"{\"name\":\"Espresso cup\",\"category\":\"kitchen\",\"price\":9.99}");
		assertThat(replaced.statusCode()).isEqualTo(200);
		assertThat(send("GET", "/products/" + id, null).body()).contains("\"price\":9.99");

		send("POST", "/products", "{\"name\":\"Chair\",\"category\":\"furniture\",\"price\":40}");
		HttpResponse<String> kitchen = send("GET", "/products?category=kitchen", null);
		assertThat(kitchen.statusCode()).isEqualTo(200);
		assertThat(kitchen.body()).contains(id).doesNotContain("Chair");

		assertThat(send("DELETE", "/products/" + id, null).statusCode()).isEqualTo(204);
		assertThat(send("GET", "/products/" + id, null).statusCode()).isEqualTo(404);
		assertThat(send("DELETE", "/products/" + id, null).statusCode()).isEqualTo(404);
		// Replacing a product that does not exist fails its condition: not found, and nothing is created.
		assertThat(send("PUT", "/products/" + id, "{\"name\":\"Ghost\",\"category\":\"kitchen\",\"price\":1}")
			.statusCode()).isEqualTo(404);
		assertThat(send("GET", "/products/" + id, null).statusCode()).isEqualTo(404);
	}

	@Test
	void invalidProductIsABadRequestNamingTheFields() throws Exception {
		HttpResponse<String> response = send("POST", "/products", "{\"name\":\"\",\"category\":\"kitchen\",\"price\":-1}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("name").contains("price").contains("Invalid product");
	}

	@Test
	void missingProductIsNotFound() throws Exception {
		HttpResponse<String> response = send("GET", "/products/does-not-exist", null);
		assertThat(response.statusCode()).isEqualTo(404);
	}

	@Test
	void healthShowsTheAlternatorComponent() throws Exception {
		HttpResponse<String> health = send("GET", "/actuator/health", null);
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"alternator\":{")
			.contains("\"liveNodes\":3")
			.contains("\"rackDatacenterSupport\":\"SUPPORTED\"");
		HttpResponse<String> nodes = send("GET", "/actuator/alternator", null);
		assertThat(nodes.statusCode()).isEqualTo(200);
		assertThat(nodes.body()).contains("\"keyRouteAffinity\":\"RMW\"").contains("\"products\":\"id\"");
		for (String seed : this.embeddedCluster.seeds()) {
			assertThat(nodes.body()).contains("{\"address\":\"" + seed + "\",\"state\":\"live\"}");
		}
	}

	@Test
	void demoSpreadsABurstEvenlyOverTheEmbeddedNodes() throws Exception {
		HttpResponse<String> response = send("POST", "/demo/spread?requests=300", null);
		assertThat(response.statusCode()).isEqualTo(200);
		for (String seed : this.embeddedCluster.seeds()) {
			assertThat(response.body()).containsPattern(Pattern.quote(seed) + "\\s+100\\s+33\\.3%");
		}
		HttpResponse<String> metrics = send("GET", "/actuator/metrics/alternator.client.requests", null);
		assertThat(metrics.body()).contains("\"node\"");
	}

	private HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(10))
			.method(method, (json != null) ? HttpRequest.BodyPublishers.ofString(json)
					: HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
