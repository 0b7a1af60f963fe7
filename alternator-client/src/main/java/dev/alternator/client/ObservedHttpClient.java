package dev.alternator.client;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * The synchronous HTTP client with failure reporting: an attempt that fails at the transport quarantines its node
 * before the SDK retries elsewhere.
 */
final class ObservedHttpClient implements SdkHttpClient {

	private final SdkHttpClient delegate;

	private final NodeFailures failures;

	ObservedHttpClient(SdkHttpClient delegate, NodeFailures failures) {
		this.delegate = delegate;
		this.failures = failures;
	}

	@Override
	public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
		ExecutableHttpRequest executable = this.delegate.prepareRequest(request);
		SdkHttpRequest httpRequest = request.httpRequest();
		return new ExecutableHttpRequest() {

			@Override
			public HttpExecuteResponse call() throws IOException {
				AtomicInteger inFlight = ObservedHttpClient.this.failures.attemptStarted(httpRequest.host(),
						httpRequest.port());
				try {
					HttpExecuteResponse response = executable.call();
					ObservedHttpClient.this.failures.serverError(httpRequest.host(), httpRequest.port(),
							response.httpResponse().statusCode());
					return response;
				}
				catch (IOException | RuntimeException ex) {
					ObservedHttpClient.this.failures.transportFailure(httpRequest.host(), httpRequest.port(), ex);
					throw ex;
				}
				finally {
					if (inFlight != null) {
						inFlight.decrementAndGet();
					}
				}
			}

			@Override
			public void abort() {
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
