package dev.alternator.client.internal.sdk;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

import dev.alternator.client.internal.node.NodeFailures;

import org.reactivestreams.Publisher;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpResponseHandler;

/**
 * The asynchronous HTTP client with failure reporting, like {@link ObservedHttpClient}.
 */
public final class ObservedAsyncHttpClient implements SdkAsyncHttpClient {

	private final SdkAsyncHttpClient delegate;

	private final NodeFailures failures;

	public ObservedAsyncHttpClient(SdkAsyncHttpClient delegate, NodeFailures failures) {
		this.delegate = delegate;
		this.failures = failures;
	}

	@Override
	public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
		SdkAsyncHttpResponseHandler handler = request.responseHandler();
		NodeAttempt attempt = NodeAttempt.start(request.request(), this.failures);
		AsyncExecuteRequest observed = AsyncExecuteRequest.builder()
			.request(request.request())
			.requestContentPublisher(request.requestContentPublisher())
			.fullDuplex(request.fullDuplex())
			.httpExecutionAttributes(request.httpExecutionAttributes())
			.metricCollector(request.metricCollector().orElse(null))
			.responseHandler(new SdkAsyncHttpResponseHandler() {

			@Override
			public void onHeaders(SdkHttpResponse headers) {
				attempt.answered(headers.statusCode());
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
		CompletableFuture<Void> result;
		try {
			result = this.delegate.execute(observed);
		}
		catch (RuntimeException ex) {
			attempt.failed(ex, false);
			attempt.ended();
			throw ex;
		}
		result.whenComplete((ignored, failure) -> {
			if (failure != null) {
				// A cancelled future is the SDK giving up (its timeouts): classify() counts it as ours.
				attempt.failed(failure, false);
			}
			attempt.ended();
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
