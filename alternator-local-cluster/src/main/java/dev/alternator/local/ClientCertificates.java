package dev.alternator.local;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificate authorities and client certificates for tests of mutual TLS against a cluster built with
 * {@link LocalCluster.Builder#requireClientCertificate(X509Certificate...)}, written as PEM files the way OpenSSL
 * writes them. Valid for one day.
 */
public final class ClientCertificates {

	private ClientCertificates() {
	}

	/**
	 * A key pair and the certificate issued for it.
	 * @param keyPair the key pair
	 * @param certificate the certificate
	 */
	public record Issued(KeyPair keyPair, X509Certificate certificate) {

		/**
		 * Writes the certificate chain (this certificate, then its issuer's) to a PEM file.
		 * @param file the file to write
		 * @param issuer the issuer's certificate
		 * @throws IOException when the file cannot be written
		 */
		public void writeChain(Path file, X509Certificate issuer) throws IOException {
			Files.writeString(file, pem(this.certificate) + pem(issuer));
		}

		/**
		 * Writes the certificate chain and the unencrypted PKCS#8 private key, as a client configured with PEM files
		 * reads them.
		 * @param chain the PEM file of the chain (this certificate, then the issuer's)
		 * @param key the PEM file of the private key
		 * @param issuer the authority that issued this certificate
		 * @throws IOException when a file cannot be written
		 */
		public void writePem(Path chain, Path key, Issued issuer) throws IOException {
			writeChain(chain, issuer.certificate());
			writePkcs8Key(key);
		}

		/**
		 * Writes the private key as unencrypted PKCS#8 ({@code PRIVATE KEY}).
		 * @param file the file to write
		 * @throws IOException when the file cannot be written
		 */
		public void writePkcs8Key(Path file) throws IOException {
			Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n"
					+ Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(this.keyPair.getPrivate().getEncoded())
					+ "\n-----END PRIVATE KEY-----\n");
		}

		/**
		 * Writes the private key in OpenSSL's traditional form ({@code RSA PRIVATE KEY} or {@code EC PRIVATE KEY}).
		 * @param file the file to write
		 * @throws IOException when the file cannot be written
		 */
		public void writeTraditionalKey(Path file) throws IOException {
			if (this.keyPair.getPrivate() instanceof java.security.interfaces.ECPrivateKey ec) {
				// As OpenSSL writes it: SEC 1 with the curve named inside (the JDK's encoding leaves it out).
				org.bouncycastle.asn1.pkcs.PrivateKeyInfo info = org.bouncycastle.asn1.pkcs.PrivateKeyInfo
					.getInstance(ec.getEncoded());
				byte[] der = new org.bouncycastle.asn1.sec.ECPrivateKey(256, ec.getS(),
						info.getPrivateKeyAlgorithm().getParameters())
					.getEncoded();
				Files.writeString(file, "-----BEGIN EC PRIVATE KEY-----\n"
						+ Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END EC PRIVATE KEY-----\n");
			}
			else {
				Files.writeString(file, pem(this.keyPair));
			}
		}

	}

	/**
	 * A self-signed certificate authority with an EC key.
	 * @param name its common name
	 * @return the authority
	 */
	public static Issued authority(String name) {
		KeyPair keyPair = keyPair("EC");
		return new Issued(keyPair, sign(name, keyPair, name, keyPair, true));
	}

	/**
	 * A client certificate issued by an authority.
	 * @param name its common name
	 * @param issuer the authority
	 * @param algorithm its key algorithm: {@code EC} or {@code RSA}
	 * @return the client certificate
	 */
	public static Issued client(String name, Issued issuer, String algorithm) {
		KeyPair keyPair = keyPair(algorithm);
		String issuerName = issuer.certificate().getSubjectX500Principal().getName();
		return new Issued(keyPair, sign(name, keyPair, issuerName, issuer.keyPair(), false));
	}

	private static KeyPair keyPair(String algorithm) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
			generator.initialize(algorithm.equals("RSA") ? 2048 : 256);
			return generator.generateKeyPair();
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new LocalClusterException("Cannot generate a " + algorithm + " key pair: " + ex.getMessage(), ex);
		}
	}

	private static X509Certificate sign(String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys,
			boolean authority) {
		try {
			long now = System.currentTimeMillis();
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer.startsWith("CN=")
					? issuer : "CN=" + issuer), new BigInteger(64, new SecureRandom()), new Date(now - 60_000L),
					new Date(now + 24L * 3600 * 1000), new X500Name("CN=" + subject), subjectKeys.getPublic());
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
			String signature = issuerKeys.getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSA"
					: "SHA256withECDSA";
			return new JcaX509CertificateConverter()
				.getCertificate(builder.build(new JcaContentSignerBuilder(signature).build(issuerKeys.getPrivate())));
		}
		catch (IOException | java.security.GeneralSecurityException
				| org.bouncycastle.operator.OperatorCreationException ex) {
			throw new LocalClusterException("Cannot sign a test certificate: " + ex.getMessage(), ex);
		}
	}

	private static String pem(Object object) {
		StringWriter text = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
			writer.writeObject(object);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return text.toString();
	}

}
