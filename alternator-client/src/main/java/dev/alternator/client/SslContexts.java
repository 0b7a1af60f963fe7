package dev.alternator.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Supplier;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

import dev.alternator.client.internal.tls.PemFiles;
import dev.alternator.client.internal.tls.ReloadingFiles;
import dev.alternator.client.internal.tls.SwitchingKeyManager;
import dev.alternator.client.internal.tls.SwitchingTrustManager;

/**
 * Builds trust and key managers from {@link TlsSettings}, with errors that name the file and the problem (never a
 * password). The managers switch to the current material at each handshake: files are read again when they change,
 * supplied managers are asked again, so HTTP clients built once follow certificate rotation.
 */
final class SslContexts {

	private static final char[] NO_PASSWORD = new char[0];

	private SslContexts() {
	}

	static TrustManager[] trustManagers(TlsSettings settings) {
		if (settings.isTrustAll()) {
			return new TrustManager[] { new TrustAllManager() };
		}
		Supplier<X509ExtendedTrustManager> source;
		if (settings.trustManagerSource().isPresent()) {
			Supplier<TrustManager[]> supplied = settings.trustManagerSource().get();
			X509ExtendedTrustManager jvm = jvmTrustManager();
			source = () -> {
				TrustManager[] managers = supplied.get();
				return (managers != null) ? pick(managers) : jvm;
			};
		}
		else if (settings.trustStore().isPresent()) {
			Path file = settings.trustStore().get();
			source = new ReloadingFiles<>("trust store", List.of(file), settings.reloadInterval(), () -> trustManager(
					load(file, settings.trustStorePassword(), settings.trustStoreType())));
		}
		else if (settings.caCertificate().isPresent()) {
			Path file = settings.caCertificate().get();
			source = new ReloadingFiles<>("CA certificate", List.of(file), settings.reloadInterval(),
					() -> trustManager(caStore(file)));
		}
		else if (!settings.isHostnameVerification()) {
			X509ExtendedTrustManager jvm = jvmTrustManager();
			source = () -> jvm;
		}
		else {
			return null;
		}
		return new TrustManager[] { new SwitchingTrustManager(source, settings.isHostnameVerification()) };
	}

	static KeyManager[] keyManagers(TlsSettings settings) {
		Supplier<X509ExtendedKeyManager> source;
		if (settings.keyManagerSource().isPresent()) {
			Supplier<KeyManager[]> supplied = settings.keyManagerSource().get();
			X509ExtendedKeyManager none = keyManager(emptyStore(), NO_PASSWORD);
			source = () -> {
				KeyManager[] managers = supplied.get();
				return (managers != null) ? pick(managers) : none;
			};
		}
		else if (settings.keyStore().isPresent()) {
			Path file = settings.keyStore().get();
			source = new ReloadingFiles<>("client key store", List.of(file), settings.reloadInterval(),
					() -> keyManager(load(file, settings.keyStorePassword(), settings.keyStoreType()),
							settings.keyStorePassword()));
		}
		else if (settings.certificateChainPem().isPresent()) {
			Path chain = settings.certificateChainPem().get();
			Path key = settings.privateKeyPem().get();
			source = new ReloadingFiles<>("client certificate", List.of(chain, key), settings.reloadInterval(),
					() -> keyManager(pemStore(chain, key), NO_PASSWORD));
		}
		else {
			return null;
		}
		return new KeyManager[] { new SwitchingKeyManager(source) };
	}

	/**
	 * The context of the load balancer's own requests, sharing the managers of its HTTP clients (one reader of the
	 * files, one warning about a broken one).
	 */
	static SSLContext sslContext(TlsSettings settings, KeyManager[] keyManagers, TrustManager[] trustManagers) {
		if (!settings.isCustomized()) {
			return null;
		}
		try {
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keyManagers, trustManagers, null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("Cannot set up TLS: " + ex.getMessage(), ex);
		}
	}

	private static KeyStore load(Path path, char[] password, String type) throws IOException, GeneralSecurityException {
		try (InputStream in = Files.newInputStream(path)) {
			KeyStore store = KeyStore.getInstance(type);
			store.load(in, password);
			return store;
		}
	}

	private static KeyStore caStore(Path file) throws IOException, GeneralSecurityException {
		KeyStore store = emptyStore();
		int index = 0;
		for (X509Certificate certificate : PemFiles.certificates(file)) {
			store.setCertificateEntry("ca-" + index++, certificate);
		}
		return store;
	}

	private static KeyStore pemStore(Path chain, Path key) throws IOException, GeneralSecurityException {
		List<X509Certificate> certificates = PemFiles.certificates(chain);
		PrivateKey privateKey = PemFiles.privateKey(key);
		KeyStore store = emptyStore();
		store.setKeyEntry("client", privateKey, NO_PASSWORD, certificates.toArray(new X509Certificate[0]));
		return store;
	}

	private static KeyStore emptyStore() {
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			return store;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("The JDK cannot create an empty PKCS12 key store", ex);
		}
	}

	private static X509ExtendedTrustManager trustManager(KeyStore store) throws GeneralSecurityException {
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(store);
		return pick(factory.getTrustManagers());
	}

	private static X509ExtendedTrustManager jvmTrustManager() {
		try {
			return trustManager(null);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("Cannot read the JVM's trust store: " + ex.getMessage(), ex);
		}
	}

	private static X509ExtendedKeyManager keyManager(KeyStore store, char[] password) {
		try {
			KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			factory.init(store, password);
			return pick(factory.getKeyManagers());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("Cannot use the client key material: " + ex.getMessage(), ex);
		}
	}

	private static X509ExtendedTrustManager pick(TrustManager[] managers) {
		for (TrustManager manager : managers) {
			if (manager instanceof X509ExtendedTrustManager extended) {
				return extended;
			}
		}
		throw new IllegalArgumentException("The TLS trust managers hold no X509ExtendedTrustManager");
	}

	private static X509ExtendedKeyManager pick(KeyManager[] managers) {
		for (KeyManager manager : managers) {
			if (manager instanceof X509ExtendedKeyManager extended) {
				return extended;
			}
		}
		throw new IllegalArgumentException("The TLS key managers hold no X509ExtendedKeyManager");
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
