package dev.alternator.spring.autoconfigure.endpoint;

import dev.alternator.client.AlternatorLoadBalancer;
import dev.alternator.spring.autoconfigure.AlternatorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/**
 * Registers the {@code alternator} actuator endpoint when Spring Boot's actuator is present. As every endpoint, it is
 * available only when its access is not {@code none} ({@code management.endpoint.alternator.access}) and it is
 * exposed, for example with {@code management.endpoints.web.exposure.include=alternator}. It describes the single (or
 * primary) load balancer.
 */
@AutoConfiguration(after = AlternatorAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnSingleCandidate(AlternatorLoadBalancer.class)
@ConditionalOnAvailableEndpoint(AlternatorEndpoint.class)
public final class AlternatorEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AlternatorEndpoint alternatorEndpoint(AlternatorLoadBalancer loadBalancer) {
		return new AlternatorEndpoint(loadBalancer);
	}

}
