package dev.alternator.client.internal.sdk;

import java.time.Duration;

import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;


import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * Creates Netty clients; only loaded when netty-nio-client is on the classpath.
 */
public final class NettyClients {

	private NettyClients() {
	}

	public static SdkAsyncHttpClient create(Duration connectTimeout, Duration readTimeout, int maxConnections,
			TrustManager[] trustManagers, KeyManager[] keyManagers, boolean trustAll, AttributeMap defaults) {
		NettyNioAsyncHttpClient.Builder builder = NettyNioAsyncHttpClient.builder()
			.connectionTimeout(connectTimeout)
			.readTimeout(readTimeout)
			.maxConcurrency(maxConnections);
		if (trustManagers != null && !trustAll) {
			builder.tlsTrustManagersProvider(() -> trustManagers);
		}
		if (keyManagers != null) {
			builder.tlsKeyManagersProvider(() -> keyManagers);
		}
		return builder.buildWithDefaults(defaults);
	}

}
