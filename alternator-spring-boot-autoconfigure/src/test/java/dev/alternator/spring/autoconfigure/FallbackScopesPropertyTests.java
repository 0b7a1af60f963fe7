package dev.alternator.spring.autoconfigure;

import dev.alternator.client.AlternatorLoadBalancer;
import dev.alternator.client.RoutingScope;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code alternator.fallback-scopes} names the scopes tried after the configured one: the cluster, a datacenter,
 * or a rack of one ({@code dc/rack}).
 */
class FallbackScopesPropertyTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AlternatorAutoConfiguration.class));

	@Test
	void entriesNameTheClusterADatacenterOrARack() {
		assertThat(AlternatorClientConfigurations.LoadBalancerConfiguration.routingScope("cluster"))
			.isEqualTo(RoutingScope.cluster());
		assertThat(AlternatorClientConfigurations.LoadBalancerConfiguration.routingScope(" dc1 "))
			.isEqualTo(RoutingScope.datacenter("dc1"));
		assertThat(AlternatorClientConfigurations.LoadBalancerConfiguration.routingScope("dc1/rack2"))
			.isEqualTo(RoutingScope.rack("dc1", "rack2"));
	}

	@Test
	void theLoadBalancerFollowsTheConfiguredChain() {
		this.runner
			.withPropertyValues("alternator.seeds=127.0.0.1:1", "alternator.datacenter=dc1", "alternator.rack=rack1",
					"alternator.fallback-scopes=dc1/rack2,cluster")
			.run((context) -> assertThat(context.getBean(AlternatorLoadBalancer.class).state().scopeChain())
				.containsExactly(RoutingScope.rack("dc1", "rack1"), RoutingScope.rack("dc1", "rack2"),
						RoutingScope.cluster()));
	}

}
