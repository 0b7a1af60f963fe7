package dev.alternator.spring.autoconfigure;

import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;

/**
 * Customizes the load-balancing {@link DynamoDbAsyncClientBuilder} before the client is built. Applied in
 * {@code @Order}.
 */
@FunctionalInterface
public interface DynamoDbAsyncClientBuilderCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder, already load-balancing
	 */
	void customize(DynamoDbAsyncClientBuilder builder);

}
