package dev.alternator.spring.autoconfigure.observation;

import dev.alternator.spring.autoconfigure.AlternatorAutoConfiguration;
import dev.alternator.spring.autoconfigure.DynamoDbAsyncClientBuilderCustomizer;
import dev.alternator.spring.autoconfigure.DynamoDbClientBuilderCustomizer;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * One Micrometer observation per call of the auto-configured DynamoDB clients (see
 * {@link AlternatorObservationConvention} for its name and tags), when there is an {@link ObservationRegistry}: with
 * Spring Boot's actuator that gives a timer per operation, table, node and outcome, and a span per call with its
 * tracing. Ordered after Spring Boot's observation auto-configuration.
 */
@AutoConfiguration(before = AlternatorAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ ObservationRegistry.class, ExecutionInterceptor.class })
@ConditionalOnBean(ObservationRegistry.class)
public final class AlternatorObservationAutoConfiguration {

	@Bean
	ObservationInterceptor alternatorObservationInterceptor(ObservationRegistry registry,
			ObjectProvider<AlternatorObservationConvention> convention) {
		return new ObservationInterceptor(registry, convention.getIfAvailable(AlternatorObservationConvention.Default::new));
	}

	@Bean
	DynamoDbClientBuilderCustomizer alternatorObservationClientCustomizer(ObservationInterceptor interceptor) {
		return (builder) -> builder.overrideConfiguration(with(builder.overrideConfiguration(), interceptor));
	}

	@Bean
	DynamoDbAsyncClientBuilderCustomizer alternatorObservationAsyncClientCustomizer(
			ObservationInterceptor interceptor) {
		return (builder) -> builder.overrideConfiguration(with(builder.overrideConfiguration(), interceptor));
	}

	/**
	 * Adds the interceptor to whatever override configuration the builder already has, keeping the rest.
	 */
	private static ClientOverrideConfiguration with(ClientOverrideConfiguration current,
			ObservationInterceptor interceptor) {
		return current.toBuilder().addExecutionInterceptor(interceptor).build();
	}

}
