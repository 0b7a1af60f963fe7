package dev.alternator.client;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

import dev.alternator.client.internal.config.DefaultBuilder;
import dev.alternator.client.internal.config.LoadBalancerSettings;
import dev.alternator.client.internal.affinity.AffinityKeyExtractor;
import dev.alternator.client.internal.affinity.GoRandom;
import dev.alternator.client.internal.affinity.KeyAffinityInterceptor;
import dev.alternator.client.internal.affinity.PartitionKeyNames;
import dev.alternator.client.internal.compression.RequestCompression;
import dev.alternator.client.internal.compression.ResponseDecompression;
import dev.alternator.client.internal.discovery.NodeDiscovery;
import dev.alternator.client.internal.discovery.NodeHttp;
import dev.alternator.client.internal.node.Listeners;
import dev.alternator.client.internal.node.NodeFailures;
import dev.alternator.client.internal.node.NodeProber;
import dev.alternator.client.internal.node.NodeRegistry;
import dev.alternator.client.internal.node.NodeSet;
import dev.alternator.client.internal.routing.RequestRouter;
import dev.alternator.client.internal.sdk.CallPlanAuthSchemeProvider;
import dev.alternator.client.internal.sdk.CrtSupport;
import dev.alternator.client.internal.sdk.HeaderTrimming;
import dev.alternator.client.internal.sdk.HttpClientWitness;
import dev.alternator.client.internal.sdk.HttpClients;
import dev.alternator.client.internal.sdk.LoadBalancingPlugin;
import dev.alternator.client.internal.sdk.ObservedAsyncHttpClient;
import dev.alternator.client.internal.sdk.ObservedHttpClient;
import dev.alternator.client.internal.sdk.RoutingAuthScheme;
import dev.alternator.client.internal.sdk.RoutingSigner;
import dev.alternator.client.internal.sdk.UserAgent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.auth.scheme.DynamoDbAuthSchemeProvider;

/**
 * Spreads the requests of AWS SDK v2 DynamoDB clients over the live nodes of a ScyllaDB Alternator cluster.
 * <pre>{@code
 * AlternatorLoadBalancer lb = AlternatorLoadBalancer.builder()
 *     .seeds("10.0.0.1", "10.0.0.2")
 *     .datacenter("dc1").rack("rack1")
 *     .build();
 * DynamoDbClient dynamoDb = lb.configure(DynamoDbClient.builder()).credentialsProvider(credentials).build();
 * }</pre>
 * Every attempt of every request goes to a live node of the routing scope, round-robin, and each retry to a node the
 * request has not tried yet, signed for that node. A background task keeps the node list current with
 * {@code GET /localnodes}: every second while requests flow, every minute when idle. A node that fails at the
 * transport is taken out of rotation at once and probed with {@code GET /} until it answers again.
 * <p>
 * Thread-safe. {@link #close()} stops its threads and closes the HTTP clients it created; close the SDK clients first.
 */
public final class AlternatorLoadBalancer implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(AlternatorLoadBalancer.class);

	private static final AtomicInteger instances = new AtomicInteger();

	private final int id = instances.incrementAndGet();

	private final LoadBalancerSettings settings;

	private final Listeners listeners = new Listeners();

	/** Runs every change of node state, in order, and the discovery and probe ticks. */
	private final ScheduledThreadPoolExecutor admin;

	/** Runs discovery rounds (network I/O), one at a time. */
	private final ThreadPoolExecutor discoveryThread;

	/** Runs health probes side by side. */
	private final ThreadPoolExecutor probePool;

	private final NodeRegistry registry;

	private final RequestRouter router;

	private final NodeFailures failures;

	private final NodeHttp http;

	private final NodeDiscovery discovery;

	private final NodeProber prober;

	private final HttpClients httpClients;

	/** The partition keys of key-route affinity; {@code null} when it is off. */
	private final PartitionKeyNames partitionKeys;

	/** Hands each write's keys to the signer; {@code null} when key-route affinity is off. */
	private final KeyAffinityInterceptor keyAffinityInterceptor;

	/** The interceptors every configured client gets: key-route affinity and compression, when on. */
	private final List<ExecutionInterceptor> interceptors = new ArrayList<>();

	/** Trims request headers before signing; {@code null} when off. */
	private final HeaderTrimming headerTrimming;

	private final List<AutoCloseable> ownedClients = new ArrayList<>();

	private final Object lifecycle = new Object();

	private final AtomicBoolean refreshing = new AtomicBoolean();

	/** Completed when the first {@link #start()} has finished; {@code null} before it began. */
	private CompletableFuture<Void> startup;

	private volatile long lastRefreshAttemptNanos;

	private volatile boolean closed;

	private AlternatorLoadBalancer(LoadBalancerSettings settings) {
		// Before any thread starts: a CRT client that cannot be built fails the build with nothing to clean up.
		TlsSettings tls = settings.tls;
		CrtSupport.check(settings, AlternatorLoadBalancer.class.getClassLoader(),
				tls.trustStore().isPresent() || tls.caCertificate().isPresent() || tls.trustManagerSource().isPresent(),
				tls.keyStore().isPresent() || tls.certificateChainPem().isPresent()
						|| tls.keyManagerSource().isPresent());
		this.settings = settings;
		settings.listeners.forEach(this.listeners::add);
		this.admin = new ScheduledThreadPoolExecutor(1, threads("admin"));
		this.admin.setRemoveOnCancelPolicy(true);
		this.discoveryThread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
				threads("discovery"));
		this.probePool = new ThreadPoolExecutor(8, 8, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
				threads("probe"));
		this.probePool.allowCoreThreadTimeOut(true);
		this.registry = new NodeRegistry(settings.chain, settings.seeds, !settings.discovery, this.listeners,
				settings.probeInterval, this.admin);
		this.router = new RequestRouter(this.registry, this.listeners, settings.discoveryTimeout);
		this.failures = new NodeFailures(this.registry, this.listeners);
		if (settings.tls.isTrustAll()) {
			logger.warn("Alternator TLS certificate verification is OFF (trust-all): any server can impersonate the"
					+ " cluster. Use a trust store or CA certificate outside tests");
		}
		if (!settings.tls.isHostnameVerification() && !settings.tls.isTrustAll()) {
			logger.warn("Alternator TLS host-name verification is OFF: any holder of a certificate the client trusts can"
					+ " impersonate any node. Turn it off only for nodes whose certificates cannot name them");
		}
		KeyManager[] keyManagers = SslContexts.keyManagers(settings.tls);
		TrustManager[] trustManagers = SslContexts.trustManagers(settings.tls);
		SSLContext sslContext = SslContexts.sslContext(settings.tls, keyManagers, trustManagers);
		// The discovery requests accept any host name when verification is off; the trust managers still check chains.
		this.http = new NodeHttp(sslContext,
				settings.tls.isTrustAll() || !settings.tls.isHostnameVerification(),
				"alternator-" + this.id + "-deadlines");
		RoutingScope ringScope = (settings.keyRouteAffinity == KeyRouteAffinity.NONE) ? null
				: settings.chain.get(0).datacenter().map(RoutingScope::datacenter).orElse(RoutingScope.cluster());
		this.discovery = new NodeDiscovery(this.registry, ringScope, settings.scheme, settings.port,
				settings.translator, settings.discoveryTimeout, this.http, this.listeners);
		this.prober = new NodeProber(this.registry, this.http, settings.discoveryTimeout, this.probePool);
		this.registry.prober(this.prober::probe);
		this.httpClients = new HttpClients(settings, trustManagers, keyManagers, sslContext);
		this.partitionKeys = (settings.keyRouteAffinity != KeyRouteAffinity.NONE)
				? new PartitionKeyNames(settings.partitionKeys, this::tableDescriptionClient,
						"alternator-" + this.id + "-table-keys")
				: null;
		this.keyAffinityInterceptor = (this.partitionKeys != null)
				? new KeyAffinityInterceptor(new AffinityKeyExtractor(settings.keyRouteAffinity, this.partitionKeys))
				: null;
		if (this.keyAffinityInterceptor != null) {
			this.interceptors.add(this.keyAffinityInterceptor);
		}
		if (settings.requestCompression != Compression.NONE) {
			this.interceptors.add(new RequestCompression(settings.requestCompression,
					settings.requestCompressionMinimumBytes));
		}
		if (settings.responseCompression) {
			this.interceptors.add(new ResponseDecompression());
		}
		this.headerTrimming = settings.trimHeaders ? new HeaderTrimming() : null;
	}

	private ThreadFactory threads(String role) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, "alternator-" + this.id + "-" + role + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/**
	 * A builder; only the seeds are required.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new DefaultBuilder(AlternatorLoadBalancer::new);
	}

	/**
	 * Makes a synchronous client builder load-balance: endpoint, routing signer, region (for signing), an HTTP client
	 * owned by this load balancer, and a plugin that turns the SDK's retry budget off (and routes writes by key when
	 * key-route affinity is on) once the client is built. Starts the load balancer if needed. Set credentials and
	 * override configuration after this call; an HTTP client set afterwards replaces the load balancer's, which then
	 * cannot take a failing node out of rotation: a warning is logged at the first answer (set HTTP options with the
	 * load balancer's builder instead). When another thread is already starting the load balancer, this
	 * returns without waiting for that start: until discovery answers, requests go to the seeds.
	 * @param builder a DynamoDB client builder
	 * @return the same builder
	 */
	public DynamoDbClientBuilder configure(DynamoDbClientBuilder builder) {
		startUnlessStarting();
		SdkHttpClient httpClient = own(this.httpClients.createSync());
		HttpClientWitness witness = new HttpClientWitness();
		builder.httpClient(witness.watch(new ObservedHttpClient(httpClient, this.failures)));
		builder.endpointOverride(endpoint()).region(this.settings.region);
		applyCommon(builder::authSchemeProvider, builder::putAuthScheme, builder::addPlugin, witness);
		return builder;
	}

	/**
	 * Makes an asynchronous client builder load-balance, like {@link #configure(DynamoDbClientBuilder)}. Needs
	 * {@code software.amazon.awssdk:netty-nio-client} on the classpath.
	 * @param builder a DynamoDB async client builder
	 * @return the same builder
	 */
	public DynamoDbAsyncClientBuilder configure(DynamoDbAsyncClientBuilder builder) {
		startUnlessStarting();
		SdkAsyncHttpClient httpClient = own(this.httpClients.createAsync());
		HttpClientWitness witness = new HttpClientWitness();
		builder.httpClient(witness.watch(new ObservedAsyncHttpClient(httpClient, this.failures)));
		builder.endpointOverride(endpoint()).region(this.settings.region);
		applyCommon(builder::authSchemeProvider, builder::putAuthScheme, builder::addPlugin, witness);
		return builder;
	}

	/**
	 * Starts the load balancer unless a start has begun: an application that starts it in the background (as the
	 * Spring layer does, with a bounded wait of its own) must not have every client builder wait for that start.
	 */
	private void startUnlessStarting() {
		synchronized (this.lifecycle) {
			if (this.startup != null && !this.closed) {
				return;
			}
		}
		start();
	}

	private void applyCommon(Consumer<DynamoDbAuthSchemeProvider> authSchemeProvider,
			Consumer<RoutingAuthScheme> authScheme, Consumer<SdkPlugin> plugin, HttpClientWitness witness) {
		authSchemeProvider.accept(new CallPlanAuthSchemeProvider(DynamoDbAuthSchemeProvider.defaultProvider()));
		authScheme.accept(new RoutingAuthScheme(new RoutingSigner(this.router, this.partitionKeys,
				AwsV4HttpSigner.create(), this.headerTrimming)));
		plugin.accept(new LoadBalancingPlugin(this.interceptors, UserAgent.of(this.settings.userAgentSuffix),
				witness));
	}

	/**
	 * The client that looks up partition keys with {@code DescribeTable}, signed with the given credentials; closed by
	 * {@link PartitionKeyNames}.
	 */
	private DynamoDbClient tableDescriptionClient(IdentityProvider<AwsCredentialsIdentity> credentials) {
		return configure(DynamoDbClient.builder()).credentialsProvider(credentials)
			.overrideConfiguration((overrides) -> overrides.apiCallTimeout(this.settings.discoveryTimeout.multipliedBy(5)))
			.build();
	}

	private URI endpoint() {
		// The signer moves every attempt to its node; the endpoint only fixes the scheme (and a valid URL).
		return this.settings.seeds.get(0).uri();
	}

	private <T extends AutoCloseable> T own(T client) {
		synchronized (this.lifecycle) {
			if (this.closed) {
				closeQuietly(client);
				throw new IllegalStateException("This AlternatorLoadBalancer is closed");
			}
			this.ownedClients.add(client);
		}
		return client;
	}

	/**
	 * Finds the live nodes (one discovery round and the probes of the nodes it found, each bounded by the discovery
	 * timeout) and starts the background discovery and health probes. Until discovery answers, requests go to the
	 * seeds. Does nothing when already started; a call while another thread starts waits for that start.
	 * @throws IllegalStateException when closed
	 */
	public void start() {
		CompletableFuture<Void> running;
		boolean starter = false;
		synchronized (this.lifecycle) {
			if (this.closed) {
				throw new IllegalStateException("This AlternatorLoadBalancer is closed");
			}
			if (this.startup == null) {
				this.startup = new CompletableFuture<>();
				starter = true;
			}
			running = this.startup;
		}
		if (!starter) {
			try {
				running.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (ExecutionException ex) {
				// The starting thread reported it.
			}
			return;
		}
		try {
			if (this.partitionKeys != null) {
				GoRandom.prepare();
			}
			if (this.settings.discovery) {
				// Bounded: a node that answers /localnodes one byte at a time must not hold the application's start.
				Future<?> first = this.discoveryThread.submit(guard(this::refreshAndProbe));
				awaitQuietly(first, this.settings.discoveryTimeout.multipliedBy(NodeDiscovery.MAX_CONTACTS + 2));
			}
			logger.info("Alternator load balancer started: routing {} over {}",
					this.registry.snapshot().activeScope(this.settings.chain.get(0)).describe(),
					this.registry.snapshot().liveNodes());
			schedule(this::discoveryTick, jittered(this.settings.activeRefreshInterval));
			long probeMillis = this.settings.probeInterval.toMillis();
			this.admin.scheduleWithFixedDelay(guard(this.registry::probeDue), probeMillis, probeMillis,
					TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// Closed while starting: nothing more to start.
		}
		finally {
			running.complete(null);
		}
	}

	/**
	 * Runs every active interval; refreshes when requests flowed since the last refresh, when the idle interval
	 * passed, or while no node of the chain is routable (then the active interval applies even when idle).
	 */
	private void discoveryTick() {
		if (this.settings.discovery) {
			long now = System.nanoTime();
			NodeSet nodes = this.registry.snapshot();
			boolean active = this.router.lastRequestNanos() - this.lastRefreshAttemptNanos > 0;
			boolean idleDue = now - this.lastRefreshAttemptNanos >= this.settings.idleRefreshInterval.toNanos();
			boolean noNode = nodes.activeLevel() < 0 || nodes.status.lastRefresh == null;
			if ((active || idleDue || noNode) && this.refreshing.compareAndSet(false, true)) {
				try {
					this.discoveryThread.execute(() -> {
						try {
							refreshAndProbe();
						}
						finally {
							this.refreshing.set(false);
						}
					});
				}
				catch (RejectedExecutionException ex) {
					this.refreshing.set(false);
				}
			}
		}
		schedule(this::discoveryTick, jittered(this.settings.activeRefreshInterval));
	}

	private void schedule(Runnable task, long delayMillis) {
		if (!this.closed) {
			this.admin.schedule(guard(task), delayMillis, TimeUnit.MILLISECONDS);
		}
	}

	private static long jittered(Duration interval) {
		long millis = interval.toMillis();
		long jitter = millis / 10;
		return Math.max(1, millis + ((jitter > 0) ? ThreadLocalRandom.current().nextLong(-jitter, jitter + 1) : 0));
	}

	private static Runnable guard(Runnable task) {
		return () -> {
			try {
				task.run();
			}
			catch (RejectedExecutionException ex) {
				// Closing.
			}
			catch (RuntimeException ex) {
				logger.warn("Alternator background task failed: {}", ex.toString(), ex);
			}
		};
	}

	private static void awaitQuietly(Future<?> future, Duration timeout) {
		try {
			future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			// Discovery goes on in the background; until it answers, requests go to the seeds.
		}
	}

	/**
	 * Runs one discovery round now, then probes new and down nodes, and waits for those probes. Blocks for at most a
	 * few discovery timeouts.
	 */
	public void refresh() {
		refreshAndProbe(true);
	}

	private void refreshAndProbe() {
		refreshAndProbe(false);
	}

	private void refreshAndProbe(boolean evenNotDue) {
		this.lastRefreshAttemptNanos = System.nanoTime();
		if (this.settings.discovery) {
			this.discovery.refresh();
		}
		awaitQuietly(this.registry.probeAll(evenNotDue), this.settings.discoveryTimeout.plusSeconds(1));
	}

	/**
	 * What the load balancer knows now, read from one snapshot. No I/O.
	 * @return a snapshot
	 */
	public AlternatorState state() {
		NodeSet nodes = this.registry.snapshot();
		RoutingScope configured = this.settings.chain.get(0);
		return new AlternatorState(nodes.liveNodes(), nodes.down, this.settings.chain, nodes.activeScope(configured),
				nodes.status, this.settings.keyRouteAffinity,
				(this.partitionKeys != null) ? this.partitionKeys.known() : Map.of());
	}

	/**
	 * Registers a listener.
	 * @param listener the listener
	 */
	public void addListener(AlternatorListener listener) {
		this.listeners.add(Objects.requireNonNull(listener, "listener"));
	}

	/**
	 * Unregisters a listener.
	 * @param listener the listener
	 */
	public void removeListener(AlternatorListener listener) {
		this.listeners.remove(listener);
	}

	/**
	 * Stops discovery and probes, cuts their open requests, and closes the HTTP clients this load balancer created.
	 * Idempotent.
	 */
	@Override
	public void close() {
		List<AutoCloseable> toClose;
		synchronized (this.lifecycle) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			toClose = new ArrayList<>(this.ownedClients);
			this.ownedClients.clear();
		}
		this.admin.shutdownNow();
		this.discoveryThread.shutdownNow();
		this.probePool.shutdownNow();
		// Ends requests blocked on a node that stalls: the threads above then stop at once.
		this.http.close();
		try {
			if (!this.discoveryThread.awaitTermination(5, TimeUnit.SECONDS)
					|| !this.probePool.awaitTermination(5, TimeUnit.SECONDS)) {
				logger.warn("Alternator discovery threads did not stop within 5 seconds");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (this.partitionKeys != null) {
			this.partitionKeys.close();
		}
		toClose.forEach(AlternatorLoadBalancer::closeQuietly);
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			logger.debug("Failed to close {}: {}", closeable, ex.toString());
		}
	}

	LoadBalancerSettings settings() {
		return this.settings;
	}

	@Override
	public String toString() {
		return "AlternatorLoadBalancer[seeds=" + this.settings.seeds + ", scopes=" + this.settings.chain + "]";
	}

	/**
	 * Builds an {@link AlternatorLoadBalancer}. Every setting is checked at {@link #build()}, with a message that
	 * names the setting, the bad value and a valid example.
	 */
	public interface Builder {

		/**
		 * The nodes to start discovery from: hosts ({@code 10.0.0.1}), {@code host:port} or URLs
		 * ({@code https://node1:8043}). One per datacenter gives the cluster scope every datacenter.
		 * @param seeds at least one seed
		 * @return this builder
		 */
		Builder seeds(String... seeds);

		/**
		 * Like {@link #seeds(String...)}.
		 * @param seeds at least one seed
		 * @return this builder
		 */
		Builder seeds(Collection<String> seeds);

		/**
		 * The scheme of seeds written without one, and of discovered nodes: {@code http} or {@code https}. Default:
		 * the first seed's scheme, {@code http} when it has none.
		 * @param scheme the scheme
		 * @return this builder
		 */
		Builder scheme(String scheme);

		/**
		 * The Alternator port of seeds written without one, and of discovered nodes. Default: the first seed's port,
		 * 8000 when it has none.
		 * @param port 1 to 65535
		 * @return this builder
		 */
		Builder port(int port);

		/**
		 * Routes to this datacenter (falling back to the whole cluster unless {@link #fallback(boolean)} is off).
		 * @param datacenter the name as ScyllaDB knows it, matched exactly
		 * @return this builder
		 */
		Builder datacenter(String datacenter);

		/**
		 * Routes to this rack of the datacenter (falling back to the datacenter, then the cluster).
		 * @param rack the name as ScyllaDB knows it, matched exactly; needs a datacenter
		 * @return this builder
		 */
		Builder rack(String rack);

		/**
		 * Whether a scope without live nodes falls back to the wider one (rack, datacenter, cluster). Default
		 * {@code true}; {@code false} keeps requests strictly in the configured scope. With {@code false}, a
		 * datacenter or rack that the cluster does not list (once discovery has an answer) fails every request with a
		 * {@link NoLiveNodesException} that names the scope and what the cluster lists instead; the seeds are not used.
		 * @param enabled whether to fall back
		 * @return this builder
		 */
		Builder fallback(boolean enabled);

		/**
		 * The scopes requests fall back to, in order, when the configured scope has no live node: for example
		 * {@code fallbackScopes(RoutingScope.rack("dc1", "rack2"), RoutingScope.datacenter("dc1"),
		 * RoutingScope.cluster())} after rack {@code rack1}. Default: the configured rack's datacenter, then the
		 * cluster. Every scope's nodes are discovered and probed ahead, and a request falls through to the next scope
		 * at once when the ones before have no live node.
		 * @param scopes the fallback scopes, narrowest first; none to stay in the configured scope
		 * @return this builder
		 */
		Builder fallbackScopes(RoutingScope... scopes);

		/**
		 * The region used for signing only. Default {@code us-east-1}.
		 * @param region the region
		 * @return this builder
		 */
		Builder region(Region region);

		/**
		 * How often to refresh the node list while requests flow. Default 1 second.
		 * @param interval a positive duration
		 * @return this builder
		 */
		Builder activeRefreshInterval(Duration interval);

		/**
		 * How often to refresh the node list when no request flows. Default 60 seconds.
		 * @param interval a positive duration
		 * @return this builder
		 */
		Builder idleRefreshInterval(Duration interval);

		/**
		 * Connect and read timeout of each {@code /localnodes} call and health probe. Default 2 seconds. Also how long,
		 * at most, a call that finds no live node waits for a probe to bring a down node back before it fails with
		 * {@link NoLiveNodesException}.
		 * @param timeout a positive duration
		 * @return this builder
		 */
		Builder discoveryTimeout(Duration timeout);

		/**
		 * How often nodes out of rotation are probed with {@code GET /}. Default 1 second.
		 * @param interval a positive duration
		 * @return this builder
		 */
		Builder probeInterval(Duration interval);

		/**
		 * Connect timeout of the HTTP clients the load balancer creates. Default 2 seconds.
		 * @param timeout a positive duration
		 * @return this builder
		 */
		Builder connectTimeout(Duration timeout);

		/**
		 * Read (socket) timeout of the HTTP clients the load balancer creates. Default 30 seconds.
		 * @param timeout a positive duration
		 * @return this builder
		 */
		Builder readTimeout(Duration timeout);

		/**
		 * Connection pool size of each HTTP client the load balancer creates. Default 100.
		 * @param maxConnections at least 1
		 * @return this builder
		 */
		Builder maxConnections(int maxConnections);

		/**
		 * TLS settings for https nodes. Default: the JVM's trust store.
		 * @param tls the settings
		 * @return this builder
		 */
		Builder tls(TlsSettings tls);

		/**
		 * Maps reported node addresses to the addresses to connect to (NAT, containers).
		 * @param translator the translator
		 * @return this builder
		 */
		Builder addressTranslator(AddressTranslator translator);

		/**
		 * Whether to discover nodes with {@code /localnodes}. Default {@code true}; {@code false} routes over the
		 * seeds only, for example for a single container whose reported address cannot be reached.
		 * @param enabled whether to discover
		 * @return this builder
		 */
		Builder discovery(boolean enabled);

		/**
		 * Which writes go to a node chosen by their partition key, as ScyllaDB's Go and Java Alternator libraries
		 * choose it, within the routing scope. Default {@link KeyRouteAffinity#NONE}. A table's partition key is
		 * looked up with {@code DescribeTable} on its first qualifying write unless set with
		 * {@link #partitionKey(String, String)}; until it is known, the table's writes go to the next node in turn.
		 * @param mode the writes routed by key
		 * @return this builder
		 */
		Builder keyRouteAffinity(KeyRouteAffinity mode);

		/**
		 * The partition-key attribute of a table, for key-route affinity without a {@code DescribeTable} lookup.
		 * @param table the table name
		 * @param attribute its HASH key attribute
		 * @return this builder
		 */
		Builder partitionKey(String table, String attribute);

		/**
		 * Compresses request bodies of at least {@code minimumBytes} with {@code Content-Encoding}, as Alternator
		 * accepts them; every attempt (retries to other nodes included) is signed over the compressed bytes it sends.
		 * Default {@link Compression#NONE}, as in ScyllaDB's clients: compression trades client and node CPU for
		 * network bytes, and the JSON of DynamoDB requests compresses well.
		 * @param compression {@link Compression#GZIP}, {@link Compression#DEFLATE}, or {@link Compression#NONE} to turn
		 * it off
		 * @param minimumBytes the smallest body that is compressed, zero or more; for example 1024
		 * @return this builder
		 */
		Builder requestCompression(Compression compression, int minimumBytes);

		/**
		 * Whether to ask for compressed answers ({@code Accept-Encoding: gzip, deflate}) and decode them before the SDK
		 * parses them. Alternator compresses answers of at least 4 KB by default. Default {@code false}.
		 * @param enabled whether to accept compressed answers
		 * @return this builder
		 */
		Builder responseCompression(boolean enabled);

		/**
		 * Whether requests carry only the headers Alternator reads (Host, X-Amz-Target, Content-Type, Content-Length,
		 * Content-Encoding, Accept-Encoding, User-Agent and the SigV4 headers), dropping the SDK's
		 * {@code amz-sdk-invocation-id} and {@code amz-sdk-request} and any custom header. Trimmed before signing, so
		 * the signature stays valid. Default {@code false}.
		 * @param enabled whether to trim request headers
		 * @return this builder
		 */
		Builder trimHeaders(boolean enabled);

		/**
		 * Words added to the User-Agent header of every request after this library's own part,
		 * {@code alternator-client/<version>}: for example the application's name and version
		 * ({@code orders-service/2.1}), so that operators can tell clients apart in Alternator's {@code system.clients}
		 * table. Default none.
		 * @param suffix printable ASCII, or {@code null} for none
		 * @return this builder
		 */
		Builder userAgentSuffix(String suffix);

		/**
		 * Registers a listener from the start.
		 * @param listener the listener
		 * @return this builder
		 */
		Builder listener(AlternatorListener listener);

		/**
		 * How long a pooled connection may stay idle before it is closed. Default: the SDK HTTP client's (60 s).
		 * @param maxIdleTime a positive duration
		 * @return this builder
		 */
		Builder connectionMaxIdleTime(Duration maxIdleTime);

		/**
		 * How long a pooled connection may live at most, after which it is closed rather than reused (spreads
		 * connections again after nodes come and go). Default: the SDK HTTP client's (unlimited).
		 * @param timeToLive a positive duration
		 * @return this builder
		 */
		Builder connectionTimeToLive(Duration timeToLive);

		/**
		 * How long a request may wait for a connection from a full pool. Default: the SDK HTTP client's (10 s).
		 * @param timeout a positive duration
		 * @return this builder
		 */
		Builder connectionAcquisitionTimeout(Duration timeout);

		/**
		 * Whether TCP keep-alive is turned on for the connections to the nodes (default {@code false}, as in the SDK).
		 * @param enabled whether to send TCP keep-alive probes
		 * @return this builder
		 */
		Builder tcpKeepAlive(boolean enabled);

		/**
		 * Adds a customizer of the SDK HTTP client builders this load balancer uses, applied in the order added,
		 * after the load balancer's own settings. Whatever it changes, the load balancer still observes every
		 * attempt's transport failure.
		 * @param customizer the customizer
		 * @return this builder
		 */
		Builder httpClientCustomizer(HttpClientCustomizer customizer);

		/**
		 * The implementation of the synchronous HTTP clients (default {@link HttpClientType#APACHE}).
		 * {@link HttpClientType#CRT} needs {@code software.amazon.awssdk:aws-crt-client} on the classpath and fails
		 * {@link #build()} when it is missing or a setting it cannot apply is set.
		 * @param type the implementation
		 * @return this builder
		 */
		Builder httpClientType(HttpClientType type);

		/**
		 * The implementation of the asynchronous HTTP clients (default {@link AsyncHttpClientType#NETTY}), with the
		 * same checks as {@link #httpClientType(HttpClientType)}.
		 * @param type the implementation
		 * @return this builder
		 */
		Builder asyncHttpClientType(AsyncHttpClientType type);

		/**
		 * Checks the settings and builds the load balancer, not started yet: {@code configure(...)} or
		 * {@link AlternatorLoadBalancer#start()} starts it.
		 * @return the load balancer
		 * @throws IllegalArgumentException naming the first invalid setting
		 */
		AlternatorLoadBalancer build();

	}

}
