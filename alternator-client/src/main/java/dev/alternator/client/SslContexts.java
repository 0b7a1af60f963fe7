package dev.alternator.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;


/**
 * Builds trust and key managers from {@link TlsSettings}, with errors that name the file and the problem (never a
 * password).
 */
final class SslContexts {

	private SslContexts() {
	}

	static TrustManager[] trustManagers(TlsSettings settings) {
		try {
			if (settings.isTrustAll()) {
				return new TrustManager[] { new TrustAllManager() };
			}
			KeyStore trustStore;
			if (settings.trustStore().isPresent()) {
				trustStore = load(settings.trustStore().get(), settings.trustStorePassword(), settings.trustStoreType(),
						"trust store");
			}
			else if (settings.caCertificate().isPresent()) {
				trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
				trustStore.load(null, null);
				Collection<? extends Certificate> certificates;
				try (InputStream in = Files.newInputStream(settings.caCertificate().get())) {
					certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
				}
				if (certificates.isEmpty()) {
					throw new IllegalArgumentException(
							"CA certificate file " + settings.caCertificate().get() + " holds no PEM certificate");
				}
				int index = 0;
				for (Certificate certificate : certificates) {
					trustStore.setCertificateEntry("ca-" + index++, certificate);
				}
			}
			else {
				return null;
			}
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init(trustStore);
			return factory.getTrustManagers();
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalArgumentException("Cannot read the TLS trust material (" + settings + "): " + ex.getMessage(),
					ex);
		}
	}

	static KeyManager[] keyManagers(TlsSettings settings) {
		if (settings.keyStore().isEmpty()) {
			return null;
		}
		try {
			KeyStore keyStore = load(settings.keyStore().get(), settings.keyStorePassword(), settings.keyStoreType(),
					"client key store");
			KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			factory.init(keyStore, settings.keyStorePassword());
			return factory.getKeyManagers();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException(
					"Cannot use the client key store " + settings.keyStore().get() + ": " + ex.getMessage(), ex);
		}
	}

	static SSLContext sslContext(TlsSettings settings) {
		if (!settings.isCustomized()) {
			return null;
		}
		try {
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keyManagers(settings), trustManagers(settings), null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("Cannot set up TLS: " + ex.getMessage(), ex);
		}
	}

	private static KeyStore load(java.nio.file.Path path, char[] password, String type, String what)
			throws GeneralSecurityException {
		try (InputStream in = Files.newInputStream(path)) {
			KeyStore store = KeyStore.getInstance(type);
			store.load(in, password);
			return store;
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(
					"Cannot read the " + what + " " + path + " (type " + type + "): " + ex.getMessage(), ex);
		}
	}

	/**
	 * Accepts every certificate: only for {@link TlsSettings.Builder#trustAll(boolean)}.
	 */
	private static final class TrustAllManager implements X509TrustManager {

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType) {
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType) {
		}

		@Override
		public X509Certificate[] getAcceptedIssuers() {
			return new X509Certificate[0];
		}

	}

}
