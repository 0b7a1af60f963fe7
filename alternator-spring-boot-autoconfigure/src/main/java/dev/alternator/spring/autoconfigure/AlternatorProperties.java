package dev.alternator.spring.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.alternator.client.AlternatorNode;
import dev.alternator.client.AsyncHttpClientType;
import dev.alternator.client.HttpClientType;
import dev.alternator.client.KeyRouteAffinity;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration of the load-balanced Alternator clients, under {@code alternator}. Checked when bound: a bad value
 * stops start-up with a message that names the property, what is wrong and a valid example.
 */
@ConfigurationProperties("alternator")
public class AlternatorProperties implements Validator {

	/**
	 * Whether to auto-configure the load-balanced Alternator clients.
	 */
	private boolean enabled = true;

	/**
	 * Comma-separated list of nodes to start discovery from: hosts (10.0.0.1), host:port or URLs
	 * (https://node1:8043). One per datacenter gives the cluster scope every datacenter. Required unless a connection
	 * details bean (a service connection, or a LocalCluster bean at development time) gives them.
	 */
	private List<String> seeds = new ArrayList<>();

	/**
	 * Scheme of seeds written without one and of discovered nodes: http or https. Default: the first seed's scheme,
	 * http when it has none.
	 */
	private String scheme;

	/**
	 * Alternator port of seeds written without one and of discovered nodes. Default: the first seed's port, 8000 when
	 * it has none.
	 */
	private Integer port;

	/**
	 * Datacenter to route requests to, as ScyllaDB names it. Unset: every datacenter of the seeds.
	 */
	private String datacenter;

	/**
	 * Rack of the datacenter to route requests to. Needs a datacenter.
	 */
	private String rack;

	/**
	 * Whether a rack or datacenter without live nodes falls back to the wider scope (rack, datacenter, cluster).
	 * False keeps requests strictly in the configured scope.
	 */
	private boolean fallback = true;

	/**
	 * The scopes to fall back to, in order, instead of the default (the rack's datacenter, then the cluster): each
	 * "cluster", a datacenter name ("dc1") or a datacenter and rack ("dc1/rack2"). Ignored when fallback is off.
	 */
	private List<String> fallbackScopes = new ArrayList<>();

	/**
	 * Region used to sign requests. Alternator ignores it, but SigV4 needs one.
	 */
	private String region = "us-east-1";

	/**
	 * Words added to every request's User-Agent header after the library's own "alternator-client/<version>", for
	 * example the application's name and version ("orders-service/2.1"), so that operators can tell clients apart in
	 * Alternator's system.clients table. Printable ASCII.
	 */
	private String userAgentSuffix;

	/**
	 * Addresses to connect to instead of those /localnodes reports (nodes behind NAT or port mappings), by reported
	 * host or host:port; values are hosts, host:port or URLs. Keys with dots go in brackets:
	 * address-translation[10.0.0.1]=203.0.113.1.
	 */
	private Map<String, String> addressTranslation = new LinkedHashMap<>();

	private final Credentials credentials = new Credentials();

	private final Discovery discovery = new Discovery();

	private final Http http = new Http();

	private final Tls tls = new Tls();

	private final Ssl ssl = new Ssl();

	private final Affinity keyRouteAffinity = new Affinity();

	private final Compression compression = new Compression();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public List<String> getSeeds() {
		return this.seeds;
	}

	public void setSeeds(List<String> seeds) {
		this.seeds = seeds;
	}

	public String getScheme() {
		return this.scheme;
	}

	public void setScheme(String scheme) {
		this.scheme = scheme;
	}

	public Integer getPort() {
		return this.port;
	}

	public void setPort(Integer port) {
		this.port = port;
	}

	public String getDatacenter() {
		return this.datacenter;
	}

	public void setDatacenter(String datacenter) {
		this.datacenter = datacenter;
	}

	public String getRack() {
		return this.rack;
	}

	public void setRack(String rack) {
		this.rack = rack;
	}

	public boolean isFallback() {
		return this.fallback;
	}

	public void setFallback(boolean fallback) {
		this.fallback = fallback;
	}

	public List<String> getFallbackScopes() {
		return this.fallbackScopes;
	}

	public void setFallbackScopes(List<String> fallbackScopes) {
		this.fallbackScopes = fallbackScopes;
	}

	public String getRegion() {
		return this.region;
	}

	public void setRegion(String region) {
		this.region = region;
	}

	public String getUserAgentSuffix() {
		return this.userAgentSuffix;
	}

	public void setUserAgentSuffix(String userAgentSuffix) {
		this.userAgentSuffix = userAgentSuffix;
	}

	public Map<String, String> getAddressTranslation() {
		return this.addressTranslation;
	}

	public void setAddressTranslation(Map<String, String> addressTranslation) {
		this.addressTranslation = addressTranslation;
	}

	public Credentials getCredentials() {
		return this.credentials;
	}

	public Discovery getDiscovery() {
		return this.discovery;
	}

	public Http getHttp() {
		return this.http;
	}

	public Tls getTls() {
		return this.tls;
	}

	public Ssl getSsl() {
		return this.ssl;
	}

	public Affinity getKeyRouteAffinity() {
		return this.keyRouteAffinity;
	}

	public Compression getCompression() {
		return this.compression;
	}

	@Override
	public boolean supports(Class<?> type) {
		return AlternatorProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		AlternatorProperties properties = (AlternatorProperties) target;
		if (properties.scheme != null && !"http".equals(properties.scheme) && !"https".equals(properties.scheme)) {
			errors.rejectValue("scheme", "alternator.scheme",
					"must be 'http' or 'https' (was '" + properties.scheme + "'); for example alternator.scheme=https");
		}
		if (properties.port != null && (properties.port < 1 || properties.port > 65535)) {
			errors.rejectValue("port", "alternator.port",
					"must be between 1 and 65535 (was " + properties.port + "); for example alternator.port=8000");
		}
		for (int i = 0; i < properties.seeds.size(); i++) {
			try {
				AlternatorNode.fromSeed(properties.seeds.get(i), "http", 8000);
			}
			catch (IllegalArgumentException ex) {
				errors.rejectValue("seeds[" + i + "]", "alternator.seeds", ex.getMessage());
			}
		}
		properties.addressTranslation.forEach((reported, address) -> {
			try {
				AlternatorNode.fromSeed(address, "http", 8000);
			}
			catch (IllegalArgumentException ex) {
				errors.rejectValue("addressTranslation", "alternator.address-translation",
						"the address for '" + reported + "' is not valid: " + ex.getMessage()
								+ "; for example alternator.address-translation[10.0.0.1]=203.0.113.1:8000");
			}
		});
		if (hasText(properties.rack) && !hasText(properties.datacenter)) {
			errors.rejectValue("rack", "alternator.rack", "needs alternator.datacenter: racks are named within a"
					+ " datacenter; for example alternator.datacenter=dc1 and alternator.rack=" + properties.rack);
		}
		if (hasText(properties.credentials.accessKeyId) != hasText(properties.credentials.secretAccessKey)) {
			errors.rejectValue("credentials", "alternator.credentials", "set both alternator.credentials.access-key-id"
					+ " and alternator.credentials.secret-access-key, or neither (anonymous requests, or an"
					+ " AwsCredentialsProvider bean qualified @AlternatorCredentials)");
		}
		positive(errors, "discovery.active-interval", properties.discovery.activeInterval, "1s");
		positive(errors, "discovery.idle-interval", properties.discovery.idleInterval, "60s");
		positive(errors, "discovery.timeout", properties.discovery.timeout, "2s");
		positive(errors, "discovery.probe-interval", properties.discovery.probeInterval, "1s");
		if (properties.discovery.initialWait == null || properties.discovery.initialWait.isNegative()) {
			errors.rejectValue("discovery.initialWait", "alternator.discovery.initial-wait", "must be zero or positive"
					+ " (was " + properties.discovery.initialWait + "); for example alternator.discovery.initial-wait=1s");
		}
		positive(errors, "http.connect-timeout", properties.http.connectTimeout, "2s");
		positive(errors, "http.read-timeout", properties.http.readTimeout, "30s");
		if (properties.http.maxConnections < 1) {
			errors.rejectValue("http.maxConnections", "alternator.http.max-connections", "must be at least 1 (was "
					+ properties.http.maxConnections + "); for example alternator.http.max-connections=100");
		}
		Compression.Request request = properties.compression.request;
		if (request.minSize == null || request.minSize.isNegative() || request.minSize.toBytes() > Integer.MAX_VALUE) {
			errors.rejectValue("compression.request.minSize", "alternator.compression.request.min-size",
					"must be between 0 and 2GB (was " + request.minSize
							+ "); for example alternator.compression.request.min-size=1KB");
		}
		if (request.enabled && (request.algorithm == null || request.algorithm == dev.alternator.client.Compression.NONE)) {
			errors.rejectValue("compression.request.algorithm", "alternator.compression.request.algorithm",
					"must be gzip or deflate when alternator.compression.request.enabled=true (was " + request.algorithm
							+ "); for example alternator.compression.request.algorithm=gzip");
		}
		properties.keyRouteAffinity.partitionKeys.forEach((table, attribute) -> {
			if (!hasText(attribute)) {
				errors.rejectValue("keyRouteAffinity.partitionKeys", "alternator.key-route-affinity.partition-keys",
						"table '" + table + "' needs its partition-key attribute name; for example"
								+ " alternator.key-route-affinity.partition-keys." + table + "=id");
			}
		});
		boolean legacyTls = properties.tls.trustStore != null || properties.tls.caCertificate != null
				|| properties.tls.keyStore != null || properties.tls.trustAll;
		if (hasText(properties.ssl.bundle) && legacyTls) {
			errors.rejectValue("ssl.bundle", "alternator.ssl.bundle", "set either alternator.ssl.bundle or the"
					+ " deprecated alternator.tls.* properties, not both; for example spring.ssl.bundle.pem.alternator"
					+ ".truststore.certificate=classpath:ca.pem and alternator.ssl.bundle=alternator");
		}
		if (properties.tls.trustStore != null && properties.tls.caCertificate != null) {
			errors.rejectValue("tls", "alternator.tls",
					"set either alternator.tls.trust-store or alternator.tls.ca-certificate, not both");
		}
	}

	private static void positive(Errors errors, String property, Duration value, String example) {
		if (value == null || value.isZero() || value.isNegative()) {
			String field = toCamelCase(property);
			errors.rejectValue(field, "alternator." + property, "must be a positive duration (was " + value
					+ "); for example alternator." + property + "=" + example);
		}
	}

	private static String toCamelCase(String property) {
		StringBuilder field = new StringBuilder();
		boolean upper = false;
		for (char c : property.toCharArray()) {
			if (c == '-') {
				upper = true;
			}
			else {
				field.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return field.toString();
	}

	private static boolean hasText(String text) {
		return text != null && !text.isBlank();
	}

	/**
	 * Static credentials for SigV4 signing. Alternator's access key id is the role name, the secret its salted hash.
	 */
	public static class Credentials {

		/**
		 * Access key id (Alternator: the role name). Unset: anonymous requests. An AwsCredentialsProvider bean
		 * qualified @AlternatorCredentials replaces both; other AwsCredentialsProvider beans are never used.
		 */
		private String accessKeyId;

		/**
		 * Secret access key (Alternator: the role's salted hash). Never logged nor shown by actuator endpoints.
		 */
		private String secretAccessKey;

		public String getAccessKeyId() {
			return this.accessKeyId;
		}

		public void setAccessKeyId(String accessKeyId) {
			this.accessKeyId = accessKeyId;
		}

		public String getSecretAccessKey() {
			return this.secretAccessKey;
		}

		public void setSecretAccessKey(String secretAccessKey) {
			this.secretAccessKey = secretAccessKey;
		}

		@Override
		public String toString() {
			return "Credentials[accessKeyId=" + this.accessKeyId + ", secretAccessKey="
					+ ((this.secretAccessKey != null) ? "******" : null) + "]";
		}

	}

	/**
	 * How the node list is kept current.
	 */
	public static class Discovery {

		/**
		 * Whether to discover nodes with /localnodes. False routes over the seeds only.
		 */
		private boolean enabled = true;

		/**
		 * How often to refresh the node list while requests flow.
		 */
		private Duration activeInterval = Duration.ofSeconds(1);

		/**
		 * How often to refresh the node list when no request flows.
		 */
		private Duration idleInterval = Duration.ofSeconds(60);

		/**
		 * Connect and read timeout of each /localnodes call and health probe; also the longest a call with no live node
		 * waits for a probe to bring one back.
		 */
		private Duration timeout = Duration.ofSeconds(2);

		/**
		 * How often nodes out of rotation are probed with GET / until they answer.
		 */
		private Duration probeInterval = Duration.ofSeconds(1);

		/**
		 * How long start-up waits, in all, for the first node list when the first client is built. Discovery goes on
		 * in the background after it; calls made before it answers fail with NoLiveNodesException.
		 */
		private Duration initialWait = Duration.ofSeconds(1);

		public Duration getInitialWait() {
			return this.initialWait;
		}

		public void setInitialWait(Duration initialWait) {
			this.initialWait = initialWait;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getActiveInterval() {
			return this.activeInterval;
		}

		public void setActiveInterval(Duration activeInterval) {
			this.activeInterval = activeInterval;
		}

		public Duration getIdleInterval() {
			return this.idleInterval;
		}

		public void setIdleInterval(Duration idleInterval) {
			this.idleInterval = idleInterval;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public Duration getProbeInterval() {
			return this.probeInterval;
		}

		public void setProbeInterval(Duration probeInterval) {
			this.probeInterval = probeInterval;
		}

	}

	/**
	 * The HTTP clients the load balancer creates for the SDK clients.
	 */
	public static class Http {

		/**
		 * Connection pool size of each HTTP client.
		 */
		private int maxConnections = 100;

		/**
		 * Connect timeout; a node that does not accept in time is taken out of rotation.
		 */
		private Duration connectTimeout = Duration.ofSeconds(2);

		/**
		 * Read (socket) timeout; a node that does not answer in time is taken out of rotation.
		 */
		private Duration readTimeout = Duration.ofSeconds(30);

		/**
		 * How long a pooled connection may stay idle before it is closed. Unset: the SDK HTTP client's default.
		 */
		private Duration connectionMaxIdleTime;

		/**
		 * How long a pooled connection may live at most before it is closed rather than reused. Unset: unlimited.
		 */
		private Duration connectionTimeToLive;

		/**
		 * How long a request may wait for a connection from a full pool. Unset: the SDK HTTP client's default.
		 */
		private Duration connectionAcquisitionTimeout;

		/**
		 * Whether to turn TCP keep-alive on for the connections to the nodes.
		 */
		private boolean tcpKeepAlive;

		/**
		 * HTTP client of the synchronous DynamoDB clients: apache, or crt (needs software.amazon.awssdk:aws-crt-client
		 * on the classpath; no trust store, client certificate, host-name verification switch or connection
		 * time-to-live with it).
		 */
		private HttpClientType client = HttpClientType.APACHE;

		/**
		 * HTTP client of the asynchronous DynamoDB clients: netty, or crt (with the same limits as
		 * alternator.http.client=crt).
		 */
		private AsyncHttpClientType asyncClient = AsyncHttpClientType.NETTY;

		public HttpClientType getClient() {
			return this.client;
		}

		public void setClient(HttpClientType client) {
			this.client = client;
		}

		public AsyncHttpClientType getAsyncClient() {
			return this.asyncClient;
		}

		public void setAsyncClient(AsyncHttpClientType asyncClient) {
			this.asyncClient = asyncClient;
		}

		public Duration getConnectionMaxIdleTime() {
			return this.connectionMaxIdleTime;
		}

		public void setConnectionMaxIdleTime(Duration connectionMaxIdleTime) {
			this.connectionMaxIdleTime = connectionMaxIdleTime;
		}

		public Duration getConnectionTimeToLive() {
			return this.connectionTimeToLive;
		}

		public void setConnectionTimeToLive(Duration connectionTimeToLive) {
			this.connectionTimeToLive = connectionTimeToLive;
		}

		public Duration getConnectionAcquisitionTimeout() {
			return this.connectionAcquisitionTimeout;
		}

		public void setConnectionAcquisitionTimeout(Duration connectionAcquisitionTimeout) {
			this.connectionAcquisitionTimeout = connectionAcquisitionTimeout;
		}

		public boolean isTcpKeepAlive() {
			return this.tcpKeepAlive;
		}

		public void setTcpKeepAlive(boolean tcpKeepAlive) {
			this.tcpKeepAlive = tcpKeepAlive;
		}

		public int getMaxConnections() {
			return this.maxConnections;
		}

		public void setMaxConnections(int maxConnections) {
			this.maxConnections = maxConnections;
		}

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public Duration getReadTimeout() {
			return this.readTimeout;
		}

		public void setReadTimeout(Duration readTimeout) {
			this.readTimeout = readTimeout;
		}

		/**
		 * Whether requests carry only the headers Alternator reads (Host, X-Amz-Target, Content-Type, Content-Length,
		 * Content-Encoding, Accept-Encoding, User-Agent and the SigV4 headers), saving the SDK's bookkeeping headers on
		 * every request. Trimmed before signing, so signatures stay valid; custom headers are dropped too.
		 */
		private boolean trimHeaders;

		public boolean isTrimHeaders() {
			return this.trimHeaders;
		}

		public void setTrimHeaders(boolean trimHeaders) {
			this.trimHeaders = trimHeaders;
		}

	}

	/**
	 * Verification of https nodes with files. Deprecated: use an SSL bundle ({@code alternator.ssl.bundle}).
	 */
	public static class Tls {

		/**
		 * Trust store that verifies node certificates instead of the JVM's.
		 */
		private Path trustStore;

		/**
		 * Password of the trust store.
		 */
		private String trustStorePassword;

		/**
		 * Type of the trust store.
		 */
		private String trustStoreType = "PKCS12";

		/**
		 * PEM file of the CA certificates that verify node certificates, instead of the JVM's trust store.
		 */
		private Path caCertificate;

		/**
		 * Key store with the client certificate to present.
		 */
		private Path keyStore;

		/**
		 * Password of the key store (and of its key).
		 */
		private String keyStorePassword;

		/**
		 * Type of the key store.
		 */
		private String keyStoreType = "PKCS12";

		/**
		 * Whether to accept every certificate without verification. For tests only; a warning is logged.
		 */
		private boolean trustAll;

		@DeprecatedConfigurationProperty(replacement = "alternator.ssl.bundle", reason = "An SSL bundle (spring.ssl.bundle.*) replaces it",
				since = "0.1.0")
		public Path getTrustStore() {
			return this.trustStore;
		}

		public void setTrustStore(Path trustStore) {
			this.trustStore = trustStore;
		}

		@DeprecatedConfigurationProperty(replacement = "alternator.ssl.bundle", reason = "An SSL bundle (spring.ssl.bundle.*) replaces it",
				since = "0.1.0")
		public String getTrustStorePassword() {
			return this.trustStorePassword;
		}

		public void setTrustStorePassword(String trustStorePassword) {
			this.trustStorePassword = trustStorePassword;
		}

		@DeprecatedConfigurationProperty(replacement = "alternator.ssl.bundle", reason = "An SSL bundle (spring.ssl.bundle.*) replaces it",
				since = "0.1.0")
		public String getTrustStoreType() {
			return this.trustStoreType;
		}

		public void setTrustStoreType(String trustStoreType) {
			this.trustStoreType = trustStoreType;
		}

		@DeprecatedConfigurationProperty(replacement = "alternator.ssl.bundle", reason = "An SSL bundle (spring.ssl.bundle.*) replaces it",
				since = "0.1.0")
		public Path getCaCertificate() {
			return this.caCertificate;
		}

		public void setCaCertificate(Path caCertificate) {
			this.caCertificate = caCertificate;
		}

		@DeprecatedConfigurationProperty(replacement = "alternator.ssl.bundle", reason = "An SSL bundle (spring.ssl.bundle.*) replaces it",
				since = "0.1.0")
		public Path getKeyStore() {
			return this.keyStore;
		}

		public void setKeyStore(Path keyStore) {
			this.keyStore = keyStore;
		}

		@DeprecatedConfigurationProperty(replacement = "alternator.ssl.bundle", reason = "An SSL bundle (spring.ssl.bundle.*) replaces it",
				since = "0.1.0")
		public String getKeyStorePassword() {
			return this.keyStorePassword;
		}

		public void setKeyStorePassword(String keyStorePassword) {
			this.keyStorePassword = keyStorePassword;
		}

		@DeprecatedConfigurationProperty(replacement = "alternator.ssl.bundle", reason = "An SSL bundle (spring.ssl.bundle.*) replaces it",
				since = "0.1.0")
		public String getKeyStoreType() {
			return this.keyStoreType;
		}

		public void setKeyStoreType(String keyStoreType) {
			this.keyStoreType = keyStoreType;
		}

		@DeprecatedConfigurationProperty(reason = "Tests only: trust the test CA with an SSL bundle (alternator.ssl.bundle)"
				+ " instead", since = "0.1.0")
		public boolean isTrustAll() {
			return this.trustAll;
		}

		public void setTrustAll(boolean trustAll) {
			this.trustAll = trustAll;
		}

	}

	/**
	 * SSL of the connections to the nodes, from Spring Boot's SSL bundles ({@code spring.ssl.bundle.*}).
	 */
	public static class Ssl {

		/**
		 * Whether to connect to the nodes over https. Enabled automatically when a bundle is set. Without a bundle,
		 * node certificates are verified with the JVM's trust store.
		 */
		private Boolean enabled;

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.jks.NAME or spring.ssl.bundle.pem.NAME) whose trust store verifies
		 * node certificates and whose key store, if any, holds the client certificate.
		 */
		private String bundle;

		/**
		 * Whether a node's certificate must name the host connected to. Turning it off still verifies the certificate
		 * chain but lets any holder of a trusted certificate impersonate any node; a warning is logged at start-up.
		 */
		private boolean hostnameVerification = true;

		public boolean isHostnameVerification() {
			return this.hostnameVerification;
		}

		public void setHostnameVerification(boolean hostnameVerification) {
			this.hostnameVerification = hostnameVerification;
		}

		public boolean isEnabled() {
			return (this.enabled != null) ? this.enabled : this.bundle != null;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getBundle() {
			return this.bundle;
		}

		public void setBundle(String bundle) {
			this.bundle = bundle;
		}

	}

	/**
	 * Key-route affinity: writes of one partition key go to one node, as ScyllaDB's Go and Java Alternator libraries
	 * choose it, within the routing scope.
	 */
	public static class Affinity {

		/**
		 * Which writes go to a node chosen by their partition key: none, rmw (conditional and read-modify-write
		 * writes, the lightweight transactions of Alternator's only_rmw_uses_lwt isolation) or any-write (every
		 * write, for always_use_lwt).
		 */
		private KeyRouteAffinity mode = KeyRouteAffinity.NONE;

		/**
		 * Partition-key attribute of each table, by table name. Tables not listed are looked up once with
		 * DescribeTable. Table names with dots go in brackets: partition-keys[my.table]=id.
		 */
		private Map<String, String> partitionKeys = new LinkedHashMap<>();

		public KeyRouteAffinity getMode() {
			return this.mode;
		}

		public void setMode(KeyRouteAffinity mode) {
			this.mode = mode;
		}

		public Map<String, String> getPartitionKeys() {
			return this.partitionKeys;
		}

		public void setPartitionKeys(Map<String, String> partitionKeys) {
			this.partitionKeys = partitionKeys;
		}

	}

	/**
	 * Compression of request and answer bodies, which Alternator supports with gzip and deflate. Saves network bytes
	 * (DynamoDB's JSON compresses well) for some CPU on both sides.
	 */
	public static class Compression {

		private final Request request = new Request();

		private final Response response = new Response();

		public Request getRequest() {
			return this.request;
		}

		public Response getResponse() {
			return this.response;
		}

		/**
		 * Compression of request bodies.
		 */
		public static class Request {

			/**
			 * Whether to compress request bodies of at least min-size, with Content-Encoding; every attempt is signed
			 * over the compressed bytes.
			 */
			private boolean enabled;

			/**
			 * How to compress request bodies: gzip or deflate.
			 */
			private dev.alternator.client.Compression algorithm = dev.alternator.client.Compression.GZIP;

			/**
			 * Smallest request body that is compressed.
			 */
			private DataSize minSize = DataSize.ofKilobytes(1);

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

			public dev.alternator.client.Compression getAlgorithm() {
				return this.algorithm;
			}

			public void setAlgorithm(dev.alternator.client.Compression algorithm) {
				this.algorithm = algorithm;
			}

			public DataSize getMinSize() {
				return this.minSize;
			}

			public void setMinSize(DataSize minSize) {
				this.minSize = minSize;
			}

		}

		/**
		 * Compression of answers.
		 */
		public static class Response {

			/**
			 * Whether to ask for compressed answers (Accept-Encoding: gzip, deflate) and decode them. Alternator
			 * compresses answers of at least 4 KB by default.
			 */
			private boolean enabled;

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

		}

	}

}
