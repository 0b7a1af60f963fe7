package dev.alternator.client;

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
final class HttpClients {

	private static final String NETTY_CLIENT = "software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient";

	private final Duration connectTimeout;

	private final Duration readTimeout;

	private final int maxConnections;

	private final TlsSettings tls;

	HttpClients(Duration connectTimeout, Duration readTimeout, int maxConnections, TlsSettings tls) {
		this.connectTimeout = connectTimeout;
		this.readTimeout = readTimeout;
		this.maxConnections = maxConnections;
		this.tls = tls;
	}

	SdkHttpClient createSync() {
		ApacheHttpClient.Builder builder = ApacheHttpClient.builder()
			.connectionTimeout(this.connectTimeout)
			.socketTimeout(this.readTimeout)
			.maxConnections(this.maxConnections);
		TrustManager[] trustManagers = SslContexts.trustManagers(this.tls);
		if (trustManagers != null && !this.tls.isTrustAll()) {
			builder.tlsTrustManagersProvider(() -> trustManagers);
		}
		KeyManager[] keyManagers = SslContexts.keyManagers(this.tls);
		if (keyManagers != null) {
			builder.tlsKeyManagersProvider(() -> keyManagers);
		}
		return builder.buildWithDefaults(trustAllDefaults());
	}

	boolean asyncAvailable() {
		try {
			Class.forName(NETTY_CLIENT, false, HttpClients.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

	SdkAsyncHttpClient createAsync() {
		if (!asyncAvailable()) {
			throw new IllegalStateException("An asynchronous client needs software.amazon.awssdk:netty-nio-client on"
					+ " the classpath, or an SdkAsyncHttpClient set on the DynamoDbAsyncClientBuilder before configure()");
		}
		return NettyClients.create(this.connectTimeout, this.readTimeout, this.maxConnections, this.tls,
				trustAllDefaults());
	}

	private AttributeMap trustAllDefaults() {
		return this.tls.isTrustAll()
				? AttributeMap.builder().put(SdkHttpConfigurationOption.TRUST_ALL_CERTIFICATES, Boolean.TRUE).build()
				: AttributeMap.empty();
	}

}
