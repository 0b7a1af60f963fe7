package dev.alternator.spring.autoconfigure;

import dev.alternator.client.RoutingScope;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each entry of {@code alternator.fallback-scopes} names a scope: the cluster, a datacenter, or a rack of one.
 */
class FallbackScopesPropertyTests {

	@Test
	void entriesNameTheClusterADatacenterOrARack() {
		assertThat(AlternatorAutoConfiguration.routingScope("cluster")).isEqualTo(RoutingScope.cluster());
		assertThat(AlternatorAutoConfiguration.routingScope(" dc1 ")).isEqualTo(RoutingScope.datacenter("dc1"));
		assertThat(AlternatorAutoConfiguration.routingScope("dc1/rack2")).isEqualTo(RoutingScope.rack("dc1", "rack2"));
	}

}
