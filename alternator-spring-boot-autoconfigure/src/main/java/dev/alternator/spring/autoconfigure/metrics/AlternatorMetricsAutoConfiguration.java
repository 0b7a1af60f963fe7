package dev.alternator.spring.autoconfigure.metrics;

import dev.alternator.client.AlternatorLoadBalancer;
import dev.alternator.spring.autoconfigure.AlternatorAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link AlternatorMetrics} when there is a meter registry and one load balancer (or a primary one); Spring
 * Boot binds it to every meter registry. Ordered after Boot's registry auto-configurations and conditional on a
 * registry, as Spring Boot's {@code MongoMetricsAutoConfiguration} is.
 */
@AutoConfiguration(after = AlternatorAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnSingleCandidate(AlternatorLoadBalancer.class)
public final class AlternatorMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AlternatorMetrics alternatorMetrics(AlternatorLoadBalancer loadBalancer) {
		return new AlternatorMetrics(loadBalancer);
	}

}
