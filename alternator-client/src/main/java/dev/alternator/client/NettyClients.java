package dev.alternator.client;

import java.time.Duration;

import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;

import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * Creates Netty clients; only loaded when netty-nio-client is on the classpath.
 */
final class NettyClients {

	private NettyClients() {
	}

	static SdkAsyncHttpClient create(Duration connectTimeout, Duration readTimeout, int maxConnections,
			TlsSettings tls, AttributeMap defaults) {
		NettyNioAsyncHttpClient.Builder builder = NettyNioAsyncHttpClient.builder()
			.connectionTimeout(connectTimeout)
			.readTimeout(readTimeout)
			.maxConcurrency(maxConnections);
		TrustManager[] trustManagers = SslContexts.trustManagers(tls);
		if (trustManagers != null && !tls.isTrustAll()) {
			builder.tlsTrustManagersProvider(() -> trustManagers);
		}
		KeyManager[] keyManagers = SslContexts.keyManagers(tls);
		if (keyManagers != null) {
			builder.tlsKeyManagersProvider(() -> keyManagers);
		}
		return builder.buildWithDefaults(defaults);
	}

}
