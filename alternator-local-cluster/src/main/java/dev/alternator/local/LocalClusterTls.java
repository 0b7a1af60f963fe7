package dev.alternator.local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The self-signed certificate a TLS {@link LocalCluster} serves, and the trust material clients need to accept
 * it. The certificate names {@code localhost} and 127.0.0.1 to 127.0.0.64.
 */
public final class LocalClusterTls {

	private static final int ADDRESSES = 64;

	private static final char[] KEY_PASSWORD = "alternator-local".toCharArray();

	private final X509Certificate certificate;

	private final SSLContext sslContext;

	private final boolean requiresClientCertificate;

	private LocalClusterTls(X509Certificate certificate, SSLContext sslContext, boolean requiresClientCertificate) {
		this.certificate = certificate;
		this.sslContext = sslContext;
		this.requiresClientCertificate = requiresClientCertificate;
	}

	static LocalClusterTls generate() {
		return generate(List.of());
	}

	/**
	 * @param clientTrust the certificates client certificates must chain to; empty when none is required
	 */
	static LocalClusterTls generate(List<X509Certificate> clientTrust) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(256);
			KeyPair keyPair = generator.generateKeyPair();
			X500Name subject = new X500Name("CN=alternator-local-cluster");
			long now = System.currentTimeMillis();
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
					new BigInteger(64, new SecureRandom()), new Date(now - 60_000L),
					new Date(now + 365L * 24 * 3600 * 1000), subject, keyPair.getPublic());
			List<GeneralName> names = new ArrayList<>();
			names.add(new GeneralName(GeneralName.dNSName, "localhost"));
			for (int i = 1; i <= ADDRESSES; i++) {
				names.add(new GeneralName(GeneralName.iPAddress, "127.0.0." + i));
			}
			builder.addExtension(Extension.subjectAlternativeName, false,
					new GeneralNames(names.toArray(new GeneralName[0])));
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
			ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate());
			X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
			KeyStore keyStore = KeyStore.getInstance("PKCS12");
			keyStore.load(null, null);
			keyStore.setKeyEntry("node", keyPair.getPrivate(), KEY_PASSWORD, new X509Certificate[] { certificate });
			KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keyManagers.init(keyStore, KEY_PASSWORD);
			javax.net.ssl.TrustManager[] trustManagers = null;
			if (!clientTrust.isEmpty()) {
				KeyStore trusted = KeyStore.getInstance("PKCS12");
				trusted.load(null, null);
				for (int i = 0; i < clientTrust.size(); i++) {
					trusted.setCertificateEntry("client-ca-" + i, clientTrust.get(i));
				}
				javax.net.ssl.TrustManagerFactory trustFactory = javax.net.ssl.TrustManagerFactory
					.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
				trustFactory.init(trusted);
				trustManagers = trustFactory.getTrustManagers();
			}
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keyManagers.getKeyManagers(), trustManagers, null);
			return new LocalClusterTls(certificate, context, !clientTrust.isEmpty());
		}
		catch (GeneralSecurityException | IOException | org.bouncycastle.operator.OperatorCreationException ex) {
			throw new LocalClusterException("Could not generate the local cluster's TLS certificate: " + ex, ex);
		}
	}

	boolean requiresClientCertificate() {
		return this.requiresClientCertificate;
	}

	SSLContext sslContext() {
		return this.sslContext;
	}

	/**
	 * The certificate every node presents.
	 * @return the certificate
	 */
	public X509Certificate certificate() {
		return this.certificate;
	}

	/**
	 * A key store holding only the certificate, for a client's trust manager.
	 * @return a new PKCS12 trust store
	 */
	public KeyStore trustStore() {
		try {
			KeyStore trustStore = KeyStore.getInstance("PKCS12");
			trustStore.load(null, null);
			trustStore.setCertificateEntry("alternator-local-cluster", this.certificate);
			return trustStore;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("Could not build a trust store", ex);
		}
	}

	/**
	 * The certificate in PEM form, for clients configured with a CA file.
	 * @return the PEM text
	 */
	public String certificatePem() {
		StringWriter text = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
			writer.writeObject(this.certificate);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return text.toString();
	}

	/**
	 * Writes {@link #trustStore()} as a PKCS12 file named {@code alternator-local-truststore.p12}.
	 * @param directory where to write it
	 * @param password the password to protect it with
	 * @return the file written
	 */
	public Path writeTrustStore(Path directory, char[] password) {
		Path file = directory.resolve("alternator-local-truststore.p12");
		try (OutputStream out = Files.newOutputStream(file)) {
			trustStore().store(out, password);
			return file;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new LocalClusterException("Could not write the trust store to " + file + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Writes {@link #certificatePem()} to a file named {@code alternator-local-ca.pem}.
	 * @param directory where to write it
	 * @return the file written
	 */
	public Path writeCertificatePem(Path directory) {
		Path file = directory.resolve("alternator-local-ca.pem");
		try {
			return Files.writeString(file, certificatePem());
		}
		catch (IOException ex) {
			throw new LocalClusterException("Could not write the certificate to " + file + ": " + ex.getMessage(), ex);
		}
	}

}
