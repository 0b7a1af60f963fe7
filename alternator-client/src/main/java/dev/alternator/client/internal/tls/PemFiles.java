package dev.alternator.client.internal.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads certificates and private keys from PEM files with the JDK alone: PKCS#8 keys ({@code PRIVATE KEY}) and the
 * "traditional" OpenSSL forms {@code RSA PRIVATE KEY} (PKCS#1) and {@code EC PRIVATE KEY} (SEC 1), which are
 * re-wrapped as PKCS#8. Error messages name the file and the problem, never key material.
 */
public final class PemFiles {

	private static final Pattern BLOCK = Pattern
		.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

	/** DER of the AlgorithmIdentifier {rsaEncryption, NULL}. */
	private static final byte[] RSA_ALGORITHM = { 0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
			(byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00 };

	/** DER of the OID id-ecPublicKey. */
	private static final byte[] EC_PUBLIC_KEY_OID = { 0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02,
			0x01 };

	private static final String[] PKCS8_ALGORITHMS = { "RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS" };

	private PemFiles() {
	}

	/**
	 * The certificates of a PEM file, in file order.
	 * @param file the PEM file
	 * @return at least one certificate
	 * @throws IOException when the file cannot be read
	 * @throws GeneralSecurityException when it holds no valid certificate
	 */
	public static List<X509Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
		CertificateFactory factory = CertificateFactory.getInstance("X.509");
		List<X509Certificate> certificates = new ArrayList<>();
		for (Block block : blocks(file)) {
			if (block.type.equals("CERTIFICATE")) {
				for (Certificate certificate : factory.generateCertificates(new ByteArrayInputStream(block.der))) {
					certificates.add((X509Certificate) certificate);
				}
			}
		}
		if (certificates.isEmpty()) {
			throw new GeneralSecurityException("PEM file " + file + " holds no CERTIFICATE block");
		}
		return certificates;
	}

	/**
	 * The private key of a PEM file (the first key block).
	 * @param file the PEM file
	 * @return the key
	 * @throws IOException when the file cannot be read
	 * @throws GeneralSecurityException when it holds no key the JDK can read
	 */
	public static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
		for (Block block : blocks(file)) {
			switch (block.type) {
				case "PRIVATE KEY":
					return pkcs8(file, block.der, PKCS8_ALGORITHMS);
				case "RSA PRIVATE KEY":
					return pkcs8(file, wrap(0, RSA_ALGORITHM, block.der), "RSA");
				case "EC PRIVATE KEY":
					return pkcs8(file, wrap(0, ecAlgorithm(file, block.der), block.der), "EC");
				case "ENCRYPTED PRIVATE KEY":
					throw new GeneralSecurityException("The private key in " + file
							+ " is encrypted: give an unencrypted PKCS#8 key (openssl pkcs8 -topk8 -nocrypt)");
				default:
					// Parameters or certificates next to the key: skip.
			}
		}
		throw new GeneralSecurityException("PEM file " + file
				+ " holds no PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY block");
	}

	private static PrivateKey pkcs8(Path file, byte[] der, String... algorithms) throws GeneralSecurityException {
		for (String algorithm : algorithms) {
			try {
				return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
			}
			catch (GeneralSecurityException ex) {
				// Not this algorithm: try the next.
			}
		}
		throw new GeneralSecurityException("The private key in " + file + " is not a valid " + String.join("/", algorithms)
				+ " key");
	}

	/** The AlgorithmIdentifier {id-ecPublicKey, curve} of a SEC 1 key, whose curve is its [0] field. */
	private static byte[] ecAlgorithm(Path file, byte[] sec1) throws GeneralSecurityException {
		Der sequence = Der.read(sec1, 0);
		int position = sequence.contentStart;
		while (position < sequence.end) {
			Der field = Der.read(sec1, position);
			if ((sec1[position] & 0xff) == 0xa0) {
				Der oid = Der.read(sec1, field.contentStart);
				ByteArrayOutputStream content = new ByteArrayOutputStream();
				content.writeBytes(EC_PUBLIC_KEY_OID);
				content.write(sec1, field.contentStart, oid.end - field.contentStart);
				return tlv(0x30, content.toByteArray());
			}
			position = field.end;
		}
		throw new GeneralSecurityException("The EC private key in " + file
				+ " does not name its curve: convert it to PKCS#8 (openssl pkcs8 -topk8 -nocrypt)");
	}

	/** PrivateKeyInfo: SEQUENCE {INTEGER version, AlgorithmIdentifier, OCTET STRING key}. */
	private static byte[] wrap(int version, byte[] algorithm, byte[] key) {
		ByteArrayOutputStream content = new ByteArrayOutputStream();
		content.writeBytes(new byte[] { 0x02, 0x01, (byte) version });
		content.writeBytes(algorithm);
		content.writeBytes(tlv(0x04, key));
		return tlv(0x30, content.toByteArray());
	}

	private static byte[] tlv(int tag, byte[] content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(tag);
		int length = content.length;
		if (length < 0x80) {
			out.write(length);
		}
		else {
			int bytes = (length > 0xffffff) ? 4 : (length > 0xffff) ? 3 : (length > 0xff) ? 2 : 1;
			out.write(0x80 | bytes);
			for (int i = bytes - 1; i >= 0; i--) {
				out.write(length >>> (8 * i));
			}
		}
		out.writeBytes(content);
		return out.toByteArray();
	}

	private static List<Block> blocks(Path file) throws IOException {
		String text = Files.readString(file, StandardCharsets.US_ASCII);
		List<Block> blocks = new ArrayList<>();
		Matcher matcher = BLOCK.matcher(text);
		while (matcher.find()) {
			byte[] der;
			try {
				der = Base64.getMimeDecoder().decode(matcher.group(2));
			}
			catch (IllegalArgumentException ex) {
				throw new IOException("PEM file " + file + " has a " + matcher.group(1) + " block that is not valid Base64");
			}
			blocks.add(new Block(matcher.group(1), der));
		}
		return blocks;
	}

	private record Block(String type, byte[] der) {
	}

	/** One DER element: where its content starts and where it ends. */
	private record Der(int contentStart, int end) {

		static Der read(byte[] der, int offset) throws GeneralSecurityException {
			if (offset + 2 > der.length) {
				throw new GeneralSecurityException("truncated DER");
			}
			int first = der[offset + 1] & 0xff;
			int length;
			int contentStart;
			if (first < 0x80) {
				length = first;
				contentStart = offset + 2;
			}
			else {
				int bytes = first & 0x7f;
				if (bytes < 1 || bytes > 4 || offset + 2 + bytes > der.length) {
					throw new GeneralSecurityException("invalid DER length");
				}
				length = 0;
				for (int i = 0; i < bytes; i++) {
					length = (length << 8) | (der[offset + 2 + i] & 0xff);
				}
				contentStart = offset + 2 + bytes;
			}
			if (length < 0 || contentStart + length > der.length) {
				throw new GeneralSecurityException("invalid DER length");
			}
			return new Der(contentStart, contentStart + length);
		}

	}

}
