package dev.alternator.client;

/**
 * The SDK HTTP client implementation a load balancer builds for asynchronous DynamoDB clients.
 */
public enum AsyncHttpClientType {

	/** The Netty client ({@code software.amazon.awssdk:netty-nio-client}), the default. */
	NETTY,

	/**
	 * The AWS CRT HTTP client ({@code software.amazon.awssdk:aws-crt-client}, which must be on the classpath), with the
	 * same limits as {@link HttpClientType#CRT}.
	 */
	CRT

}
