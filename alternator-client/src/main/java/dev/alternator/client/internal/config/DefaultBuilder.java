package dev.alternator.client.internal.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import dev.alternator.client.AddressTranslator;
import dev.alternator.client.AlternatorListener;
import dev.alternator.client.AlternatorLoadBalancer;
import dev.alternator.client.Compression;
import dev.alternator.client.AsyncHttpClientType;
import dev.alternator.client.HttpClientCustomizer;
import dev.alternator.client.HttpClientType;
import dev.alternator.client.KeyRouteAffinity;
import dev.alternator.client.RoutingScope;
import dev.alternator.client.TlsSettings;
import software.amazon.awssdk.regions.Region;

/**
 * The builder behind {@link AlternatorLoadBalancer#builder()}: collects settings, checks them all at {@link #build()}.
 */
public final class DefaultBuilder implements AlternatorLoadBalancer.Builder {

	private final Function<LoadBalancerSettings, AlternatorLoadBalancer> factory;

	// Read by LoadBalancerSettings, which checks them.

	final List<String> seeds = new ArrayList<>();

	String scheme;

	Integer port;

	String datacenter;

	String rack;

	boolean fallback = true;

	List<RoutingScope> fallbackScopes;

	Region region = Region.US_EAST_1;

	Duration activeRefreshInterval = Duration.ofSeconds(1);

	Duration idleRefreshInterval = Duration.ofSeconds(60);

	Duration discoveryTimeout = Duration.ofSeconds(2);

	Duration probeInterval = Duration.ofSeconds(1);

	Duration connectTimeout = Duration.ofSeconds(2);

	Duration readTimeout = Duration.ofSeconds(30);

	int maxConnections = 100;

	TlsSettings tls = TlsSettings.defaults();

	AddressTranslator translator = AddressTranslator.identity();

	boolean discovery = true;

	final List<AlternatorListener> listeners = new ArrayList<>();

	KeyRouteAffinity keyRouteAffinity = KeyRouteAffinity.NONE;

	final Map<String, String> partitionKeys = new LinkedHashMap<>();

	// Wire savings (issue 13): all off by default, as in ScyllaDB's clients.

	Compression requestCompression = Compression.NONE;

	int requestCompressionMinimumBytes = LoadBalancerSettings.DEFAULT_COMPRESSION_MINIMUM_BYTES;

	boolean responseCompression;

	boolean trimHeaders;

	String userAgentSuffix;

	Duration connectionMaxIdleTime;

	Duration connectionTimeToLive;

	Duration connectionAcquisitionTimeout;

	boolean tcpKeepAlive;

	final List<HttpClientCustomizer> httpClientCustomizers = new ArrayList<>();

	HttpClientType httpClientType = HttpClientType.APACHE;

	AsyncHttpClientType asyncHttpClientType = AsyncHttpClientType.NETTY;

	/**
	 * @param factory makes the load balancer from the checked settings
	 */
	public DefaultBuilder(Function<LoadBalancerSettings, AlternatorLoadBalancer> factory) {
		this.factory = factory;
	}

	@Override
	public AlternatorLoadBalancer.Builder seeds(String... seeds) {
		return seeds(Arrays.asList(seeds));
	}

	@Override
	public AlternatorLoadBalancer.Builder seeds(Collection<String> seeds) {
		this.seeds.clear();
		this.seeds.addAll(seeds);
		return this;
	}

	@Override
	public AlternatorLoadBalancer.Builder scheme(String scheme) {
		this.scheme = (scheme != null) ? scheme.toLowerCase(Locale.ROOT) : null;
		return this;
	}

	@Override
	public AlternatorLoadBalancer.Builder port(int port) {
		this.port = port;
		return this;
	}

	@Override
	public AlternatorLoadBalancer.Builder datacenter(String datacenter) {
		this.datacenter = datacenter;
		return this;
	}

	@Override
	public AlternatorLoadBalancer.Builder rack(String rack) {
		this.rack = rack;
		return this;
	}

	@Override
	public AlternatorLoadBalancer.Builder fallback(boolean enabled) {
		this.fallback = enabled;
		return this;
	}

	@Override
	public AlternatorLoadBalancer.Builder fallbackScopes(RoutingScope... scopes) {
		for (RoutingScope scope : scopes) {
			Objects.requireNonNull(scope, "fallback scope");
		}
		this.fallbackScopes = List.of(scopes);
		return this;
	}

	@Override
	public AlternatorLoadBalancer.Builder region(Region region) {
		this.region = Objects.requireNonNull(region, "region");
		return this;
	}

	@Override
	public AlternatorLoadBalancer.Builder activeRefreshInterval(Duration interval) {
		this.activeRefreshInterval = interval;
		return this;
	}

	@Override
	public AlternatorLoadBalancer.Builder idleRefreshInterval(Duration interval) {
		this.idleRefreshInterval = interval;
		return this;
	}

	@Override
	public AlternatorLoadBalancer.Builder discoveryTimeout(Duration timeout) {
		this.discoveryTimeout = timeout;
		return this;
	}

	@Override
	public AlternatorLoadBalancer.Builder probeInterval(Duration interval) {
		this.probeInterval = interval;
		return this;
	}

	@Override
	public AlternatorLoadBalancer.Builder connectTimeout(Duration timeout) {
		this.connectTimeout = timeout;
		return this;
	}

	@Override
	public AlternatorLoadBalancer.Builder readTimeout(Duration timeout) {
		this.readTimeout = timeout;
		return this;
	}

	@Override
	public AlternatorLoadBalancer.Builder maxConnections(int maxConnections) {
		this.maxConnections = maxConnections;
		return this;
	}

	@Override
	public AlternatorLoadBalancer.Builder tls(TlsSettings tls) {
		this.tls = Objects.requireNonNull(tls, "tls");
		return this;
	}

	@Override
	public AlternatorLoadBalancer.Builder addressTranslator(AddressTranslator translator) {
		this.translator = Objects.requireNonNull(translator, "translator");
		return this;
	}

	@Override
	public AlternatorLoadBalancer.Builder discovery(boolean enabled) {
		this.discovery = enabled;
		return this;
	}

	@Override
	public AlternatorLoadBalancer.Builder listener(AlternatorListener listener) {
		this.listeners.add(Objects.requireNonNull(listener, "listener"));
		return this;
	}

	@Override
	public AlternatorLoadBalancer.Builder keyRouteAffinity(KeyRouteAffinity mode) {
		this.keyRouteAffinity = Objects.requireNonNull(mode, "keyRouteAffinity must not be null; use NONE to turn"
				+ " key-route affinity off");
		return this;
	}

	@Override
	public AlternatorLoadBalancer.Builder partitionKey(String table, String attribute) {
		if (table == null || table.isBlank()) {
			throw new IllegalArgumentException(
					"partitionKey needs a table name, was '" + table + "'; for example partitionKey(\"orders\", \"customerId\")");
		}
		if (attribute == null || attribute.isBlank()) {
			throw new IllegalArgumentException("partitionKey of table '" + table + "' needs an attribute name, was '"
					+ attribute + "'; for example partitionKey(\"" + table + "\", \"id\")");
		}
		this.partitionKeys.put(table, attribute);
		return this;
	}

	@Override
	public AlternatorLoadBalancer.Builder requestCompression(Compression compression, int minimumBytes) {
		this.requestCompression = Objects.requireNonNull(compression, "requestCompression must not be null; use"
				+ " Compression.NONE to turn request compression off");
		this.requestCompressionMinimumBytes = minimumBytes;
		return this;
	}

	@Override
	public AlternatorLoadBalancer.Builder connectionMaxIdleTime(Duration maxIdleTime) {
		this.connectionMaxIdleTime = maxIdleTime;
		return this;
	}

	@Override
	public AlternatorLoadBalancer.Builder responseCompression(boolean enabled) {
		this.responseCompression = enabled;
		return this;
	}

	@Override
	public AlternatorLoadBalancer.Builder connectionTimeToLive(Duration timeToLive) {
		this.connectionTimeToLive = timeToLive;
		return this;
	}

	@Override
	public AlternatorLoadBalancer.Builder trimHeaders(boolean enabled) {
		this.trimHeaders = enabled;
		return this;
	}

	@Override
	public AlternatorLoadBalancer.Builder connectionAcquisitionTimeout(Duration timeout) {
		this.connectionAcquisitionTimeout = timeout;
		return this;
	}

	@Override
	public AlternatorLoadBalancer.Builder userAgentSuffix(String suffix) {
		this.userAgentSuffix = suffix;
		return this;
	}

	@Override
	public AlternatorLoadBalancer.Builder tcpKeepAlive(boolean enabled) {
		this.tcpKeepAlive = enabled;
		return this;
	}

	@Override
	public AlternatorLoadBalancer.Builder httpClientCustomizer(HttpClientCustomizer customizer) {
		this.httpClientCustomizers.add(Objects.requireNonNull(customizer, "httpClientCustomizer"));
		return this;
	}

	@Override
	public AlternatorLoadBalancer.Builder httpClientType(HttpClientType type) {
		this.httpClientType = Objects.requireNonNull(type, "httpClientType");
		return this;
	}

	@Override
	public AlternatorLoadBalancer.Builder asyncHttpClientType(AsyncHttpClientType type) {
		this.asyncHttpClientType = Objects.requireNonNull(type, "asyncHttpClientType");
		return this;
	}

	@Override
	public AlternatorLoadBalancer build() {
		return this.factory.apply(new LoadBalancerSettings(this));
	}

}
