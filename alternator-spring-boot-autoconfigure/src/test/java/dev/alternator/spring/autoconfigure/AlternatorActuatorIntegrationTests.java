package dev.alternator.spring.autoconfigure;

import java.time.Duration;

import dev.alternator.client.AlternatorLoadBalancer;
import dev.alternator.local.LocalCluster;
import dev.alternator.local.LocalNode;
import dev.alternator.local.testing.ClusterRestore;
import dev.alternator.local.testing.SharedCluster;
import dev.alternator.testing.RawHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A whole Spring Boot application against a local cluster, its actuator read over real HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,metrics,env,configprops",
				"management.endpoint.health.show-details=always", "management.endpoint.env.show-values=always",
				"management.endpoint.configprops.show-values=always",
				"alternator.credentials.access-key-id=" + AlternatorActuatorIntegrationTests.ACCESS_KEY,
				"alternator.credentials.secret-access-key=" + AlternatorActuatorIntegrationTests.SECRET,
				"alternator.datacenter=dc1", "alternator.rack=rack9", "alternator.discovery.active-interval=200ms",
				"alternator.discovery.probe-interval=100ms", "alternator.discovery.timeout=500ms",
				"alternator.http.read-timeout=2s" })
class AlternatorActuatorIntegrationTests extends RunningApplicationSupport {

	static final String ACCESS_KEY = "alternator";

	static final String SECRET = "s3cr3t-never-shown";

	private static final LocalCluster cluster = LocalCluster.builder()
		.nodes("dc1", "rack1", 2)
		.node("dc1", "rack2")
		.credentials(ACCESS_KEY, SECRET)
		.start();

	@RegisterExtension
	static final SharedCluster shared = SharedCluster.of(cluster);

	@Autowired
	AlternatorLoadBalancer loadBalancer;

	@DynamicPropertySource
	static void seeds(DynamicPropertyRegistry registry) {
		registerSeeds(registry, cluster);
	}

	@AfterEach
	void restartNodes() {
		ClusterRestore.restartStopped(cluster);
		// Without traffic discovery runs at the idle interval: ask for a refresh instead of waiting for it.
		await().atMost(Duration.ofSeconds(5)).until(() -> {
			this.loadBalancer.refresh();
			return this.loadBalancer.state().liveNodes().size() == 3;
		});
	}

	@Test
	void healthReportsLiveNodesRackSupportAndTheUnknownRack() throws Exception {
		String health = get("/actuator/health/alternator");
		assertThat(health).contains("\"status\":\"UP\"")
			.contains("\"liveNodes\":3")
			.contains("\"rackDatacenterSupport\":\"SUPPORTED\"")
			.contains("\"rackKnown\":false")
			.contains("\"datacenterKnown\":true")
			.contains("\"activeScope\":\"datacenter dc1\"")
			.contains("\"fallbackInUse\":true");
	}

	@Test
	void requestsAreSpreadAndSignedThroughTheAutoConfiguredClient() throws Exception {
		cluster.resetCounters();
		for (int i = 0; i < 30; i++) {
			this.client.listTables();
		}
		assertThat(cluster.nodes()).allSatisfy((node) -> assertThat(node.requestCount()).isEqualTo(10));
		String metrics = get("/actuator/metrics/alternator.client.requests");
		assertThat(metrics).contains("\"node\"").contains("127.0.0.1:" + cluster.port());
	}

	@Test
	void killedNodeTurnsTheCountDownAndHealthStaysUp() throws Exception {
		cluster.node(1).kill();
		for (int i = 0; i < 6; i++) {
			this.client.listTables();
		}
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(get("/actuator/health/alternator"))
			.contains("\"status\":\"UP\"")
			.contains("\"liveNodes\":2"));
	}

	@Test
	void allNodesDownTurnsHealthDown() throws Exception {
		cluster.nodes().forEach(LocalNode::kill);
		for (int i = 0; i < 3; i++) {
			try {
				this.client.listTables();
			}
			catch (RuntimeException expected) {
				// every node is dead
			}
		}
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			RawHttp.Answer answer = RawHttp.get(uri("/actuator/health/alternator"), 30_000);
			assertThat(answer.status()).isEqualTo(503);
			assertThat(answer.body()).contains("\"status\":\"DOWN\"").contains("\"liveNodes\":0");
		});
	}

	@Test
	void secretIsNeverShownByTheActuator() throws Exception {
		String env = get("/actuator/env");
		String configprops = get("/actuator/configprops");
		assertThat(env).contains("alternator.credentials.access-key-id").doesNotContain(SECRET);
		assertThat(configprops).contains("secretAccessKey").doesNotContain(SECRET);
		assertThat(get("/actuator/health")).doesNotContain(SECRET);
	}

	@SpringBootApplication
	static class TestApplication {

	}

}
