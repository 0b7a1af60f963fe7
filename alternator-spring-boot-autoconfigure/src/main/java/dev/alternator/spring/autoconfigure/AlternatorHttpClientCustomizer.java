package dev.alternator.spring.autoconfigure;

import dev.alternator.client.HttpClientCustomizer;

/**
 * A bean that customizes the SDK HTTP client builders of the auto-configured load balancer
 * ({@code ApacheHttpClient.Builder} for synchronous clients, {@code NettyNioAsyncHttpClient.Builder} for asynchronous
 * ones; {@code AwsCrtHttpClient.Builder} and {@code AwsCrtAsyncHttpClient.Builder} with {@code alternator.http.client}
 * or {@code async-client} set to {@code crt}), applied in {@code @Order} after the {@code alternator.http.*} properties. The load balancer keeps observing
 * every transport failure whatever is customized.
 * @see HttpClientCustomizer
 */
public interface AlternatorHttpClientCustomizer extends HttpClientCustomizer {

}
