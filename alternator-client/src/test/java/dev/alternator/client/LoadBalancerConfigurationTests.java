package dev.alternator.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.alternator.client.internal.config.LoadBalancerSettings;
import dev.alternator.client.internal.discovery.LocalNodesAnswer;
import dev.alternator.client.internal.discovery.SeedParser;
import dev.alternator.client.internal.node.DiscoveryStatus;
import dev.alternator.client.internal.node.NodeEntry;
import dev.alternator.client.internal.node.NodeSet;
import dev.alternator.client.internal.routing.CallPlan;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad settings fail at build time with a message naming the setting, the bad value and a valid example.
 */
class LoadBalancerConfigurationTests {

	@Test
	void noSeeds() {
		assertThatThrownBy(() -> AlternatorLoadBalancer.builder().build())
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("No seeds configured")
			.hasMessageContaining("for example 10.0.0.1");
	}

	@Test
	void malformedSeed() {
		assertThatThrownBy(() -> AlternatorLoadBalancer.builder().seeds("node one").build())
			.hasMessageContaining("Seed 'node one' is not a valid host, host:port or URL");
		assertThatThrownBy(() -> AlternatorLoadBalancer.builder().seeds("ftp://node1").build())
			.hasMessageContaining("Seed 'ftp://node1'")
			.hasMessageContaining("'http' or 'https'");
		assertThatThrownBy(() -> AlternatorLoadBalancer.builder().seeds("node1:80000").build())
			.hasMessageContaining("port '80000' is not between 1 and 65535");
	}

	@Test
	void seedFormsAreUnderstood() {
		assertThat(SeedParser.parse("10.0.0.1", "http", 8000)).hasToString("http://10.0.0.1:8000");
		assertThat(SeedParser.parse("node1:8001", "http", 8000)).hasToString("http://node1:8001");
		assertThat(SeedParser.parse("https://node1:8043", "http", 8000)).hasToString("https://node1:8043");
		assertThat(SeedParser.parse("https://node1", "http", 8043)).hasToString("https://node1:8043");
		assertThat(SeedParser.parse("[::1]:8000", "http", 9000)).hasToString("http://[::1]:8000");
		assertThat(SeedParser.parse("fe80::1", "http", 8000).host()).isEqualTo("fe80::1");
	}

	@Test
	void portOutOfRange() {
		assertThatThrownBy(() -> AlternatorLoadBalancer.builder().seeds("10.0.0.1").port(0).build())
			.hasMessage("port must be between 1 and 65535, was 0; for example 8000");
	}

	@Test
	void discoveredNodesTakeTheFirstSeedsSchemeAndPortUnlessSet() {
		LoadBalancerSettings derived = settings(AlternatorLoadBalancer.builder().seeds("https://n1:8043"));
		assertThat(derived.scheme).isEqualTo("https");
		assertThat(derived.port).isEqualTo(8043);
		LoadBalancerSettings plain = settings(AlternatorLoadBalancer.builder().seeds("n1"));
		assertThat(plain.scheme).isEqualTo("http");
		assertThat(plain.port).isEqualTo(8000);
		LoadBalancerSettings explicit = settings(
				AlternatorLoadBalancer.builder().seeds("n1:9000").port(8001).scheme("https"));
		assertThat(explicit.port).isEqualTo(8001);
		assertThat(explicit.scheme).isEqualTo("https");
		assertThat(explicit.seeds.get(0)).hasToString("https://n1:9000");
	}

	private static LoadBalancerSettings settings(AlternatorLoadBalancer.Builder builder) {
		AlternatorLoadBalancer loadBalancer = builder.build();
		try {
			return loadBalancer.settings();
		}
		finally {
			loadBalancer.close();
		}
	}

	@Test
	void rackWithoutDatacenter() {
		assertThatThrownBy(() -> AlternatorLoadBalancer.builder().seeds("10.0.0.1").rack("rack1").build())
			.hasMessageContaining("rack 'rack1' needs a datacenter");
	}

	@Test
	void nonPositiveIntervals() {
		assertThatThrownBy(
				() -> AlternatorLoadBalancer.builder().seeds("10.0.0.1").activeRefreshInterval(Duration.ZERO).build())
			.hasMessage("activeRefreshInterval must be a positive duration, was PT0S; for example 1s");
		assertThatThrownBy(() -> AlternatorLoadBalancer.builder()
			.seeds("10.0.0.1")
			.idleRefreshInterval(Duration.ofSeconds(-1))
			.build()).hasMessageContaining("idleRefreshInterval");
		assertThatThrownBy(() -> AlternatorLoadBalancer.builder().seeds("10.0.0.1").maxConnections(0).build())
			.hasMessageContaining("maxConnections must be at least 1, was 0");
	}

	@Test
	void badScheme() {
		assertThatThrownBy(() -> AlternatorLoadBalancer.builder().seeds("10.0.0.1").scheme("ftp").build())
			.hasMessage("scheme must be 'http' or 'https', was 'ftp'");
	}

	@Test
	void passwordsNeverAppearInDescriptions() {
		TlsSettings tls = TlsSettings.builder()
			.trustStore(Path.of("trust.p12"), "trust-secret".toCharArray(), "PKCS12")
			.clientCertificate(Path.of("client.p12"), "key-secret".toCharArray(), null)
			.build();
		assertThat(tls.toString()).doesNotContain("trust-secret").doesNotContain("key-secret");
		// Files that cannot be read are reported by name, never with their password.
		assertThatThrownBy(() -> AlternatorLoadBalancer.builder().seeds("10.0.0.1").tls(tls).build())
			.hasMessageContaining("client.p12")
			.message()
			.doesNotContain("key-secret");
	}

	@Test
	void conflictingTlsSettingsAreNamed() {
		assertThatThrownBy(() -> TlsSettings.builder()
			.trustStore(Path.of("a.p12"), null, null)
			.caCertificate(Path.of("ca.pem"))
			.build()).hasMessageContaining("either a trust store or a CA certificate");
	}

	@Test
	void localNodesAnswersAreCheckedStrictly() {
		assertThat(LocalNodesAnswer.parse(" [\"10.0.0.1\", \"node-2.example\",\"fe80::1\"] "))
			.containsExactly("10.0.0.1", "node-2.example", "fe80::1");
		assertThat(LocalNodesAnswer.parse("[]")).isEmpty();
		assertThatThrownBy(() -> LocalNodesAnswer.parse("[\"10.0.0.1\",")).hasMessageContaining("[\"10.0.0.1\",");
		assertThatThrownBy(() -> LocalNodesAnswer.parse("[\"10.0.0.1\"")).hasMessageContaining("unterminated");
		assertThatThrownBy(() -> LocalNodesAnswer.parse("{\"a\":1}")).hasMessageContaining("not a JSON array");
		assertThatThrownBy(() -> LocalNodesAnswer.parse("[1]")).hasMessageContaining("address strings");
		assertThatThrownBy(() -> LocalNodesAnswer.parse("[\"not an address!\"]"))
			.hasMessageContaining("is not an address");
		assertThatThrownBy(() -> LocalNodesAnswer.parse("[] trailing")).hasMessageContaining("after the array");
	}

	@Test
	void callPlanNeverRepeatsANodeWhileOthersRemain() {
		AlternatorNode a = AlternatorNode.of("http", "10.0.0.1", 8000);
		AlternatorNode b = AlternatorNode.of("http", "10.0.0.2", 8000);
		AlternatorNode c = AlternatorNode.of("http", "10.0.0.3", 8000);
		NodeEntry[] live = { new NodeEntry(a), new NodeEntry(b), new NodeEntry(c) };
		NodeSet nodes = new NodeSet(new NodeEntry[][] { live, NodeSet.NONE, NodeSet.NONE },
				java.util.List.of(RoutingScope.cluster()), live, java.util.List.of(live), java.util.List.of(),
				DiscoveryStatus.INITIAL);
		CallPlan plan = new CallPlan();
		plan.begin(nodes, 1);
		// From the call's turn, the three first attempts cover the three nodes.
		assertThat(plan.next().node).isEqualTo(b);
		assertThat(plan.next().node).isEqualTo(c);
		assertThat(plan.next().node).isEqualTo(a);
		// A fourth attempt starts a new round but avoids the node that just failed.
		assertThat(plan.next().node).isNotEqualTo(a);
	}

	@Test
	void keyRouteAffinitySettingsNameWhatIsWrong() {
		assertThatThrownBy(() -> AlternatorLoadBalancer.builder().partitionKey(" ", "id"))
			.hasMessageContaining("partitionKey needs a table name")
			.hasMessageContaining("partitionKey(\"orders\", \"customerId\")");
		assertThatThrownBy(() -> AlternatorLoadBalancer.builder().partitionKey("orders", null))
			.hasMessageContaining("partitionKey of table 'orders' needs an attribute name");
		assertThatThrownBy(() -> AlternatorLoadBalancer.builder().keyRouteAffinity(null))
			.hasMessageContaining("use NONE");
	}

	@Test
	void stateTellsTheKeyRouteAffinityModeAndTheConfiguredPartitionKeys() {
		try (AlternatorLoadBalancer loadBalancer = AlternatorLoadBalancer.builder()
			.seeds("127.0.0.1:1")
			.keyRouteAffinity(KeyRouteAffinity.RMW)
			.partitionKey("orders", "customerId")
			.build()) {
			assertThat(loadBalancer.state().keyRouteAffinity()).isEqualTo(KeyRouteAffinity.RMW);
			assertThat(loadBalancer.state().partitionKeys()).containsExactly(Map.entry("orders", "customerId"));
		}
		try (AlternatorLoadBalancer loadBalancer = AlternatorLoadBalancer.builder().seeds("127.0.0.1:1").build()) {
			assertThat(loadBalancer.state().keyRouteAffinity()).isEqualTo(KeyRouteAffinity.NONE);
			assertThat(loadBalancer.state().partitionKeys()).isEmpty();
		}
	}

}
