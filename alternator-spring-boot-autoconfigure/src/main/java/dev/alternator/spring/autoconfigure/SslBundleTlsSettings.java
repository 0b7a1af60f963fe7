package dev.alternator.spring.autoconfigure;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Collections;

import dev.alternator.client.TlsSettings;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslStoreBundle;

/**
 * Turns an {@link SslBundle} into the client's {@link TlsSettings}. The client takes stores as files only, so the
 * bundle's stores are written to PKCS12 files readable by this user alone, protected by a random password that exists
 * only in memory, and deleted when the JVM exits. (A {@code TlsSettings} that takes a {@code KeyStore} or an
 * {@code SSLContext} would make this unnecessary.)
 */
final class SslBundleTlsSettings {

	private static final SecureRandom random = new SecureRandom();

	private SslBundleTlsSettings() {
	}

	static TlsSettings of(SslBundle bundle) {
		SslStoreBundle stores = bundle.getStores();
		TlsSettings.Builder builder = TlsSettings.builder();
		try {
			if (stores.getTrustStore() != null) {
				char[] password = randomPassword();
				builder.trustStore(write(copy(stores.getTrustStore(), null, password), password), password, "PKCS12");
			}
			if (stores.getKeyStore() != null) {
				char[] password = randomPassword();
				String keyPassword = (bundle.getKey().getPassword() != null) ? bundle.getKey().getPassword()
						: stores.getKeyStorePassword();
				KeyStore keys = copy(stores.getKeyStore(), keyPassword, password);
				builder.clientCertificate(write(keys, password), password, "PKCS12");
			}
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Could not use the SSL bundle for Alternator: " + ex.getMessage(), ex);
		}
		return builder.build();
	}

	/**
	 * A PKCS12 copy of the store, its keys protected by the new password (the client uses one password for both).
	 */
	private static KeyStore copy(KeyStore source, String keyPassword, char[] password)
			throws IOException, GeneralSecurityException {
		KeyStore copy = KeyStore.getInstance("PKCS12");
		copy.load(null, null);
		for (String alias : Collections.list(source.aliases())) {
			if (source.isKeyEntry(alias)) {
				Key key = source.getKey(alias, (keyPassword != null) ? keyPassword.toCharArray() : new char[0]);
				Certificate[] chain = source.getCertificateChain(alias);
				copy.setKeyEntry(alias, key, password, chain);
			}
			else if (source.isCertificateEntry(alias)) {
				copy.setCertificateEntry(alias, source.getCertificate(alias));
			}
		}
		return copy;
	}

	private static Path write(KeyStore store, char[] password) throws IOException, GeneralSecurityException {
		Path file = createPrivateFile();
		file.toFile().deleteOnExit();
		try (OutputStream out = Files.newOutputStream(file)) {
			store.store(out, password);
		}
		return file;
	}

	private static Path createPrivateFile() throws IOException {
		try {
			return Files.createTempFile("alternator-ssl-", ".p12",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system (Windows): the user's temporary folder is private to the user there.
			return Files.createTempFile("alternator-ssl-", ".p12");
		}
	}

	private static char[] randomPassword() {
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		return Base64.getEncoder().withoutPadding().encodeToString(bytes).toCharArray();
	}

}
