package dev.alternator.client.internal.sdk;

import java.util.List;

import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.SdkServiceClientConfiguration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.retries.LegacyRetryStrategy;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * Finishes a client's configuration when it is built, after every setting the application made: turns the retry
 * budget off, adds the interceptors of key-route affinity and compression, and appends this library's User-Agent part.
 * A plugin, because the SDK keeps only the last {@code overrideConfiguration(...)} given to a builder: settings made
 * there would be lost as soon as the application set its own overrides after {@code configure(...)}.
 * <p>
 * The SDK's retry budget (circuit breaker) stops retrying after a few failures, which is right when every retry goes to
 * the same endpoint and wrong here, where each retry goes to a node the call has not tried. DynamoDB's retry policy is
 * kept otherwise (attempts, back-off); adaptive and custom strategies are left as they are.
 */
public final class LoadBalancingPlugin implements SdkPlugin {

	private final List<ExecutionInterceptor> interceptors;

	private final String userAgent;

	/** Warns when the load balancer's HTTP client was replaced; {@code null} when not watched. */
	private final ExecutionInterceptor httpClientWitness;

	/**
	 * @param interceptors the interceptors to add, in order (key-route affinity, compression)
	 * @param userAgent this library's User-Agent part (see {@link UserAgent#of(String)})
	 * @param httpClientWitness the {@link HttpClientWitness} of the builder's HTTP client, or {@code null}
	 */
	public LoadBalancingPlugin(List<ExecutionInterceptor> interceptors, String userAgent,
			ExecutionInterceptor httpClientWitness) {
		this.interceptors = List.copyOf(interceptors);
		this.userAgent = userAgent;
		this.httpClientWitness = httpClientWitness;
	}

	@Override
	public void configureClient(SdkServiceClientConfiguration.Builder config) {
		ClientOverrideConfiguration existing = config.overrideConfiguration();
		ClientOverrideConfiguration.Builder overrides = existing.toBuilder();
		existing.retryStrategy().ifPresent((strategy) -> overrides.retryStrategy(withoutRetryBudget(strategy)));
		for (ExecutionInterceptor interceptor : this.interceptors) {
			if (!existing.executionInterceptors().contains(interceptor)) {
				overrides.addExecutionInterceptor(interceptor);
			}
		}
		// The SDK's User-Agent suffix option (not deprecated in 2.40 nor in 2.57), added after the application's own
		// suffix rather than replacing it.
		String suffix = existing.advancedOption(SdkAdvancedClientOption.USER_AGENT_SUFFIX).orElse(null);
		if (suffix == null || suffix.isBlank()) {
			overrides.putAdvancedOption(SdkAdvancedClientOption.USER_AGENT_SUFFIX, this.userAgent);
		}
		else if (!suffix.contains(this.userAgent)) {
			overrides.putAdvancedOption(SdkAdvancedClientOption.USER_AGENT_SUFFIX, suffix + " " + this.userAgent);
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
