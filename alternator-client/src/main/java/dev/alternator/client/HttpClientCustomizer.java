package dev.alternator.client;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;

/**
 * Changes the SDK HTTP client builders a load balancer creates its HTTP clients with, for options the load balancer
 * has no setting for. The builder is the implementation's own: {@code ApacheHttpClient.Builder} for synchronous
 * clients and {@code NettyNioAsyncHttpClient.Builder} for asynchronous ones, or {@code AwsCrtHttpClient.Builder} and
 * {@code AwsCrtAsyncHttpClient.Builder} when the CRT client is chosen; test its type before casting. The built
 * client is still wrapped by the load balancer, so quarantine of failing nodes keeps working.
 * <pre>{@code
 * builder.httpClientCustomizer(new HttpClientCustomizer() {
 *     public void customize(SdkHttpClient.Builder<?> http) {
 *         if (http instanceof ApacheHttpClient.Builder apache) {
 *             apache.expectContinueEnabled(false);
 *         }
 *     }
 * });
 * }</pre>
 */
public interface HttpClientCustomizer {

	/**
	 * Customizes the builder of a synchronous HTTP client. Does nothing by default.
	 * @param builder the builder, already configured by the load balancer
	 */
	default void customize(SdkHttpClient.Builder<?> builder) {
	}

	/**
	 * Customizes the builder of an asynchronous HTTP client. Does nothing by default.
	 * @param builder the builder, already configured by the load balancer
	 */
	default void customizeAsync(SdkAsyncHttpClient.Builder<?> builder) {
	}

}
