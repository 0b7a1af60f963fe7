package dev.alternator.client;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How the client verifies https nodes and, optionally, presents a client certificate. By default the JVM's trust
 * store verifies certificates; {@link Builder#trustAll(boolean)} turns verification off and is meant for tests only.
 * Passwords never appear in {@link #toString()}.
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

	private TlsSettings(Builder builder) {
		this.trustStore = builder.trustStore;
		this.trustStorePassword = builder.trustStorePassword;
		this.trustStoreType = builder.trustStoreType;
		this.caCertificate = builder.caCertificate;
		this.keyStore = builder.keyStore;
		this.keyStorePassword = builder.keyStorePassword;
		this.keyStoreType = builder.keyStoreType;
		this.trustAll = builder.trustAll;
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

	boolean isCustomized() {
		return this.trustStore != null || this.caCertificate != null || this.keyStore != null || this.trustAll;
	}

	@Override
	public String toString() {
		return "TlsSettings[trustStore=" + this.trustStore + ", caCertificate=" + this.caCertificate + ", keyStore="
				+ this.keyStore + ", trustAll=" + this.trustAll + "]";
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

		private Builder() {
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
			return new TlsSettings(this);
		}

	}

}
