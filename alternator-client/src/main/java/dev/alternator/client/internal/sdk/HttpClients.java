package dev.alternator.client.internal.sdk;

import java.time.Duration;

import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;


import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * Creates the HTTP clients the load balancer owns, with its timeouts, pool size and TLS settings.
 */
public final class HttpClients {

	private static final String NETTY_CLIENT = "software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient";

	private final Duration connectTimeout;

	private final Duration readTimeout;

	private final int maxConnections;

	private final TrustManager[] trustManagers;

	private final KeyManager[] keyManagers;

	private final boolean trustAll;

	/**
	 * @param trustManagers the trust managers of the TLS settings, or {@code null} for the JVM's
	 * @param keyManagers the client certificate's key managers, or {@code null}
	 * @param trustAll whether certificates are not verified (tests only)
	 */
	public HttpClients(Duration connectTimeout, Duration readTimeout, int maxConnections, TrustManager[] trustManagers,
			KeyManager[] keyManagers, boolean trustAll) {
		this.connectTimeout = connectTimeout;
		this.readTimeout = readTimeout;
		this.maxConnections = maxConnections;
		this.trustManagers = trustManagers;
		this.keyManagers = keyManagers;
		this.trustAll = trustAll;
	}

	public SdkHttpClient createSync() {
		ApacheHttpClient.Builder builder = ApacheHttpClient.builder()
			.connectionTimeout(this.connectTimeout)
			.socketTimeout(this.readTimeout)
			.maxConnections(this.maxConnections);
		TrustManager[] trustManagers = this.trustManagers;
		if (trustManagers != null && !this.trustAll) {
			builder.tlsTrustManagersProvider(() -> trustManagers);
		}
		KeyManager[] keyManagers = this.keyManagers;
		if (keyManagers != null) {
			builder.tlsKeyManagersProvider(() -> keyManagers);
		}
		return builder.buildWithDefaults(trustAllDefaults());
	}

	public boolean asyncAvailable() {
		try {
			Class.forName(NETTY_CLIENT, false, HttpClients.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

	public SdkAsyncHttpClient createAsync() {
		if (!asyncAvailable()) {
			throw new IllegalStateException("An asynchronous client needs software.amazon.awssdk:netty-nio-client on"
					+ " the classpath, or an SdkAsyncHttpClient set on the DynamoDbAsyncClientBuilder before configure()");
		}
		return NettyClients.create(this.connectTimeout, this.readTimeout, this.maxConnections, this.trustManagers,
				this.keyManagers, this.trustAll, trustAllDefaults());
	}

	private AttributeMap trustAllDefaults() {
		return this.trustAll
				? AttributeMap.builder().put(SdkHttpConfigurationOption.TRUST_ALL_CERTIFICATES, Boolean.TRUE).build()
				: AttributeMap.empty();
	}

}
