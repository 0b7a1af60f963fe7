package dev.alternator.spring.autoconfigure.endpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.alternator.client.AlternatorLoadBalancer;
import dev.alternator.client.KeyRouteAffinity;
import dev.alternator.client.RackDatacenterSupport;
import dev.alternator.local.LocalCluster;
import dev.alternator.local.LocalNode;
import dev.alternator.local.testing.ClusterRestore;
import dev.alternator.local.testing.SharedCluster;
import dev.alternator.spring.autoconfigure.endpoint.AlternatorDescriptor.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the {@code alternator} endpoint reports about a real load balancer over a real local cluster.
 */
class AlternatorEndpointTests {

	private static final LocalCluster cluster = LocalCluster.start();

	@RegisterExtension
	static final SharedCluster shared = SharedCluster.of(cluster).afterEach(ClusterRestore::restartStopped);

	private static AlternatorLoadBalancer.Builder loadBalancer() {
		// Discovery only at start: a killed node stays listed (and quarantined) instead of being dropped by the next
		// round, so the test sees the state the endpoint is meant to show.
		return AlternatorLoadBalancer.builder()
			.seeds(cluster.seeds().get(0))
			.activeRefreshInterval(Duration.ofMinutes(5))
			.idleRefreshInterval(Duration.ofMinutes(5))
			.probeInterval(Duration.ofMillis(100))
			.discoveryTimeout(Duration.ofMillis(500));
	}

	@Test
	void scopesFallbackRackSupportAndKeyRouteAffinityAreReported() {
		try (AlternatorLoadBalancer loadBalancer = loadBalancer().datacenter("dc1")
			.rack("rack9")
			.keyRouteAffinity(KeyRouteAffinity.RMW)
			.partitionKey("orders", "customer")
			.build()) {
			loadBalancer.start();
			AlternatorDescriptor descriptor = new AlternatorEndpoint(loadBalancer).alternator();
			assertThat(descriptor.configuredScope()).isEqualTo("rack dc1/rack9 -> datacenter dc1 -> cluster");
			assertThat(descriptor.activeScope()).isEqualTo("datacenter dc1");
			assertThat(descriptor.fallbackInUse()).isTrue();
			assertThat(descriptor.rackDatacenterSupport()).isEqualTo(RackDatacenterSupport.SUPPORTED);
			assertThat(descriptor.datacenterKnown()).isTrue();
			assertThat(descriptor.rackKnown()).isFalse();
			assertThat(descriptor.keyRouteAffinity()).isEqualTo(KeyRouteAffinity.RMW);
			assertThat(descriptor.partitionKeys()).containsExactly(Map.entry("orders", "customer"));
			assertThat(Instant.parse(descriptor.lastRefresh())).isBeforeOrEqualTo(Instant.now());
			assertThat(descriptor.lastError()).isNull();
			assertThat(descriptor.nodes()).extracting(Node::address)
				.containsExactlyInAnyOrderElementsOf(
						cluster.nodes().stream().map((node) -> node.endpoint().toString()).toList());
		}
	}

	@Test
	void killedNodeIsQuarantinedThenLiveAgainWhenItAnswers() {
		try (AlternatorLoadBalancer loadBalancer = loadBalancer().build();
				DynamoDbClient client = loadBalancer.configure(DynamoDbClient.builder())
					.credentialsProvider(AnonymousCredentialsProvider.create())
					.build()) {
			loadBalancer.start();
			AlternatorEndpoint endpoint = new AlternatorEndpoint(loadBalancer);
			LocalNode killed = cluster.node(1);
			String address = killed.endpoint().toString();
			assertThat(endpoint.alternator().nodes()).contains(new Node(address, Node.LIVE)).hasSize(3);
			killed.kill();
			// Node state changes on the load balancer's admin thread, just after the failed attempt that showed it.
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
				client.listTables();
				assertThat(endpoint.alternator().nodes()).contains(new Node(address, Node.QUARANTINED))
					.filteredOn((node) -> node.state().equals(Node.LIVE))
					.hasSize(2)
					.extracting(Node::address)
					.doesNotContain(address);
			});
			killed.restart();
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(endpoint.alternator().nodes()).contains(new Node(address, Node.LIVE))
					.allSatisfy((node) -> assertThat(node.state()).isEqualTo(Node.LIVE)));
		}
	}

	@Test
	void failedDiscoveryIsReportedAsTheLastError() {
		try (AlternatorLoadBalancer loadBalancer = loadBalancer().build()) {
			loadBalancer.start();
			cluster.nodes().forEach(LocalNode::kill);
			loadBalancer.refresh();
			AlternatorDescriptor descriptor = new AlternatorEndpoint(loadBalancer).alternator();
			assertThat(descriptor.lastError()).isNotBlank();
			assertThat(descriptor.lastRefresh()).isNotNull();
		}
	}

	@Test
	void jsonNamesAreTheDocumentedOnes() {
		try (AlternatorLoadBalancer loadBalancer = loadBalancer().build()) {
			loadBalancer.start();
			JsonMapper mapper = JsonMapper.builder().build();
			String json = mapper.writeValueAsString(new AlternatorEndpoint(loadBalancer).alternator());
			@SuppressWarnings("unchecked")
			Map<String, Object> body = mapper.readValue(json, Map.class);
			assertThat(body.keySet()).containsExactlyInAnyOrder("nodes", "configuredScope", "activeScope",
					"fallbackInUse", "rackDatacenterSupport", "datacenterKnown", "rackKnown", "keyRouteAffinity",
					"partitionKeys", "lastRefresh", "lastError");
			assertThat(json).contains("\"state\":\"live\"")
				.contains("\"address\":\"" + cluster.node(0).endpoint() + "\"")
				.contains("\"keyRouteAffinity\":\"NONE\"")
				.contains("\"activeScope\":\"cluster\"");
		}
	}

}
