package dev.alternator.spring.autoconfigure.endpoint;

import java.util.List;
import java.util.Map;

import dev.alternator.local.LocalCluster;
import dev.alternator.local.LocalNode;
import dev.alternator.local.testing.SharedCluster;
import dev.alternator.spring.autoconfigure.RunningApplicationSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole Spring Boot application against a local cluster, its {@code alternator} endpoint read over real HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=alternator,health",
				"alternator.credentials.access-key-id=" + AlternatorEndpointIntegrationTests.ACCESS_KEY,
				"alternator.credentials.secret-access-key=" + AlternatorEndpointIntegrationTests.SECRET,
				// No discovery round after start-up: the killed node stays listed, quarantined.
				"alternator.discovery.active-interval=5m", "alternator.discovery.idle-interval=5m",
				"alternator.discovery.probe-interval=100ms", "alternator.discovery.timeout=500ms",
				"alternator.http.read-timeout=2s" })
class AlternatorEndpointIntegrationTests extends RunningApplicationSupport {

	static final String ACCESS_KEY = "alternator";

	static final String SECRET = "endpoint-s3cr3t-never-shown";

	private static final LocalCluster cluster = LocalCluster.builder()
		.nodes("dc1", "rack1", 3)
		.credentials(ACCESS_KEY, SECRET)
		.start();

	@RegisterExtension
	static final SharedCluster shared = SharedCluster.of(cluster);

	@DynamicPropertySource
	static void seeds(DynamicPropertyRegistry registry) {
		registerSeeds(registry, cluster);
	}

	@Test
	void killedNodeLeavesTheLiveListAndNoSecretIsShown() throws Exception {
		LocalNode killed = cluster.node(2);
		String address = killed.endpoint().toString();
		assertThat(nodes(get("/actuator/alternator"))).hasSize(3)
			.allSatisfy((node) -> assertThat(node).containsEntry("state", "live"))
			.anySatisfy((node) -> assertThat(node).containsEntry("address", address));
		killed.kill();
		for (int i = 0; i < 3; i++) {
			this.client.listTables();
		}
		String body = get("/actuator/alternator");
		assertThat(nodes(body)).containsExactlyInAnyOrder(
				Map.of("address", cluster.node(0).endpoint().toString(), "state", "live"),
				Map.of("address", cluster.node(1).endpoint().toString(), "state", "live"),
				Map.of("address", address, "state", "quarantined"));
		assertThat(body).contains("\"activeScope\":\"cluster\"")
			.contains("\"rackDatacenterSupport\":\"SUPPORTED\"")
			.contains("\"keyRouteAffinity\":\"NONE\"")
			.contains("\"lastRefresh\"")
			.doesNotContain("\"lastError\"")
			.doesNotContain(SECRET);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> nodes(String body) {
		Map<String, Object> json = JsonMapper.builder().build().readValue(body, Map.class);
		return (List<Map<String, Object>>) json.get("nodes");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
