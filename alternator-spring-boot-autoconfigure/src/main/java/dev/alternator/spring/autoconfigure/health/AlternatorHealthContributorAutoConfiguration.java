package dev.alternator.spring.autoconfigure.health;

import dev.alternator.client.AlternatorLoadBalancer;
import dev.alternator.spring.autoconfigure.AlternatorAutoConfiguration;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.CompositeHealthContributorConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Registers the {@code alternator} health contributor when Spring Boot's health support is present: one
 * {@link AlternatorHealthIndicator} for a single load balancer, a composite keyed by bean name for several, as Spring
 * Boot does for its own clients. Backs off when the application defines {@code alternatorHealthIndicator} or
 * {@code alternatorHealthContributor}; switch it off with {@code management.health.alternator.enabled=false}.
 */
@AutoConfiguration(after = AlternatorAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(AlternatorLoadBalancer.class)
@ConditionalOnEnabledHealthIndicator("alternator")
public final class AlternatorHealthContributorAutoConfiguration
		extends CompositeHealthContributorConfiguration<AlternatorHealthIndicator, AlternatorLoadBalancer> {

	AlternatorHealthContributorAutoConfiguration() {
		super(AlternatorHealthIndicator::new);
	}

	@Bean
	@ConditionalOnMissingBean(name = { "alternatorHealthIndicator", "alternatorHealthContributor" })
	HealthContributor alternatorHealthContributor(ConfigurableListableBeanFactory beanFactory) {
		return createContributor(beanFactory, AlternatorLoadBalancer.class);
	}

}
