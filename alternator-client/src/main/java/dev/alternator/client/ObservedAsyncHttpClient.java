package dev.alternator.client;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.reactivestreams.Publisher;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpResponseHandler;

/**
 * The asynchronous HTTP client with failure reporting, like {@link ObservedHttpClient}.
 */
final class ObservedAsyncHttpClient implements SdkAsyncHttpClient {

	private final SdkAsyncHttpClient delegate;

	private final NodeFailures failures;

	ObservedAsyncHttpClient(SdkAsyncHttpClient delegate, NodeFailures failures) {
		this.delegate = delegate;
		this.failures = failures;
	}

	@Override
	public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
		SdkHttpRequest httpRequest = request.request();
		SdkAsyncHttpResponseHandler handler = request.responseHandler();
		AsyncExecuteRequest observed = AsyncExecuteRequest.builder()
			.request(httpRequest)
			.requestContentPublisher(request.requestContentPublisher())
			.fullDuplex(request.fullDuplex())
			.httpExecutionAttributes(request.httpExecutionAttributes())
			.metricCollector(request.metricCollector().orElse(null))
			.responseHandler(new SdkAsyncHttpResponseHandler() {

			@Override
			public void onHeaders(SdkHttpResponse headers) {
				ObservedAsyncHttpClient.this.failures.serverError(httpRequest.host(), httpRequest.port(),
						headers.statusCode());
				handler.onHeaders(headers);
			}

			@Override
			public void onStream(Publisher<ByteBuffer> stream) {
				handler.onStream(stream);
			}

			@Override
			public void onError(Throwable error) {
				handler.onError(error);
			}

			})
			.build();
		AtomicInteger inFlight = this.failures.attemptStarted(httpRequest.host(), httpRequest.port());
		CompletableFuture<Void> result = this.delegate.execute(observed);
		result.whenComplete((ignored, failure) -> {
			if (inFlight != null) {
				inFlight.decrementAndGet();
			}
			if (failure != null) {
				this.failures.transportFailure(httpRequest.host(), httpRequest.port(), failure);
			}
		});
		return result;
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
