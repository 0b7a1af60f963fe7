package dev.alternator.spring.autoconfigure;

import dev.alternator.client.HttpClientCustomizer;

/**
 * A bean that customizes the SDK HTTP client builders of the auto-configured load balancer
 * ({@code ApacheHttpClient.Builder} for synchronous clients, {@code NettyNioAsyncHttpClient.Builder} for asynchronous
 * ones), applied in {@code @Order} after the {@code alternator.http.*} properties. The load balancer keeps observing
 * every transport failure whatever is customized.
 * @see HttpClientCustomizer
 */
public interface AlternatorHttpClientCustomizer extends HttpClientCustomizer {

}
