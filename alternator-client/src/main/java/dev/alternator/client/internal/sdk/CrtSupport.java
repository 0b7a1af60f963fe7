package dev.alternator.client.internal.sdk;

import java.util.ArrayList;
import java.util.List;

import dev.alternator.client.AsyncHttpClientType;
import dev.alternator.client.HttpClientType;
import dev.alternator.client.internal.config.LoadBalancerSettings;

/**
 * Checks, when a load balancer is built, that the AWS CRT HTTP client it was asked for can be built and can honour its
 * settings: a missing jar or a setting CRT cannot apply fails at once with a message saying what to change, rather
 * than at the first client or silently.
 */
public final class CrtSupport {

	static final String ARTIFACT = "software.amazon.awssdk:aws-crt-client";

	private static final String CRT_CLIENT = "software.amazon.awssdk.http.crt.AwsCrtHttpClient";

	private CrtSupport() {
	}

	/**
	 * Whether the settings ask for CRT, sync or async.
	 * @param settings the load balancer's settings
	 * @return {@code true} when either client type is CRT
	 */
	public static boolean wanted(LoadBalancerSettings settings) {
		return settings.httpClientType == HttpClientType.CRT || settings.asyncHttpClientType == AsyncHttpClientType.CRT;
	}

	/**
	 * Whether the CRT HTTP client can be loaded from this class loader.
	 * @param classLoader where to look
	 * @return {@code true} when {@code aws-crt-client} is there
	 */
	public static boolean available(ClassLoader classLoader) {
		try {
			Class.forName(CRT_CLIENT, false, classLoader);
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	/**
	 * Fails unless CRT, when asked for, is on the classpath and supports every setting.
	 * @param settings the load balancer's settings
	 * @param classLoader where to look for CRT
	 * @param customTrust whether a trust store, CA certificate or trust managers are set
	 * @param clientCertificate whether a client certificate (key store, PEM or key managers) is set
	 * @throws IllegalArgumentException naming the artifact or the settings CRT cannot apply
	 */
	public static void check(LoadBalancerSettings settings, ClassLoader classLoader, boolean customTrust,
			boolean clientCertificate) {
		if (!wanted(settings)) {
			return;
		}
		if (!available(classLoader)) {
			throw new IllegalArgumentException("The CRT HTTP client was chosen (httpClientType or asyncHttpClientType"
					+ " CRT) but it is not on the classpath: add " + ARTIFACT
					+ " (version from the AWS SDK BOM), or choose APACHE / NETTY");
		}
		List<String> unsupported = new ArrayList<>();
		if (settings.connectionTimeToLive != null) {
			unsupported.add("connectionTimeToLive");
		}
		if (customTrust && !settings.tls.isTrustAll()) {
			unsupported.add("a trust store, CA certificate or trust managers (CRT trusts the system's CAs)");
		}
		if (clientCertificate) {
			unsupported.add("a client certificate");
		}
		if (!settings.tls.isHostnameVerification() && !settings.tls.isTrustAll()) {
			unsupported.add("host-name verification off (CRT can only turn all certificate checks off: trustAll)");
		}
		if (!unsupported.isEmpty()) {
			throw new IllegalArgumentException("The CRT HTTP client cannot apply " + String.join(", ", unsupported)
					+ ": leave these unset or choose APACHE / NETTY");
		}
	}

}
