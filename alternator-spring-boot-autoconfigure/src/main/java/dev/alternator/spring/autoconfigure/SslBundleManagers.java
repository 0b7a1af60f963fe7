package dev.alternator.spring.autoconfigure;

import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;

import dev.alternator.client.TlsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslManagerBundle;

/**
 * The key and trust managers of an {@link SslBundle}, handed to the client's {@link TlsSettings} directly (no files)
 * and switched when the bundle is updated ({@code reload-on-rebind}): the client's managers ask this object at each
 * handshake, so new connections use the new material without a restart. Registered with
 * {@link SslBundles#addBundleUpdateHandler} as Spring Boot's {@code NettyReactiveWebServerFactory} does for its
 * server's {@code SslServerCustomizer}. The managers are built once per bundle version, not per handshake.
 */
final class SslBundleManagers {

	private static final Logger logger = LoggerFactory.getLogger(SslBundleManagers.class);

	private volatile Managers current;

	private SslBundleManagers(SslBundle bundle) {
		this.current = Managers.of(bundle);
	}

	/**
	 * The TLS settings for a bundle, following its updates when it is a named bundle of {@code bundles}.
	 * @param bundle the bundle
	 * @param bundles the registry the bundle came from, or {@code null} when it came from elsewhere (a connection
	 * details bean)
	 * @param bundleName its name in the registry, or {@code null}
	 * @param hostnameVerification whether node certificates must name their host
	 */
	static TlsSettings tlsSettings(SslBundle bundle, SslBundles bundles, String bundleName,
			boolean hostnameVerification) {
		SslBundleManagers managers = new SslBundleManagers(bundle);
		if (bundles != null && bundleName != null) {
			bundles.addBundleUpdateHandler(bundleName, managers::update);
		}
		return TlsSettings.builder()
			.managers(() -> managers.current.keyManagers, () -> managers.current.trustManagers)
			.hostnameVerification(hostnameVerification)
			.build();
	}

	private void update(SslBundle bundle) {
		try {
			this.current = Managers.of(bundle);
			logger.info("Alternator TLS switched to the updated SSL bundle");
		}
		catch (RuntimeException ex) {
			logger.warn("Alternator TLS keeps its previous material: the updated SSL bundle cannot be used ({}: {})",
					ex.getClass().getSimpleName(), ex.getMessage());
		}
	}

	/** One version of the bundle's managers; {@code null} arrays where the bundle has no such store. */
	private record Managers(KeyManager[] keyManagers, TrustManager[] trustManagers) {

		static Managers of(SslBundle bundle) {
			SslManagerBundle managers = bundle.getManagers();
			KeyManager[] keys = (bundle.getStores().getKeyStore() != null) ? managers.getKeyManagers() : null;
			TrustManager[] trust = (bundle.getStores().getTrustStore() != null) ? managers.getTrustManagers() : null;
			return new Managers(keys, trust);
		}

	}

}
