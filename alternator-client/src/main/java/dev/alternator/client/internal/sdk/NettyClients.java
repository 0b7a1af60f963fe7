package dev.alternator.client.internal.sdk;

import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;

import dev.alternator.client.HttpClientCustomizer;
import dev.alternator.client.internal.config.LoadBalancerSettings;

import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * Creates Netty clients; only loaded when netty-nio-client is on the classpath.
 */
public final class NettyClients {

	private NettyClients() {
	}

	public static SdkAsyncHttpClient create(LoadBalancerSettings settings, TrustManager[] trustManagers,
			KeyManager[] keyManagers, AttributeMap defaults) {
		NettyNioAsyncHttpClient.Builder builder = NettyNioAsyncHttpClient.builder()
			.connectionTimeout(settings.connectTimeout)
			.readTimeout(settings.readTimeout)
			.maxConcurrency(settings.maxConnections)
			.tcpKeepAlive(settings.tcpKeepAlive);
		if (settings.connectionMaxIdleTime != null) {
			builder.connectionMaxIdleTime(settings.connectionMaxIdleTime);
		}
		if (settings.connectionTimeToLive != null) {
			builder.connectionTimeToLive(settings.connectionTimeToLive);
		}
		if (settings.connectionAcquisitionTimeout != null) {
			builder.connectionAcquisitionTimeout(settings.connectionAcquisitionTimeout);
		}
		if (trustManagers != null && !settings.tls.isTrustAll()) {
			builder.tlsTrustManagersProvider(() -> trustManagers);
		}
		if (keyManagers != null) {
			builder.tlsKeyManagersProvider(() -> keyManagers);
		}
		for (HttpClientCustomizer customizer : settings.httpClientCustomizers) {
			customizer.customizeAsync(builder);
		}
		return builder.buildWithDefaults(defaults);
	}

}
