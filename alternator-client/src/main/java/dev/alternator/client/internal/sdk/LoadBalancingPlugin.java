package dev.alternator.client.internal.sdk;

import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.SdkServiceClientConfiguration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.retries.LegacyRetryStrategy;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * Finishes a client's configuration when it is built, after every setting the application made: turns the retry
 * budget off and adds the key-route affinity interceptor. A plugin, because the SDK keeps only the last
 * {@code overrideConfiguration(...)} given to a builder: settings made there would be lost as soon as the application
 * set its own overrides after {@code configure(...)}.
 * <p>
 * The SDK's retry budget (circuit breaker) stops retrying after a few failures, which is right when every retry goes to
 * the same endpoint and wrong here, where each retry goes to a node the call has not tried. DynamoDB's retry policy is
 * kept otherwise (attempts, back-off); adaptive and custom strategies are left as they are.
 */
public final class LoadBalancingPlugin implements SdkPlugin {

	private final ExecutionInterceptor keyAffinity;

	/** Warns when the load balancer's HTTP client was replaced; {@code null} when not watched. */
	private final ExecutionInterceptor httpClientWitness;

	/**
	 * @param keyAffinity the interceptor of key-route affinity, or {@code null} when it is off
	 */
	public LoadBalancingPlugin(ExecutionInterceptor keyAffinity) {
		this(keyAffinity, null);
	}

	/**
	 * @param keyAffinity the interceptor of key-route affinity, or {@code null} when it is off
	 * @param httpClientWitness the {@link HttpClientWitness} of the builder's HTTP client, or {@code null}
	 */
	public LoadBalancingPlugin(ExecutionInterceptor keyAffinity, ExecutionInterceptor httpClientWitness) {
		this.keyAffinity = keyAffinity;
		this.httpClientWitness = httpClientWitness;
	}

	@Override
	public void configureClient(SdkServiceClientConfiguration.Builder config) {
		ClientOverrideConfiguration existing = config.overrideConfiguration();
		ClientOverrideConfiguration.Builder overrides = existing.toBuilder();
		existing.retryStrategy().ifPresent((strategy) -> overrides.retryStrategy(withoutRetryBudget(strategy)));
		if (this.keyAffinity != null && !existing.executionInterceptors().contains(this.keyAffinity)) {
			overrides.addExecutionInterceptor(this.keyAffinity);
		}
		if (this.httpClientWitness != null && !existing.executionInterceptors().contains(this.httpClientWitness)) {
			overrides.addExecutionInterceptor(this.httpClientWitness);
		}
		config.overrideConfiguration(overrides.build());
	}

	public static RetryStrategy withoutRetryBudget(RetryStrategy strategy) {
		RetryStrategy.Builder<?, ?> builder = strategy.toBuilder();
		if (builder instanceof LegacyRetryStrategy.Builder legacy) {
			return legacy.circuitBreakerEnabled(false).build();
		}
		if (builder instanceof StandardRetryStrategy.Builder standard) {
			return standard.circuitBreakerEnabled(false).build();
		}
		return strategy;
	}

}
