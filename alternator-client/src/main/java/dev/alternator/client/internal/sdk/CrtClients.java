package dev.alternator.client.internal.sdk;

import java.time.Duration;

import dev.alternator.client.HttpClientCustomizer;
import dev.alternator.client.internal.config.LoadBalancerSettings;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.http.crt.ConnectionHealthConfiguration;
import software.amazon.awssdk.http.crt.TcpKeepAliveConfiguration;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * Creates AWS CRT HTTP clients; only loaded when aws-crt-client is on the classpath. {@link CrtSupport} has already
 * refused the settings CRT cannot apply.
 */
final class CrtClients {

	/**
	 * CRT wants explicit keep-alive timings (the other clients leave them to the OS, hours by default): probe an idle
	 * connection after a minute, give each probe ten seconds.
	 */
	private static final TcpKeepAliveConfiguration KEEP_ALIVE = TcpKeepAliveConfiguration.builder()
		.keepAliveInterval(Duration.ofSeconds(60))
		.keepAliveTimeout(Duration.ofSeconds(10))
		.build();

	private CrtClients() {
	}

	static SdkHttpClient createSync(LoadBalancerSettings settings, AttributeMap defaults) {
		AwsCrtHttpClient.Builder builder = AwsCrtHttpClient.builder()
			.connectionTimeout(settings.connectTimeout)
			.maxConcurrency(settings.maxConnections)
			.connectionHealthConfiguration(readTimeout(settings));
		if (settings.connectionMaxIdleTime != null) {
			builder.connectionMaxIdleTime(settings.connectionMaxIdleTime);
		}
		if (settings.connectionAcquisitionTimeout != null) {
			builder.connectionAcquisitionTimeout(settings.connectionAcquisitionTimeout);
		}
		if (settings.tcpKeepAlive) {
			builder.tcpKeepAliveConfiguration(KEEP_ALIVE);
		}
		for (HttpClientCustomizer customizer : settings.httpClientCustomizers) {
			customizer.customize(builder);
		}
		return builder.buildWithDefaults(defaults);
	}

	static SdkAsyncHttpClient createAsync(LoadBalancerSettings settings, AttributeMap defaults) {
		AwsCrtAsyncHttpClient.Builder builder = AwsCrtAsyncHttpClient.builder()
			.connectionTimeout(settings.connectTimeout)
			.maxConcurrency(settings.maxConnections)
			.connectionHealthConfiguration(readTimeout(settings));
		if (settings.connectionMaxIdleTime != null) {
			builder.connectionMaxIdleTime(settings.connectionMaxIdleTime);
		}
		if (settings.connectionAcquisitionTimeout != null) {
			builder.connectionAcquisitionTimeout(settings.connectionAcquisitionTimeout);
		}
		if (settings.tcpKeepAlive) {
			builder.tcpKeepAliveConfiguration(KEEP_ALIVE);
		}
		for (HttpClientCustomizer customizer : settings.httpClientCustomizers) {
			customizer.customizeAsync(builder);
		}
		return builder.buildWithDefaults(defaults);
	}

	/**
	 * CRT has no socket read timeout; its nearest setting closes a connection that moves (almost) no bytes for that
	 * long, which is what the read timeout does for the other clients. CRT counts that time in whole seconds (it drops
	 * the fraction) and refuses less than two: rounded up, to two seconds at least, so a shorter read timeout still
	 * applies rather than failing the client.
	 */
	private static ConnectionHealthConfiguration readTimeout(LoadBalancerSettings settings) {
		long seconds = Math.max(2, (settings.readTimeout.toMillis() + 999) / 1000);
		return ConnectionHealthConfiguration.builder()
			.minimumThroughputInBps(1L)
			.minimumThroughputTimeout(Duration.ofSeconds(seconds))
			.build();
	}

}
