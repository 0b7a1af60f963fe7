package dev.alternator.spring.autoconfigure.endpoint;

import dev.alternator.client.AlternatorLoadBalancer;
import dev.alternator.local.LocalCluster;
import dev.alternator.local.testing.SharedCluster;
import dev.alternator.spring.autoconfigure.AlternatorAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.ConfigurableConversionService;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the {@code alternator} endpoint is registered, against a real local cluster.
 */
class AlternatorEndpointAutoConfigurationTests {

	private static final LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 3).start();

	@RegisterExtension
	static final SharedCluster shared = SharedCluster.of(cluster);

	// Without Netty there is no async client, whose event loops take about two seconds to shut down per context.
	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(AlternatorAutoConfiguration.class, AlternatorEndpointAutoConfiguration.class))
		.withClassLoader(new FilteredClassLoader(NettyNioAsyncHttpClient.class))
		.withPropertyValues("alternator.discovery.timeout=500ms");

	private ApplicationContextRunner exposed() {
		return this.runner.withPropertyValues("alternator.seeds=" + cluster.seeds().get(0),
				"management.endpoints.web.exposure.include=alternator");
	}

	@Test
	void endpointExposedOverHttpDescribesTheLiveNodes() {
		exposed().run((context) -> {
			assertThat(context).hasSingleBean(AlternatorEndpoint.class);
			AlternatorDescriptor descriptor = context.getBean(AlternatorEndpoint.class).alternator();
			assertThat(descriptor.nodes()).hasSize(3)
				.allSatisfy((node) -> assertThat(node.state()).isEqualTo(AlternatorDescriptor.Node.LIVE));
		});
	}

	@Test
	void endpointIsAbsentWhenNotExposed() {
		this.runner.withPropertyValues("alternator.seeds=" + cluster.seeds().get(0))
			.run((context) -> assertThat(context).hasSingleBean(AlternatorLoadBalancer.class)
				.doesNotHaveBean(AlternatorEndpoint.class));
	}

	@Test
	void endpointIsAbsentWhenItsAccessIsNone() {
		// As SpringApplication does, so that the value is read as users write it (lower case).
		exposed().withInitializer((context) -> context.getEnvironment()
			.setConversionService((ConfigurableConversionService) ApplicationConversionService.getSharedInstance()))
			.withPropertyValues("management.endpoint.alternator.access=none")
			.run((context) -> assertThat(context).hasSingleBean(AlternatorLoadBalancer.class)
				.doesNotHaveBean(AlternatorEndpoint.class));
	}

	@Test
	void endpointIsAbsentWhenDisabledWithTheLegacyEnabledProperty() {
		exposed().withPropertyValues("management.endpoint.alternator.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(AlternatorLoadBalancer.class)
				.doesNotHaveBean(AlternatorEndpoint.class));
	}

	@Test
	void endpointIsAbsentWithoutALoadBalancer() {
		exposed().withPropertyValues("alternator.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AlternatorLoadBalancer.class)
				.doesNotHaveBean(AlternatorEndpoint.class));
	}

	@Test
	void endpointIsAbsentWithoutTheActuator() {
		exposed().withClassLoader(new FilteredClassLoader(NettyNioAsyncHttpClient.class, Endpoint.class))
			.run((context) -> assertThat(context).hasSingleBean(AlternatorLoadBalancer.class)
				.doesNotHaveBean(AlternatorEndpoint.class));
	}

	@Test
	void applicationEndpointWins() {
		exposed().withUserConfiguration(UserEndpointConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(AlternatorEndpoint.class);
			assertThat(context.getBean(AlternatorEndpoint.class)).isSameAs(context.getBean("userAlternatorEndpoint"));
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserEndpointConfiguration {

		@Bean
		AlternatorEndpoint userAlternatorEndpoint(AlternatorLoadBalancer loadBalancer) {
			return new AlternatorEndpoint(loadBalancer);
		}

	}

}
