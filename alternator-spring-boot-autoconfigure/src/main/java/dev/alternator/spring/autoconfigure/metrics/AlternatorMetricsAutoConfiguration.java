package dev.alternator.spring.autoconfigure.metrics;

import dev.alternator.client.AlternatorLoadBalancer;
import dev.alternator.spring.autoconfigure.AlternatorAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link AlternatorMetrics} when Micrometer is present and there is one load balancer (or a primary one);
 * Spring Boot binds it to every meter registry.
 */
@AutoConfiguration(after = AlternatorAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnSingleCandidate(AlternatorLoadBalancer.class)
public final class AlternatorMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AlternatorMetrics alternatorMetrics(AlternatorLoadBalancer loadBalancer) {
		return new AlternatorMetrics(loadBalancer);
	}

}
