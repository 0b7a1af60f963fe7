package dev.alternator.spring.autoconfigure;

import dev.alternator.client.AlternatorLoadBalancer;

/**
 * Customizes the {@link AlternatorLoadBalancer.Builder} after the properties are applied, for settings that have no
 * property (listeners, address translators). Applied in {@code @Order}.
 */
@FunctionalInterface
public interface AlternatorLoadBalancerBuilderCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder
	 */
	void customize(AlternatorLoadBalancer.Builder builder);

}
