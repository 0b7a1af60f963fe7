package dev.alternator.client;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import dev.alternator.local.LocalCluster;
import dev.alternator.local.LocalNode;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Configurable fallback chains (issue 10, "What to build"): rack1, then rack2, then the datacenter, as ScyllaDB's
 * Java, Go, C# and Rust clients allow. Written against an API that does not exist on this branch yet, the one the
 * {@code client-core} branch proposes: {@code AlternatorLoadBalancer.Builder fallbackScopes(RoutingScope... scopes)},
 * the scopes to fall through, in order, after the configured one. The builder method is looked up by reflection so
 * that the rest of the module compiles before it exists; once it does, call it directly.
 */
class FallbackChainTests {

	private static final String TABLE = "fallback_chain";

	@Test
	void requestsFallThroughTheConfiguredChainInOrder() throws Exception {
		try (LocalCluster cluster = LocalCluster.builder()
			.node("dc1", "rack1")
			.node("dc1", "rack2")
			.node("dc1", "rack3")
			.start()) {
			HighAvailabilityRegressionTests.createTable(cluster, TABLE);
			LocalNode rack1 = cluster.node(0);
			LocalNode rack2 = cluster.node(1);
			LocalNode rack3 = cluster.node(2);
			AlternatorLoadBalancer.Builder builder = TestClients.fastLoadBalancer(cluster)
				.seeds(cluster.seeds())
				.datacenter("dc1")
				.rack("rack1");
			fallbackScopes(builder, RoutingScope.rack("dc1", "rack2"), RoutingScope.datacenter("dc1"));
			try (AlternatorLoadBalancer loadBalancer = builder.build();
					DynamoDbClient client = TestClients.client(loadBalancer)) {
				try (CallLoad load = CallLoad.start(client, TABLE, 4)) {
					load.awaitMoreSuccesses(200, 10_000);
					rack1.kill();
					load.awaitMoreSuccesses(100, 10_000);
					cluster.resetCounters();
					load.awaitMoreSuccesses(300, 10_000);
					// rack2 is next in the chain and up: rack3 (reachable only through dc1) gets nothing.
					assertThat(rack2.requestCount()).isGreaterThanOrEqualTo(250);
					assertThat(rack3.requestCount()).isZero();
					rack2.kill();
					load.awaitMoreSuccesses(300, 10_000);
					assertThat(rack3.requestCount()).isGreaterThan(0);
					rack1.restart();
					rack2.restart();
					load.close();
					assertThat(load.failures()).as(load.summary()).isEmpty();
				}
				assertThat(loadBalancer.state().configuredScope().rack()).contains("rack1");
			}
		}
	}

	/**
	 * Calls the assumed {@code Builder.fallbackScopes(RoutingScope...)}.
	 */
	static AlternatorLoadBalancer.Builder fallbackScopes(AlternatorLoadBalancer.Builder builder,
			RoutingScope... scopes) throws Exception {
		Method method;
		try {
			method = AlternatorLoadBalancer.Builder.class.getMethod("fallbackScopes", RoutingScope[].class);
		}
		catch (NoSuchMethodException ex) {
			throw new AssertionError("AlternatorLoadBalancer.Builder has no fallbackScopes(RoutingScope...) for a"
					+ " configurable fallback chain yet", ex);
		}
		try {
			return (AlternatorLoadBalancer.Builder) method.invoke(builder, (Object) scopes);
		}
		catch (InvocationTargetException ex) {
			throw (ex.getCause() instanceof Exception cause) ? cause : ex;
		}
	}

}
