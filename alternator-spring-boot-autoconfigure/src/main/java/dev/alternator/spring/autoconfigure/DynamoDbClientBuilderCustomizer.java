package dev.alternator.spring.autoconfigure;

import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Customizes the load-balancing {@link DynamoDbClientBuilder} (interceptors, metric publishers, overrides) before the
 * client is built. Applied in {@code @Order}.
 */
@FunctionalInterface
public interface DynamoDbClientBuilderCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder, already load-balancing
	 */
	void customize(DynamoDbClientBuilder builder);

}
