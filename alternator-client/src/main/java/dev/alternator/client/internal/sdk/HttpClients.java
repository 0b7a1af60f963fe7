package dev.alternator.client.internal.sdk;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

import dev.alternator.client.AsyncHttpClientType;
import dev.alternator.client.HttpClientCustomizer;
import dev.alternator.client.HttpClientType;
import dev.alternator.client.internal.config.LoadBalancerSettings;

import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * Creates the HTTP clients the load balancer owns (Apache and Netty, or AWS CRT when chosen), with its timeouts, pool
 * and connection options, TLS settings and the application's customizers (applied last).
 */
public final class HttpClients {

	private static final String NETTY_CLIENT = "software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient";

	private final LoadBalancerSettings settings;

	private final TrustManager[] trustManagers;

	private final KeyManager[] keyManagers;

	private final boolean trustAll;

	private final boolean verifyHostname;

	private final SSLContext sslContext;

	/**
	 * @param settings the load balancer's settings (timeouts, pool, connection options, customizers, TLS switches)
	 * @param trustManagers the trust managers of the TLS settings, or {@code null} for the JVM's
	 * @param keyManagers the client certificate's key managers, or {@code null}
	 * @param sslContext a context with these managers, or {@code null} when TLS is not customized
	 */
	public HttpClients(LoadBalancerSettings settings, TrustManager[] trustManagers, KeyManager[] keyManagers,
			SSLContext sslContext) {
		this.settings = settings;
		this.trustManagers = trustManagers;
		this.keyManagers = keyManagers;
		this.sslContext = sslContext;
		this.trustAll = settings.tls.isTrustAll();
		this.verifyHostname = settings.tls.isHostnameVerification();
	}

	public SdkHttpClient createSync() {
		if (this.settings.httpClientType == HttpClientType.CRT) {
			return CrtClients.createSync(this.settings, trustAllDefaults());
		}
		ApacheHttpClient.Builder builder = ApacheHttpClient.builder()
			.connectionTimeout(this.settings.connectTimeout)
			.socketTimeout(this.settings.readTimeout)
			.maxConnections(this.settings.maxConnections)
			.tcpKeepAlive(this.settings.tcpKeepAlive);
		if (this.settings.connectionMaxIdleTime != null) {
			builder.connectionMaxIdleTime(this.settings.connectionMaxIdleTime);
		}
		if (this.settings.connectionTimeToLive != null) {
			builder.connectionTimeToLive(this.settings.connectionTimeToLive);
		}
		if (this.settings.connectionAcquisitionTimeout != null) {
			builder.connectionAcquisitionTimeout(this.settings.connectionAcquisitionTimeout);
		}
		TrustManager[] trustManagers = this.trustManagers;
		KeyManager[] keyManagers = this.keyManagers;
		if (!this.verifyHostname && !this.trustAll) {
			// The SDK only drops Apache's host-name verifier together with certificate checks (trust-all): bring a
			// socket factory that verifies the chain (the trust managers) and not the name.
			builder.socketFactory(new SSLConnectionSocketFactory(this.sslContext, NoopHostnameVerifier.INSTANCE));
		}
		else {
			if (trustManagers != null && !this.trustAll) {
				builder.tlsTrustManagersProvider(() -> trustManagers);
			}
			if (keyManagers != null) {
				builder.tlsKeyManagersProvider(() -> keyManagers);
			}
		}
		for (HttpClientCustomizer customizer : this.settings.httpClientCustomizers) {
			customizer.customize(builder);
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
		if (this.settings.asyncHttpClientType == AsyncHttpClientType.CRT) {
			return CrtClients.createAsync(this.settings, trustAllDefaults());
		}
		if (!asyncAvailable()) {
			throw new IllegalStateException("An asynchronous client needs software.amazon.awssdk:netty-nio-client on"
					+ " the classpath, or an SdkAsyncHttpClient set on the DynamoDbAsyncClientBuilder before configure()");
		}
		// Netty checks host names through the trust managers (it sets the engine's endpoint identification), which
		// leave the check out when host-name verification is off.
		return NettyClients.create(this.settings, this.trustManagers, this.keyManagers, trustAllDefaults());
	}

	private AttributeMap trustAllDefaults() {
		return this.trustAll
				? AttributeMap.builder().put(SdkHttpConfigurationOption.TRUST_ALL_CERTIFICATES, Boolean.TRUE).build()
				: AttributeMap.empty();
	}

}
