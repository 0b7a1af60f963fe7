package dev.alternator.client.internal.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import dev.alternator.client.AddressTranslator;
import dev.alternator.client.AlternatorListener;
import dev.alternator.client.AlternatorNode;
import dev.alternator.client.AsyncHttpClientType;
import dev.alternator.client.Compression;
import dev.alternator.client.HttpClientCustomizer;
import dev.alternator.client.HttpClientType;
import dev.alternator.client.KeyRouteAffinity;
import dev.alternator.client.RoutingScope;
import dev.alternator.client.TlsSettings;
import dev.alternator.client.internal.discovery.SeedParser;
import dev.alternator.client.internal.sdk.UserAgent;
import software.amazon.awssdk.regions.Region;

/**
 * The checked settings of a load balancer, built by {@link DefaultBuilder}.
 */
public final class LoadBalancerSettings {

	public final List<AlternatorNode> seeds;

	public final String scheme;

	public final int port;

	/** The configured scope, then its fallback scopes in order. */
	public final List<RoutingScope> chain;

	public final Region region;

	public final Duration activeRefreshInterval;

	public final Duration idleRefreshInterval;

	public final Duration discoveryTimeout;

	public final Duration probeInterval;

	public final Duration connectTimeout;

	public final Duration readTimeout;

	public final int maxConnections;

	public final TlsSettings tls;

	public final AddressTranslator translator;

	public final boolean discovery;

	public final List<AlternatorListener> listeners;

	public final KeyRouteAffinity keyRouteAffinity;

	public final Map<String, String> partitionKeys;

	/** The smallest request body compressed unless set: 1 KB, as ScyllaDB's Java client. */
	public static final int DEFAULT_COMPRESSION_MINIMUM_BYTES = 1024;

	/** How request bodies are compressed; {@link Compression#NONE} when they are not. */
	public final Compression requestCompression;

	/** The smallest request body that is compressed. */
	public final int requestCompressionMinimumBytes;

	/** Whether answers may come compressed. */
	public final boolean responseCompression;

	/** Whether requests carry only the headers Alternator reads. */
	public final boolean trimHeaders;

	/** Added to the User-Agent after this library's part; {@code null} for none. */
	public final String userAgentSuffix;

	// HTTP client options: null leaves the SDK's default.

	public final Duration connectionMaxIdleTime;

	public final Duration connectionTimeToLive;

	public final Duration connectionAcquisitionTimeout;

	public final boolean tcpKeepAlive;

	public final List<HttpClientCustomizer> httpClientCustomizers;

	/** The implementation of the synchronous HTTP clients. */
	public final HttpClientType httpClientType;

	/** The implementation of the asynchronous HTTP clients. */
	public final AsyncHttpClientType asyncHttpClientType;

	LoadBalancerSettings(DefaultBuilder builder) {
		String defaultScheme = checkScheme((builder.scheme != null) ? builder.scheme : "http");
		int defaultPort = checkPort((builder.port != null) ? builder.port : 8000);
		if (builder.seeds.isEmpty()) {
			throw new IllegalArgumentException(
					"No seeds configured: give at least one Alternator node, " + SeedParser.EXAMPLE);
		}
		List<AlternatorNode> parsed = new ArrayList<>();
		for (String seed : builder.seeds) {
			AlternatorNode node = SeedParser.parse(seed, defaultScheme, defaultPort);
			if (!parsed.contains(node)) {
				parsed.add(node);
			}
		}
		this.seeds = List.copyOf(parsed);
		// All nodes of a cluster share scheme and port: unless set, discovered nodes use the first seed's.
		this.scheme = (builder.scheme != null) ? defaultScheme : this.seeds.get(0).scheme();
		this.port = (builder.port != null) ? defaultPort : this.seeds.get(0).port();
		this.chain = chain(builder.datacenter, builder.rack, builder.fallback, builder.fallbackScopes);
		this.region = builder.region;
		this.activeRefreshInterval = positive("activeRefreshInterval", builder.activeRefreshInterval, "1s");
		this.idleRefreshInterval = positive("idleRefreshInterval", builder.idleRefreshInterval, "60s");
		this.discoveryTimeout = positive("discoveryTimeout", builder.discoveryTimeout, "2s");
		this.probeInterval = positive("probeInterval", builder.probeInterval, "1s");
		this.connectTimeout = positive("connectTimeout", builder.connectTimeout, "2s");
		this.readTimeout = positive("readTimeout", builder.readTimeout, "30s");
		if (builder.maxConnections < 1) {
			throw new IllegalArgumentException(
					"maxConnections must be at least 1, was " + builder.maxConnections + "; for example 100");
		}
		this.maxConnections = builder.maxConnections;
		this.tls = builder.tls;
		this.translator = builder.translator;
		this.discovery = builder.discovery;
		this.listeners = List.copyOf(builder.listeners);
		this.keyRouteAffinity = builder.keyRouteAffinity;
		this.partitionKeys = Map.copyOf(builder.partitionKeys);
		if (builder.requestCompressionMinimumBytes < 0) {
			throw new IllegalArgumentException("requestCompression minimumBytes must be zero or positive, was "
					+ builder.requestCompressionMinimumBytes + "; for example requestCompression(Compression.GZIP, 1024)");
		}
		this.requestCompression = builder.requestCompression;
		this.requestCompressionMinimumBytes = builder.requestCompressionMinimumBytes;
		this.responseCompression = builder.responseCompression;
		this.trimHeaders = builder.trimHeaders;
		this.userAgentSuffix = userAgentSuffix(builder.userAgentSuffix);
		this.connectionMaxIdleTime = positiveOrUnset("connectionMaxIdleTime", builder.connectionMaxIdleTime, "60s");
		this.connectionTimeToLive = positiveOrUnset("connectionTimeToLive", builder.connectionTimeToLive, "5m");
		this.connectionAcquisitionTimeout = positiveOrUnset("connectionAcquisitionTimeout",
				builder.connectionAcquisitionTimeout, "10s");
		this.tcpKeepAlive = builder.tcpKeepAlive;
		this.httpClientCustomizers = List.copyOf(builder.httpClientCustomizers);
		this.httpClientType = builder.httpClientType;
		this.asyncHttpClientType = builder.asyncHttpClientType;
	}

	private static String userAgentSuffix(String suffix) {
		if (suffix == null || suffix.isBlank()) {
			return null;
		}
		if (!UserAgent.isValidSuffix(suffix)) {
			throw new IllegalArgumentException("userAgentSuffix must be printable ASCII on one line, was '"
					+ suffix.replaceAll("[^\\x20-\\x7e]", "?") + "'; for example orders-service/2.1");
		}
		return suffix.strip();
	}

	private static Duration positiveOrUnset(String name, Duration value, String example) {
		return (value != null) ? positive(name, value, example) : null;
	}

	private static String checkScheme(String scheme) {
		if (!"http".equals(scheme) && !"https".equals(scheme)) {
			throw new IllegalArgumentException("scheme must be 'http' or 'https', was '" + scheme + "'");
		}
		return scheme;
	}

	private static int checkPort(int port) {
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("port must be between 1 and 65535, was " + port + "; for example 8000");
		}
		return port;
	}

	private static List<RoutingScope> chain(String datacenter, String rack, boolean fallback,
			List<RoutingScope> fallbackScopes) {
		boolean hasDatacenter = datacenter != null && !datacenter.isBlank();
		boolean hasRack = rack != null && !rack.isBlank();
		if (hasRack && !hasDatacenter) {
			throw new IllegalArgumentException("rack '" + rack + "' needs a datacenter: racks are named within a"
					+ " datacenter; set datacenter too, for example datacenter=dc1 rack=" + rack);
		}
		RoutingScope configured = !hasDatacenter ? RoutingScope.cluster()
				: hasRack ? RoutingScope.rack(datacenter, rack) : RoutingScope.datacenter(datacenter);
		LinkedHashSet<RoutingScope> chain = new LinkedHashSet<>();
		chain.add(configured);
		if (fallback) {
			if (fallbackScopes != null) {
				chain.addAll(fallbackScopes);
			}
			else {
				// The default chain widens step by step: rack, its datacenter, the cluster.
				if (hasRack) {
					chain.add(RoutingScope.datacenter(datacenter));
				}
				chain.add(RoutingScope.cluster());
			}
		}
		return List.copyOf(chain);
	}

	private static Duration positive(String name, Duration value, String example) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(
					name + " must be a positive duration, was " + value + "; for example " + example);
		}
		return value;
	}

}
