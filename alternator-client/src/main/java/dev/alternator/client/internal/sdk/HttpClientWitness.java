package dev.alternator.client.internal.sdk;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;

/**
 * Notices when the HTTP client the load balancer put on a client builder was replaced afterwards (an
 * {@code httpClient(...)} call after {@code configure(...)}): the replacement does not report transport failures, so
 * failing nodes would silently stay in rotation. The SDK gives plugins no access to the HTTP client, so this watches
 * instead: the load balancer's client marks that it carried an attempt, and an interceptor warns once when an answer
 * arrives that it did not carry. The application keeps working.
 */
public final class HttpClientWitness implements ExecutionInterceptor {

	private static final Logger logger = LoggerFactory.getLogger(HttpClientWitness.class);

	private volatile boolean carried;

	private final AtomicBoolean warned = new AtomicBoolean();

	/**
	 * Wraps the load balancer's synchronous client so that it marks the attempts it carries.
	 * @param client the client
	 * @return the marking client
	 */
	public SdkHttpClient watch(SdkHttpClient client) {
		return new SdkHttpClient() {

			@Override
			public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
				HttpClientWitness.this.carried = true;
				return client.prepareRequest(request);
			}

			@Override
			public String clientName() {
				return client.clientName();
			}

			@Override
			public void close() {
				client.close();
			}

		};
	}

	/**
	 * Wraps the load balancer's asynchronous client so that it marks the attempts it carries.
	 * @param client the client
	 * @return the marking client
	 */
	public SdkAsyncHttpClient watch(SdkAsyncHttpClient client) {
		return new SdkAsyncHttpClient() {

			@Override
			public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
				HttpClientWitness.this.carried = true;
				return client.execute(request);
			}

			@Override
			public String clientName() {
				return client.clientName();
			}

			@Override
			public void close() {
				client.close();
			}

		};
	}

	/**
	 * Whether an answer arrived through an HTTP client other than the load balancer's.
	 * @return {@code true} once the replacement was noticed
	 */
	public boolean replacementNoticed() {
		return this.warned.get();
	}

	@Override
	public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes executionAttributes) {
		if (!this.carried && this.warned.compareAndSet(false, true)) {
			logger.warn("The HTTP client of this DynamoDB client was replaced after AlternatorLoadBalancer.configure(...):"
					+ " the load balancer no longer sees transport failures, so a failing node stays in rotation. Set HTTP"
					+ " options with the load balancer's builder (connection options, httpClientCustomizer) instead of"
					+ " httpClient(...), or call httpClient(...) before configure(...)");
		}
	}

}
