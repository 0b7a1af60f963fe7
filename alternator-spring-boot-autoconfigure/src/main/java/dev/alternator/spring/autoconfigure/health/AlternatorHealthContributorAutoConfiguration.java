package dev.alternator.spring.autoconfigure.health;

import dev.alternator.client.AlternatorLoadBalancer;
import dev.alternator.spring.autoconfigure.AlternatorAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Registers the {@code alternator} health indicator when Spring Boot's health support is present. Switch it off with
 * {@code management.health.alternator.enabled=false}.
 */
@AutoConfiguration(after = AlternatorAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(AlternatorLoadBalancer.class)
@ConditionalOnEnabledHealthIndicator("alternator")
public final class AlternatorHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "alternatorHealthIndicator")
	AlternatorHealthIndicator alternatorHealthIndicator(AlternatorLoadBalancer loadBalancer) {
		return new AlternatorHealthIndicator(loadBalancer);
	}

}
