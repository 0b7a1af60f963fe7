package dev.alternator.client.internal.sdk;

import java.io.IOException;

import dev.alternator.client.internal.node.NodeFailures;

import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * The synchronous HTTP client with failure reporting: an attempt that fails at the transport quarantines its node
 * before the SDK retries elsewhere, and every attempt is reported to the listeners (see {@link NodeAttempt}).
 */
public final class ObservedHttpClient implements SdkHttpClient {

	private final SdkHttpClient delegate;

	private final NodeFailures failures;

	public ObservedHttpClient(SdkHttpClient delegate, NodeFailures failures) {
		this.delegate = delegate;
		this.failures = failures;
	}

	@Override
	public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
		ExecutableHttpRequest executable = this.delegate.prepareRequest(request);
		return new ExecutableHttpRequest() {

			/** Set when the SDK gives up on the attempt (its attempt timeout): the failure that follows is ours. */
			private volatile boolean aborted;

			@Override
			public HttpExecuteResponse call() throws IOException {
				NodeAttempt attempt = NodeAttempt.start(request.httpRequest(), ObservedHttpClient.this.failures);
				try {
					HttpExecuteResponse response = executable.call();
					attempt.answered(response.httpResponse().statusCode());
					return response;
				}
				catch (IOException | RuntimeException ex) {
					attempt.failed(ex, this.aborted || Thread.currentThread().isInterrupted());
					throw ex;
				}
				finally {
					attempt.ended();
				}
			}

			@Override
			public void abort() {
				this.aborted = true;
				executable.abort();
			}

		};
	}

	@Override
	public String clientName() {
		return this.delegate.clientName();
	}

	@Override
	public void close() {
		this.delegate.close();
	}

}
