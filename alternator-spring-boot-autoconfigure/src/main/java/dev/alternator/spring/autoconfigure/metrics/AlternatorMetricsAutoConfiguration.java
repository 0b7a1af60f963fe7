package dev.alternator.spring.autoconfigure.metrics;

import dev.alternator.client.AlternatorLoadBalancer;
import dev.alternator.spring.autoconfigure.AlternatorAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link AlternatorMetrics} when Micrometer is present; Spring Boot binds it to every meter registry.
 */
@AutoConfiguration(after = AlternatorAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(AlternatorLoadBalancer.class)
public final class AlternatorMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AlternatorMetrics alternatorMetrics(AlternatorLoadBalancer loadBalancer) {
		return new AlternatorMetrics(loadBalancer);
	}

}
