package dev.alternator.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded cluster that behaves like ScyllaDB Alternator for a client: several nodes, each on its own loopback
 * address ({@code 127.0.0.1}, {@code 127.0.0.2}, ...) and all on one port, grouped in datacenters and racks, each
 * serving the DynamoDB API, {@code GET /} and {@code GET /localnodes}. One in-memory engine
 * ({@link dev.alternator.local.engine.AlternatorEngine}) stands behind all of them, so data written through one
 * node is read through any other.
 * <pre>{@code
 * try (LocalCluster cluster = LocalCluster.builder()
 *         .nodes("dc1", "rack1", 2).node("dc1", "rack2")
 *         .start()) {
 *     List<String> seeds = cluster.seeds();
 * }
 * }</pre>
 * Linux routes all of 127.0.0.0/8 to loopback; macOS needs an alias per extra address
 * ({@code sudo ifconfig lo0 alias 127.0.0.2 up}).
 */
public final class LocalCluster implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(LocalCluster.class);

	private static final int PORT_ATTEMPTS = 20;

	private final DynamoDbEngine engine;

	private final int port;

	private final SigV4Verifier sigV4Verifier;

	private final LocalClusterTls tls;

	private final ExecutorService connectionExecutor;

	private final List<LocalNode> nodes = new CopyOnWriteArrayList<>();

	private final AtomicInteger lastAddressIndex = new AtomicInteger();

	private volatile boolean legacyLocalNodes;

	private volatile boolean closed;

	private LocalCluster(DefaultBuilder builder, DynamoDbEngine engine, LocalClusterTls tls, int port) {
		this.engine = engine;
		this.port = port;
		this.tls = tls;
		this.sigV4Verifier = (builder.accessKeyId != null)
				? new SigV4Verifier(builder.accessKeyId, builder.secretAccessKey) : null;
		this.legacyLocalNodes = builder.legacyLocalNodes;
		this.connectionExecutor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
				new SynchronousQueue<>(), new NamedDaemonThreads("alternator-local-connection-"));
	}

	/**
	 * A builder for a cluster of any shape.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new DefaultBuilder();
	}

	/**
	 * Starts a cluster of three nodes in datacenter {@code dc1}: two in {@code rack1}, one in {@code rack2}.
	 * @return the running cluster
	 */
	public static LocalCluster start() {
		return builder().nodes("dc1", "rack1", 2).node("dc1", "rack2").start();
	}

	/**
	 * The cluster's current nodes, in the order they were added.
	 * @return an unmodifiable snapshot
	 */
	public List<LocalNode> nodes() {
		return Collections.unmodifiableList(new ArrayList<>(this.nodes));
	}

	/**
	 * The node at the given position of {@link #nodes()}.
	 * @param index the position, from 0
	 * @return the node
	 */
	public LocalNode node(int index) {
		return this.nodes.get(index);
	}

	/**
	 * The node with the given address.
	 * @param address for example {@code 127.0.0.2}
	 * @return the node
	 * @throws IllegalArgumentException when no node has that address
	 */
	public LocalNode node(String address) {
		for (LocalNode node : this.nodes) {
			if (node.address().equals(address)) {
				return node;
			}
		}
		throw new IllegalArgumentException("No node with address " + address + " in " + this.nodes);
	}

	/**
	 * The port every node listens on.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * The scheme clients use: {@code https} when started with TLS, else {@code http}.
	 * @return the scheme
	 */
	public String scheme() {
		return (this.tls != null) ? "https" : "http";
	}

	/**
	 * The endpoint URLs of the current nodes, for example {@code http://127.0.0.1:41234}, usable as seeds.
	 * @return the seeds, in node order
	 */
	public List<String> seeds() {
		List<String> seeds = new ArrayList<>(this.nodes.size());
		for (LocalNode node : this.nodes) {
			seeds.add(node.endpoint().toString());
		}
		return seeds;
	}

	/**
	 * Adds a node on the next unused loopback address and starts it.
	 * @param datacenter the node's datacenter
	 * @param rack the node's rack
	 * @return the running node
	 */
	public LocalNode addNode(String datacenter, String rack) {
		return addNode(datacenter, rack, null);
	}

	/**
	 * Adds a node on the given loopback address and starts it: for example {@code ::1}, the IPv6 loopback, which
	 * {@code /localnodes} then lists without brackets, as ScyllaDB does.
	 * @param datacenter the node's datacenter
	 * @param rack the node's rack
	 * @param address a literal loopback address not used by another node, or {@code null} for the next unused
	 * IPv4 one
	 * @return the running node
	 * @throws IllegalArgumentException when the address is not a literal loopback address or is taken
	 */
	public LocalNode addNode(String datacenter, String rack, String address) {
		requireOpen();
		requireName("datacenter", datacenter);
		requireName("rack", rack);
		if (address == null) {
			// Skips addresses a node was given explicitly.
			do {
				address = "127.0.0." + this.lastAddressIndex.incrementAndGet();
			}
			while (isUsed(address));
		}
		else {
			address = requireLoopbackLiteral(address);
		}
		for (LocalNode existing : this.nodes) {
			if (existing.address().equals(address)) {
				throw new IllegalArgumentException("The address " + address + " is already used by " + existing);
			}
		}
		LocalNode node = new LocalNode(this, address, datacenter, rack, this::createServer);
		node.start();
		this.nodes.add(node);
		logger.debug("Local node {} ({}/{}) listening on port {}", address, datacenter, rack, this.port);
		return node;
	}

	/**
	 * Stops a node and removes it from the cluster.
	 * @param node the node to remove
	 */
	public void removeNode(LocalNode node) {
		if (this.nodes.remove(node)) {
			node.close();
		}
	}

	/**
	 * Switches {@code /localnodes} to the behaviour of ScyllaDB before 2025.1, which ignores the {@code dc} and
	 * {@code rack} parameters and always answers with the contacted node's datacenter, or back.
	 * @param ignoreFilters whether to ignore the parameters
	 */
	public void legacyLocalNodes(boolean ignoreFilters) {
		this.legacyLocalNodes = ignoreFilters;
	}

	/**
	 * The trust material clients need when the cluster serves TLS.
	 * @return the trust material, empty without TLS
	 */
	public Optional<LocalClusterTls> tls() {
		return Optional.ofNullable(this.tls);
	}

	/**
	 * Starts recording every request the cluster's current nodes answer, as {@link LocalNode#recordRequests()} does
	 * for one node: a test sees the attempts a client sent to each node, retries included.
	 * @return the open recording
	 */
	public RequestRecording recordRequests() {
		RequestRecording recording = new RequestRecording();
		this.nodes.forEach((node) -> node.recordInto(recording));
		return recording;
	}

	/**
	 * Sets the counters of every node back to zero.
	 */
	public void resetCounters() {
		this.nodes.forEach(LocalNode::resetCounters);
	}

	/**
	 * Stops every node and the engine, freeing every port and thread. Calling it again does nothing.
	 */
	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		for (LocalNode node : this.nodes) {
			node.close();
		}
		this.connectionExecutor.shutdownNow();
		try {
			this.connectionExecutor.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.engine.close();
	}

	SigV4Verifier sigV4Verifier() {
		return this.sigV4Verifier;
	}

	DynamoDbEngine engine() {
		return this.engine;
	}

	/**
	 * The nodes {@code /localnodes} lists when asked on {@code contacted}: alive (or joining), not hidden, of the
	 * given or the contacted node's datacenter, and of the given rack if any. Names match exactly.
	 */
	List<LocalNode> localNodes(LocalNode contacted, String datacenter, String rack) {
		boolean legacy = this.legacyLocalNodes;
		String wantedDatacenter = (legacy || datacenter == null) ? contacted.datacenter() : datacenter;
		String wantedRack = legacy ? null : rack;
		List<LocalNode> listed = new ArrayList<>();
		for (LocalNode node : this.nodes) {
			NodeState state = node.state();
			boolean alive = state == NodeState.RUNNING || state == NodeState.JOINING || state == NodeState.HUNG;
			if (alive && !node.isHiddenFromLocalNodes() && node.datacenter().equals(wantedDatacenter)
					&& (wantedRack == null || node.rack().equals(wantedRack))) {
				listed.add(node);
			}
		}
		return listed;
	}

	private NodeServer createServer(String address, NodeServer.RequestHandler handler) {
		return new NodeServer(inetAddress(address), this.port, (this.tls != null) ? this.tls.sslContext() : null,
				this.tls != null && this.tls.requiresClientCertificate(), this.connectionExecutor, handler);
	}

	private void requireOpen() {
		if (this.closed) {
			throw new IllegalStateException("The local cluster is closed");
		}
	}

	private static InetAddress inetAddress(String address) {
		try {
			return InetAddress.getByName(address);
		}
		catch (UnknownHostException ex) {
			throw new LocalClusterException("Invalid node address " + address, ex);
		}
	}

	private boolean isUsed(String address) {
		for (LocalNode node : this.nodes) {
			if (node.address().equals(address)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The canonical text of a literal loopback address ({@code ::1} for any spelling of the IPv6 loopback); never a
	 * host name, which would need a lookup and could point beyond the machine.
	 */
	static String requireLoopbackLiteral(String address) {
		String literal = address.trim();
		if (literal.startsWith("[") && literal.endsWith("]")) {
			literal = literal.substring(1, literal.length() - 1);
		}
		boolean ipv4 = literal.matches("\\d{1,3}(\\.\\d{1,3}){3}");
		boolean ipv6 = literal.contains(":") && literal.matches("[0-9A-Fa-f:.]+");
		if (!ipv4 && !ipv6) {
			throw new IllegalArgumentException("A node address must be a literal loopback address such as 127.0.0.9"
					+ " or ::1, was '" + address + "'");
		}
		InetAddress inet = inetAddress(literal);
		if (!inet.isLoopbackAddress()) {
			throw new IllegalArgumentException("Nodes listen on loopback only; " + address
					+ " is not a loopback address (use 127.x.y.z or ::1)");
		}
		return (inet instanceof java.net.Inet6Address) ? "::1" : inet.getHostAddress();
	}

	private static void requireName(String what, String name) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("A node's " + what + " must not be empty; for example \""
					+ ("rack".equals(what) ? "rack1" : "dc1") + "\"");
		}
	}

	@Override
	public String toString() {
		return "LocalCluster[port=" + this.port + ", scheme=" + scheme() + ", nodes=" + this.nodes + "]";
	}

	/**
	 * Describes a cluster to start.
	 */
	public interface Builder {

		/**
		 * Adds one node.
		 * @param datacenter its datacenter, for example {@code dc1}
		 * @param rack its rack, for example {@code rack1}
		 * @return this builder
		 */
		Builder node(String datacenter, String rack);

		/**
		 * Adds several nodes to one rack.
		 * @param datacenter their datacenter
		 * @param rack their rack
		 * @param count how many, at least 1
		 * @return this builder
		 */
		Builder nodes(String datacenter, String rack, int count);

		/**
		 * Adds one node on the given loopback address, for example {@code ::1} for an IPv6 node.
		 * @param datacenter its datacenter, for example {@code dc1}
		 * @param rack its rack, for example {@code rack1}
		 * @param address a literal loopback address, such as {@code 127.0.0.9} or {@code ::1}
		 * @return this builder
		 */
		Builder node(String datacenter, String rack, String address);

		/**
		 * The port all nodes share; 0 (the default) picks one that is free on every node address.
		 * @param port 0, or 1 to 65535
		 * @return this builder
		 */
		Builder port(int port);

		/**
		 * Starts with {@code /localnodes} ignoring {@code dc} and {@code rack}, as ScyllaDB before 2025.1 does.
		 * @param ignoreFilters whether to ignore them
		 * @return this builder
		 */
		Builder legacyLocalNodes(boolean ignoreFilters);

		/**
		 * Makes every node require requests signed with SigV4 for these credentials and for the node they arrive
		 * at, as Alternator does with enforced authorization. Rejections are HTTP 400 with a DynamoDB-style JSON
		 * error: {@code MissingAuthenticationTokenException} without an Authorization header (as DynamoDB and
		 * Alternator answer), {@code UnrecognizedClientException} for another access key,
		 * {@code InvalidSignatureException} for a wrong signature or a request signed for another node's host.
		 * @param accessKeyId the access key id (Alternator: the role name)
		 * @param secretAccessKey the secret key (never logged)
		 * @return this builder
		 */
		Builder credentials(String accessKeyId, String secretAccessKey);

		/**
		 * Serves https with a self-signed certificate generated at start; {@link LocalCluster#tls()} gives the trust
		 * material.
		 * @param enabled whether to serve TLS
		 * @return this builder
		 */
		Builder tls(boolean enabled);

		/**
		 * Serves https (as {@link #tls(boolean)}) and requires mutual TLS: a client must present a certificate
		 * issued by one of these certificates (or one of them itself), or the handshake fails. For tests of client
		 * certificates.
		 * @param trusted the certificates that client certificates must chain to
		 * @return this builder
		 */
		Builder requireClientCertificate(java.security.cert.X509Certificate... trusted);

		/**
		 * How often the engine deletes items whose TTL has passed (default 2 seconds). Alternator scans far less
		 * often; a short period lets tests see expiry soon.
		 * @param period the scan period, positive
		 * @return this builder
		 */
		Builder ttlScanPeriod(java.time.Duration period);

		/**
		 * How long a stream keeps a change record (default 24 hours, as Alternator).
		 * @param retention the retention, positive
		 * @return this builder
		 */
		Builder streamRetention(java.time.Duration retention);

		/**
		 * Replaces the engine by one fixed answer: every node answers every DynamoDB request with HTTP 200 and this
		 * JSON body, whatever the request, and stores nothing. For benchmarks: such a cluster measures the nodes'
		 * HTTP path alone, the limit that the real engine is compared with. {@code /localnodes}, {@code GET /},
		 * faults and SigV4 checks work as usual.
		 * @param jsonBody the answer's body, e.g. a GetItem answer
		 * @return this builder
		 */
		Builder cannedAnswer(byte[] jsonBody);

		/**
		 * Keeps the data (tables with their indexes and tags, items) in a directory, so that it survives a
		 * restart of the cluster or of the process: a write acknowledged to a client is in the directory's
		 * write-ahead log, even if the process is then killed. Without it (the default) the data lives in memory
		 * only. One cluster at a time may use a directory.
		 * @param directory the directory, created when missing, or {@code null} for memory only
		 * @return this builder
		 */
		Builder dataDirectory(Path directory);

		/**
		 * Starts the engine and every node.
		 * @return the running cluster
		 * @throws LocalClusterException when an address or the port cannot be bound, with how to fix it
		 */
		LocalCluster start();

	}

	private static final class DefaultBuilder implements Builder {

		private final List<String[]> topology = new ArrayList<>();

		private int port;

		private boolean legacyLocalNodes;

		private String accessKeyId;

		private String secretAccessKey;

		private boolean tls;

		private java.util.List<java.security.cert.X509Certificate> clientTrust = java.util.List.of();

		private dev.alternator.local.engine.EngineOptions engineOptions = dev.alternator.local.engine.EngineOptions
			.defaults();

		private Path dataDirectory;

		private byte[] cannedAnswer;

		@Override
		public Builder node(String datacenter, String rack) {
			return nodes(datacenter, rack, 1);
		}

		@Override
		public Builder nodes(String datacenter, String rack, int count) {
			requireName("datacenter", datacenter);
			requireName("rack", rack);
			if (count < 1) {
				throw new IllegalArgumentException("Node count for " + datacenter + "/" + rack
						+ " must be at least 1, was " + count);
			}
			for (int i = 0; i < count; i++) {
				this.topology.add(new String[] { datacenter, rack, null });
			}
			return this;
		}

		@Override
		public Builder node(String datacenter, String rack, String address) {
			requireName("datacenter", datacenter);
			requireName("rack", rack);
			this.topology.add(new String[] { datacenter, rack, requireLoopbackLiteral(address) });
			return this;
		}

		@Override
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("Port must be 0 (any free port) or 1-65535, was " + port);
			}
			this.port = port;
			return this;
		}

		@Override
		public Builder legacyLocalNodes(boolean ignoreFilters) {
			this.legacyLocalNodes = ignoreFilters;
			return this;
		}

		@Override
		public Builder credentials(String accessKeyId, String secretAccessKey) {
			Objects.requireNonNull(accessKeyId, "accessKeyId must not be null");
			Objects.requireNonNull(secretAccessKey, "secretAccessKey must not be null");
			this.accessKeyId = accessKeyId;
			this.secretAccessKey = secretAccessKey;
			return this;
		}

		@Override
		public Builder tls(boolean enabled) {
			this.tls = enabled;
			return this;
		}

		@Override
		public Builder requireClientCertificate(java.security.cert.X509Certificate... trusted) {
			if (trusted.length == 0) {
				throw new IllegalArgumentException("requireClientCertificate needs at least one trusted certificate");
			}
			this.clientTrust = java.util.List.of(trusted);
			this.tls = true;
			return this;
		}

		@Override
		public Builder ttlScanPeriod(java.time.Duration period) {
			this.engineOptions = this.engineOptions.withTtlScanPeriod(period);
			return this;
		}

		@Override
		public Builder streamRetention(java.time.Duration retention) {
			this.engineOptions = this.engineOptions.withStreamRetention(retention);
			return this;
		}

		@Override
		public Builder dataDirectory(Path directory) {
			this.dataDirectory = directory;
			return this;
		}

		@Override
		public LocalCluster start() {
			if (this.topology.isEmpty()) {
				nodes("dc1", "rack1", 2).node("dc1", "rack2");
			}
			long started = System.nanoTime();
			LocalClusterTls tlsMaterial = this.tls ? LocalClusterTls.generate(this.clientTrust) : null;
			DynamoDbEngine engine = startEngine();
			try {
				LocalCluster cluster = startNodes(engine, tlsMaterial);
				logger.info("Local Alternator cluster started in {} ms: {} nodes on port {}, seeds {}",
						TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), this.topology.size(),
						cluster.port(), cluster.seeds());
				return cluster;
			}
			catch (RuntimeException ex) {
				engine.close();
				throw ex;
			}
		}

		@Override
		public Builder cannedAnswer(byte[] jsonBody) {
			if (jsonBody == null) {
				throw new IllegalArgumentException("cannedAnswer needs a JSON body, e.g. {}");
			}
			this.cannedAnswer = jsonBody.clone();
			return this;
		}

		private DynamoDbEngine startEngine() {
			if (this.cannedAnswer != null) {
				return new CannedEngine(this.cannedAnswer);
			}
			try {
				return InProcessEngine.start(this.engineOptions.withDataDirectory(this.dataDirectory));
			}
			catch (UncheckedIOException ex) {
				throw new LocalClusterException(ex.getMessage() + "; choose another directory or stop the cluster "
						+ "that uses it", ex);
			}
		}

		private LocalCluster startNodes(DynamoDbEngine engine, LocalClusterTls tlsMaterial) {
			LocalClusterException lastPortConflict = null;
			int attempts = (this.port != 0) ? 1 : PORT_ATTEMPTS;
			for (int attempt = 0; attempt < attempts; attempt++) {
				int candidate = (this.port != 0) ? this.port : freePort();
				LocalCluster cluster = new LocalCluster(this, engine, tlsMaterial, candidate);
				try {
					for (String[] place : this.topology) {
						cluster.addNode(place[0], place[1], place[2]);
					}
					return cluster;
				}
				catch (LocalClusterException ex) {
					cluster.closeNodesOnly();
					boolean portTaken = ex.getMessage().contains("already in use");
					if (!portTaken || this.port != 0) {
						throw ex;
					}
					lastPortConflict = ex;
				}
			}
			throw lastPortConflict;
		}

		private static int freePort() {
			try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
				return socket.getLocalPort();
			}
			catch (IOException ex) {
				throw new LocalClusterException("Could not find a free port on 127.0.0.1", ex);
			}
		}

	}

	private void closeNodesOnly() {
		this.closed = true;
		for (LocalNode node : this.nodes) {
			node.close();
		}
		this.connectionExecutor.shutdownNow();
	}

	/**
	 * Daemon threads with readable names, so that a thread dump tells who owns them.
	 */
	static final class NamedDaemonThreads implements ThreadFactory {

		private final String prefix;

		private final AtomicInteger counter = new AtomicInteger();

		NamedDaemonThreads(String prefix) {
			this.prefix = prefix;
		}

		@Override
		public Thread newThread(Runnable runnable) {
			Thread thread = new Thread(runnable, this.prefix + this.counter.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

}
