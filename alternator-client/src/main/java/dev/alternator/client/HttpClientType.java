package dev.alternator.client;

/**
 * The SDK HTTP client implementation a load balancer builds for synchronous DynamoDB clients.
 */
public enum HttpClientType {

	/** The Apache HTTP client ({@code software.amazon.awssdk:apache-client}), the default. */
	APACHE,

	/**
	 * The AWS CRT HTTP client ({@code software.amazon.awssdk:aws-crt-client}, which must be on the classpath). It takes
	 * TLS from its own native stack: it cannot use a trust store, CA certificate, client certificate or a host-name
	 * verification switch, nor a connection time-to-live; the load balancer refuses such settings with this type. The
	 * read timeout becomes CRT's minimum-throughput check, in whole seconds and at least two.
	 */
	CRT

}
