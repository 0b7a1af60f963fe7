package dev.alternator.client.internal.sdk;

import java.io.IOException;

import dev.alternator.client.internal.node.NodeEntry;
import dev.alternator.client.internal.node.NodeFailures;

import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * The synchronous HTTP client with failure reporting: an attempt that fails at the transport quarantines its node
 * before the SDK retries elsewhere.
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
		SdkHttpRequest httpRequest = request.httpRequest();
		return new ExecutableHttpRequest() {

			/** Set when the SDK gives up on the attempt (its attempt timeout): the failure that follows is ours. */
			private volatile boolean aborted;

			@Override
			public HttpExecuteResponse call() throws IOException {
				NodeFailures failures = ObservedHttpClient.this.failures;
				NodeEntry entry = failures.attemptStarted(httpRequest.host(), httpRequest.port());
				try {
					HttpExecuteResponse response = executable.call();
					failures.answered(entry, response.httpResponse().statusCode());
					return response;
				}
				catch (IOException | RuntimeException ex) {
					failures.failed(entry, ex, this.aborted || Thread.currentThread().isInterrupted());
					throw ex;
				}
				finally {
					failures.attemptEnded(entry);
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
