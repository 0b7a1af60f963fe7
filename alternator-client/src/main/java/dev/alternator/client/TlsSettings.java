package dev.alternator.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;

/**
 * How the client verifies https nodes and, optionally, presents a client certificate. By default the JVM's trust
 * store verifies certificates and that a node's certificate names the host connected to;
 * {@link Builder#trustAll(boolean)} turns verification off and is meant for tests only. Material read from files (PEM
 * or key stores) is read again when the files change, checked at most once per {@link Builder#reloadInterval(Duration)
 * reload interval} at a handshake. Passwords never appear in {@link #toString()}.
 */
public final class TlsSettings {

	private final Path trustStore;

	private final char[] trustStorePassword;

	private final String trustStoreType;

	private final Path caCertificate;

	private final Path keyStore;

	private final char[] keyStorePassword;

	private final String keyStoreType;

	private final boolean trustAll;

	private final Path certificateChainPem;

	private final Path privateKeyPem;

	private final Duration reloadInterval;

	private final boolean hostnameVerification;

	private final Supplier<KeyManager[]> keyManagers;

	private final Supplier<TrustManager[]> trustManagers;

	private TlsSettings(Builder builder) {
		this.trustStore = builder.trustStore;
		this.trustStorePassword = builder.trustStorePassword;
		this.trustStoreType = builder.trustStoreType;
		this.caCertificate = builder.caCertificate;
		this.keyStore = builder.keyStore;
		this.keyStorePassword = builder.keyStorePassword;
		this.keyStoreType = builder.keyStoreType;
		this.trustAll = builder.trustAll;
		this.certificateChainPem = builder.certificateChainPem;
		this.privateKeyPem = builder.privateKeyPem;
		this.reloadInterval = builder.reloadInterval;
		this.hostnameVerification = builder.hostnameVerification;
		this.keyManagers = builder.keyManagers;
		this.trustManagers = builder.trustManagers;
	}

	/**
	 * Settings that verify certificates with the JVM's default trust store.
	 * @return the defaults
	 */
	public static TlsSettings defaults() {
		return builder().build();
	}

	/**
	 * A builder.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	Optional<Path> trustStore() {
		return Optional.ofNullable(this.trustStore);
	}

	char[] trustStorePassword() {
		return this.trustStorePassword;
	}

	String trustStoreType() {
		return this.trustStoreType;
	}

	Optional<Path> caCertificate() {
		return Optional.ofNullable(this.caCertificate);
	}

	Optional<Path> keyStore() {
		return Optional.ofNullable(this.keyStore);
	}

	char[] keyStorePassword() {
		return this.keyStorePassword;
	}

	String keyStoreType() {
		return this.keyStoreType;
	}

	/**
	 * Whether certificate verification is turned off.
	 * @return {@code true} when every certificate is accepted
	 */
	public boolean isTrustAll() {
		return this.trustAll;
	}

	Optional<Path> certificateChainPem() {
		return Optional.ofNullable(this.certificateChainPem);
	}

	Optional<Path> privateKeyPem() {
		return Optional.ofNullable(this.privateKeyPem);
	}

	Duration reloadInterval() {
		return this.reloadInterval;
	}

	Optional<Supplier<KeyManager[]>> keyManagerSource() {
		return Optional.ofNullable(this.keyManagers);
	}

	Optional<Supplier<TrustManager[]>> trustManagerSource() {
		return Optional.ofNullable(this.trustManagers);
	}

	/**
	 * Whether a node's certificate must name the host connected to (default {@code true}).
	 * @return {@code false} only when turned off with {@link Builder#hostnameVerification(boolean)}
	 */
	public boolean isHostnameVerification() {
		return this.hostnameVerification;
	}

	boolean isCustomized() {
		return this.trustStore != null || this.caCertificate != null || this.keyStore != null || this.trustAll
				|| this.certificateChainPem != null || this.keyManagers != null || this.trustManagers != null
				|| !this.hostnameVerification;
	}

	@Override
	public String toString() {
		return "TlsSettings[trustStore=" + this.trustStore + ", caCertificate=" + this.caCertificate + ", keyStore="
				+ this.keyStore + ", certificateChainPem=" + this.certificateChainPem + ", privateKeyPem="
				+ this.privateKeyPem + ", managers=" + (this.keyManagers != null || this.trustManagers != null)
				+ ", hostnameVerification=" + this.hostnameVerification + ", trustAll=" + this.trustAll + "]";
	}

	/**
	 * Builds {@link TlsSettings}.
	 */
	public static final class Builder {

		private Path trustStore;

		private char[] trustStorePassword;

		private String trustStoreType = "PKCS12";

		private Path caCertificate;

		private Path keyStore;

		private char[] keyStorePassword;

		private String keyStoreType = "PKCS12";

		private boolean trustAll;

		private Path certificateChainPem;

		private Path privateKeyPem;

		private Duration reloadInterval = Duration.ofSeconds(10);

		private boolean hostnameVerification = true;

		private Supplier<KeyManager[]> keyManagers;

		private Supplier<TrustManager[]> trustManagers;

		private Builder() {
		}

		/**
		 * Presents the client certificate (mutual TLS) of two PEM files: the certificate chain, the client's own
		 * certificate first, and its unencrypted private key as PKCS#8 ({@code PRIVATE KEY}) or in the traditional
		 * RSA or EC form. Both files are read again when either changes.
		 * @param certificateChain the PEM file of the certificate chain
		 * @param privateKey the PEM file of the private key
		 * @return this builder
		 */
		public Builder clientCertificatePem(Path certificateChain, Path privateKey) {
			this.certificateChainPem = certificateChain;
			this.privateKeyPem = privateKey;
			return this;
		}

		/**
		 * The shortest time between two checks of the TLS files for changes (default 10 seconds); a check happens
		 * at a handshake, never in the background.
		 * @param interval a positive duration
		 * @return this builder
		 */
		public Builder reloadInterval(Duration interval) {
			this.reloadInterval = interval;
			return this;
		}

		/**
		 * Whether a node's certificate must name the host connected to (default {@code true}). Turning it off
		 * still verifies the certificate chain but lets any holder of a trusted certificate impersonate any node: a
		 * warning is logged at start-up.
		 * @param enabled whether to verify host names
		 * @return this builder
		 */
		public Builder hostnameVerification(boolean enabled) {
			this.hostnameVerification = enabled;
			return this;
		}

		/**
		 * Uses the key and trust managers the application supplies instead of files, for example those of a Spring
		 * Boot SSL bundle. The suppliers are called at each handshake: returning new managers switches the client to
		 * them without a restart, so they must be cheap.
		 * @param keyManagers supplies the client certificate's managers; {@code null}, or a supplier returning
		 * {@code null}, for no client certificate
		 * @param trustManagers supplies the trust managers; {@code null}, or a supplier returning {@code null}, for
		 * the JVM's trust store
		 * @return this builder
		 */
		public Builder managers(Supplier<KeyManager[]> keyManagers, Supplier<TrustManager[]> trustManagers) {
			this.keyManagers = keyManagers;
			this.trustManagers = trustManagers;
			return this;
		}

		/**
		 * Verifies node certificates with this trust store instead of the JVM's.
		 * @param path the trust store file
		 * @param password its password, may be {@code null}
		 * @param type its type, for example {@code PKCS12} (default) or {@code JKS}
		 * @return this builder
		 */
		public Builder trustStore(Path path, char[] password, String type) {
			this.trustStore = path;
			this.trustStorePassword = password;
			if (type != null) {
				this.trustStoreType = type;
			}
			return this;
		}

		/**
		 * Verifies node certificates with the CA certificates of this PEM file instead of the JVM's trust store.
		 * @param pemFile the PEM file
		 * @return this builder
		 */
		public Builder caCertificate(Path pemFile) {
			this.caCertificate = pemFile;
			return this;
		}

		/**
		 * Presents the client certificate of this key store.
		 * @param path the key store file
		 * @param password its password (also the key's)
		 * @param type its type, for example {@code PKCS12} (default) or {@code JKS}
		 * @return this builder
		 */
		public Builder clientCertificate(Path path, char[] password, String type) {
			this.keyStore = path;
			this.keyStorePassword = password;
			if (type != null) {
				this.keyStoreType = type;
			}
			return this;
		}

		/**
		 * Accepts every certificate without verification. For tests only: a warning is logged when used.
		 * @param trustAll whether to accept every certificate
		 * @return this builder
		 */
		public Builder trustAll(boolean trustAll) {
			this.trustAll = trustAll;
			return this;
		}

		/**
		 * Builds the settings.
		 * @return the settings
		 * @throws IllegalArgumentException when both a trust store and a CA certificate are given, or trust-all is
		 * combined with either
		 */
		public TlsSettings build() {
			if (this.trustStore != null && this.caCertificate != null) {
				throw new IllegalArgumentException(
						"Set either a trust store or a CA certificate for TLS, not both (trustStore=" + this.trustStore
								+ ", caCertificate=" + this.caCertificate + ")");
			}
			if (this.trustAll && (this.trustStore != null || this.caCertificate != null)) {
				throw new IllegalArgumentException(
						"trustAll accepts every certificate: do not combine it with a trust store or CA certificate");
			}
			if (this.keyStore != null && this.certificateChainPem != null) {
				throw new IllegalArgumentException("Set either a client key store or a client certificate PEM for TLS,"
						+ " not both (keyStore=" + this.keyStore + ", certificateChainPem=" + this.certificateChainPem + ")");
			}
			if ((this.certificateChainPem == null) != (this.privateKeyPem == null)) {
				throw new IllegalArgumentException("A client certificate PEM needs both the certificate chain and the"
						+ " private key file (certificateChainPem=" + this.certificateChainPem + ", privateKeyPem="
						+ this.privateKeyPem + ")");
			}
			if ((this.keyManagers != null || this.trustManagers != null) && (this.trustStore != null
					|| this.caCertificate != null || this.keyStore != null || this.certificateChainPem != null)) {
				throw new IllegalArgumentException("Supplied key and trust managers replace TLS files: do not combine"
						+ " managers(...) with a trust store, CA certificate, key store or PEM client certificate");
			}
			if (this.trustAll && this.trustManagers != null) {
				throw new IllegalArgumentException(
						"trustAll accepts every certificate: do not combine it with supplied trust managers");
			}
			if (this.reloadInterval == null || this.reloadInterval.isNegative() || this.reloadInterval.isZero()) {
				throw new IllegalArgumentException("reloadInterval must be a positive duration, was "
						+ this.reloadInterval + "; for example 10s");
			}
			return new TlsSettings(this);
		}

	}

}
