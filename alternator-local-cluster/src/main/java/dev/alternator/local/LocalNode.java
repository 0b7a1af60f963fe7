package dev.alternator.local;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node of a {@link LocalCluster}: its own loopback address on the cluster's port, serving the DynamoDB API
 * ({@code POST /}), the health check ({@code GET /}) and discovery ({@code GET /localnodes}). Tests and
 * benchmarks use it to stop, kill, hang and restart the node, and to inject latency and errors. Every method is
 * thread-safe.
 */
public final class LocalNode {

	/** How long a node with {@link LocalNodesFault#SLOW} waits before answering {@code /localnodes}. */
	public static final Duration SLOW_LOCAL_NODES_DELAY = Duration.ofSeconds(10);

	/** How often a node with {@link LocalNodesFault#TRICKLE} sends the next byte of its endless answer. */
	public static final Duration TRICKLE_INTERVAL = Duration.ofMillis(100);

	/**
	 * The addresses {@link LocalNodesFault#UNREACHABLE_ADDRESSES} lists: loopback addresses where no node listens,
	 * so that connecting to them is refused at once and never leaves the machine.
	 */
	public static final List<String> UNREACHABLE_ADDRESSES = List.of("127.255.255.1", "127.255.255.2",
			"127.255.255.3");

	/** How long a held request waits between checks of whether the fault holding it was cleared. */
	private static final long HOLD_CHECK_MILLIS = 50;

	/** The length a trickling answer declares: far more than it ever sends. */
	private static final long TRICKLE_DECLARED_LENGTH = 1L << 30;

	private static final Logger logger = LoggerFactory.getLogger(LocalNode.class);

	private final LocalCluster cluster;

	private final String address;

	private final String datacenter;

	private final String rack;

	private final URI endpoint;

	private final String hostHeader;

	private final NodeServer server;

	private final Object stateLock = new Object();

	private volatile NodeState state = NodeState.STOPPED;

	private volatile long joiningUntilNanos;

	private volatile boolean hidden;

	private volatile long latencyNanos;

	private volatile long healthCheckLatencyNanos;

	private volatile int failureStatus;

	private volatile double failureRate;

	private volatile Semaphore concurrencyLimit;

	private volatile LocalNodesFault localNodesFault = LocalNodesFault.NONE;

	private volatile URI localNodesRedirect;

	private volatile boolean apiHung;

	private final LongAdder requests = new LongAdder();

	/** The open recordings; empty nearly always, so that a node that records nothing pays nothing. */
	private final List<RequestRecording> recordings = new java.util.concurrent.CopyOnWriteArrayList<>();

	private final LongAdder localNodesRequests = new LongAdder();

	private final LongAdder healthChecks = new LongAdder();

	LocalNode(LocalCluster cluster, String address, String datacenter, String rack, NodeServerFactory serverFactory) {
		this.cluster = cluster;
		this.address = address;
		this.datacenter = datacenter;
		this.rack = rack;
		// An IPv6 literal needs brackets in a URL and in the Host header, never in /localnodes.
		String host = address.contains(":") ? "[" + address + "]" : address;
		this.endpoint = URI.create(cluster.scheme() + "://" + host + ":" + cluster.port());
		this.hostHeader = host + ":" + cluster.port();
		this.server = serverFactory.create(address, new NodeServer.RequestHandler() {

			@Override
			public HttpResponse handle(HttpRequest request) throws InterruptedException {
				return LocalNode.this.handle(request);
			}

			@Override
			public void answered(HttpRequest request, HttpResponse response, long requestBytes, long responseBytes) {
				record(request, response, requestBytes, responseBytes);
			}

		});
	}

	/**
	 * Creates the sockets of a node.
	 */
	interface NodeServerFactory {

		NodeServer create(String address, NodeServer.RequestHandler handler);

	}

	/**
	 * The node's loopback address, as {@code /localnodes} lists it: for example {@code 127.0.0.2}, or {@code ::1}
	 * without brackets, as ScyllaDB lists IPv6 addresses.
	 * @return the address
	 */
	public String address() {
		return this.address;
	}

	/**
	 * The URL a client sends requests to, for example {@code http://127.0.0.2:41234} or {@code http://[::1]:41234}.
	 * @return the endpoint
	 */
	public URI endpoint() {
		return this.endpoint;
	}

	/**
	 * The datacenter this node belongs to.
	 * @return the datacenter name
	 */
	public String datacenter() {
		return this.datacenter;
	}

	/**
	 * The rack this node belongs to, within its datacenter.
	 * @return the rack name
	 */
	public String rack() {
		return this.rack;
	}

	/**
	 * The node's current state.
	 * @return the state
	 */
	public NodeState state() {
		NodeState current = this.state;
		if (current == NodeState.JOINING && System.nanoTime() - this.joiningUntilNanos >= 0) {
			synchronized (this.stateLock) {
				if (this.state == NodeState.JOINING) {
					this.state = NodeState.RUNNING;
				}
				return this.state;
			}
		}
		return current;
	}

	void start() {
		synchronized (this.stateLock) {
			this.server.start();
			this.state = NodeState.RUNNING;
		}
	}

	/**
	 * Stops listening and closes open connections: clients get "connection refused" until {@link #restart()}.
	 */
	public void stop() {
		synchronized (this.stateLock) {
			this.state = NodeState.STOPPED;
			this.stateLock.notifyAll();
			this.server.stop(false);
		}
		logger.info("Local node {} stopped", this.address);
	}

	/**
	 * Resets every open connection (TCP RST) and stops listening, as a crashed node would.
	 */
	public void kill() {
		synchronized (this.stateLock) {
			this.state = NodeState.KILLED;
			this.stateLock.notifyAll();
			this.server.stop(true);
		}
		logger.info("Local node {} killed", this.address);
	}

	/**
	 * Keeps accepting connections and reading requests but never answers them, until {@link #restart()}.
	 */
	public void hang() {
		synchronized (this.stateLock) {
			this.server.start();
			this.state = NodeState.HUNG;
		}
		logger.info("Local node {} hung", this.address);
	}

	/**
	 * Serves requests again after {@link #stop()}, {@link #kill()} or {@link #hang()}. Requests held by a hang are
	 * dropped (their connections closed), as a restarted process would.
	 */
	public void restart() {
		synchronized (this.stateLock) {
			if (this.state == NodeState.HUNG) {
				this.server.stop(true);
			}
			this.server.start();
			this.apiHung = false;
			this.state = NodeState.RUNNING;
			this.stateLock.notifyAll();
		}
		logger.info("Local node {} restarted", this.address);
	}

	/**
	 * Keeps answering the health check ({@code GET /}) and {@code /localnodes} but holds every DynamoDB API request
	 * ({@code POST /}) without answering, until {@link #restart()} or {@link #clearFaults()}: a node whose storage
	 * is stuck while its HTTP front end is alive. Held requests then get no answer (their connections close).
	 */
	public void hangApiRequests() {
		this.apiHung = true;
		logger.info("Local node {} hangs API requests", this.address);
	}

	/**
	 * Whether {@link #hangApiRequests()} is in force.
	 * @return {@code true} while API requests are held
	 */
	public boolean isHangingApiRequests() {
		return this.apiHung;
	}

	/**
	 * Makes the node look like one that is joining the cluster: {@code /localnodes} lists it, but it answers 503 to
	 * API requests and to the health check for the given time.
	 * @param duration how long the node keeps joining
	 */
	public void joining(Duration duration) {
		synchronized (this.stateLock) {
			this.server.start();
			this.joiningUntilNanos = System.nanoTime() + duration.toNanos();
			this.state = NodeState.JOINING;
			this.stateLock.notifyAll();
		}
	}

	/**
	 * Leaves the node out of every {@code /localnodes} answer while it keeps serving, or lists it again.
	 * @param hidden whether to leave the node out
	 */
	public void hiddenFromLocalNodes(boolean hidden) {
		this.hidden = hidden;
	}

	boolean isHiddenFromLocalNodes() {
		return this.hidden;
	}

	/**
	 * Adds a delay to every API request this node answers.
	 * @param latency the delay, {@link Duration#ZERO} for none
	 */
	public void latency(Duration latency) {
		this.latencyNanos = latency.toNanos();
	}

	/**
	 * Adds a delay to every health check ({@code GET /}) this node answers, API requests keeping their pace: a
	 * client's probe of the node then takes that long, which makes the time between a node coming back and a client
	 * knowing it wide enough for a test to see.
	 * @param latency the delay, {@link Duration#ZERO} for none
	 */
	public void healthCheckLatency(Duration latency) {
		this.healthCheckLatencyNanos = latency.toNanos();
	}

	/**
	 * Answers API requests with the given HTTP status, in the DynamoDB error format, instead of executing them, at the
	 * given rate.
	 * @param httpStatus the status to answer, for example 500 or 503
	 * @param rate the fraction of requests that fail, from 0 (none) to 1 (all)
	 */
	public void failures(int httpStatus, double rate) {
		if (rate < 0 || rate > 1) {
			throw new IllegalArgumentException("Failure rate must be between 0 and 1, was " + rate);
		}
		if (httpStatus < 400 || httpStatus > 599) {
			throw new IllegalArgumentException("Failure status must be an HTTP error (400-599), was " + httpStatus);
		}
		this.failureStatus = httpStatus;
		this.failureRate = rate;
	}

	/**
	 * Limits how many API requests this node executes at once; the others wait. Gives the node a fixed capacity, for
	 * scale-out measurements.
	 * @param maxConcurrentRequests the limit, 0 for none
	 */
	public void concurrencyLimit(int maxConcurrentRequests) {
		if (maxConcurrentRequests < 0) {
			throw new IllegalArgumentException("Concurrency limit must be 0 (none) or positive, was "
					+ maxConcurrentRequests);
		}
		this.concurrencyLimit = (maxConcurrentRequests == 0) ? null : new Semaphore(maxConcurrentRequests, true);
	}

	/**
	 * Makes {@code GET /localnodes} on this node answer wrongly, or correctly again with {@link LocalNodesFault#NONE}.
	 * @param fault the kind of wrong answer
	 */
	public void localNodesFault(LocalNodesFault fault) {
		synchronized (this.stateLock) {
			this.localNodesFault = Objects.requireNonNull(fault, "fault must not be null");
			if (fault != LocalNodesFault.REDIRECT) {
				this.localNodesRedirect = null;
			}
			// Wakes stalled and trickling answers so that they end when their fault does.
			this.stateLock.notifyAll();
		}
	}

	/**
	 * Makes {@code GET /localnodes} on this node answer {@code 307 Temporary Redirect} to the given location, as a
	 * misconfigured proxy might: a client must not follow it. Same as {@link LocalNodesFault#REDIRECT} with a
	 * location of the caller's choice, for example another node whose answer a test can recognise.
	 * @param location where the redirect points
	 */
	public void redirectLocalNodes(URI location) {
		synchronized (this.stateLock) {
			this.localNodesRedirect = Objects.requireNonNull(location, "location must not be null");
			this.localNodesFault = LocalNodesFault.REDIRECT;
			this.stateLock.notifyAll();
		}
	}

	/**
	 * The current {@code /localnodes} fault.
	 * @return the fault, {@link LocalNodesFault#NONE} when it answers correctly
	 */
	public LocalNodesFault localNodesFault() {
		return this.localNodesFault;
	}

	/**
	 * Removes injected latency (of API requests and health checks), failures, concurrency limit, held API requests ({@link #hangApiRequests()}) and
	 * discovery faults. Requests held by a fault are released without an answer (their connections close).
	 */
	public void clearFaults() {
		synchronized (this.stateLock) {
			this.latencyNanos = 0;
			this.healthCheckLatencyNanos = 0;
			this.failureRate = 0;
			this.concurrencyLimit = null;
			this.apiHung = false;
			this.localNodesFault = LocalNodesFault.NONE;
			this.localNodesRedirect = null;
			this.stateLock.notifyAll();
		}
	}

	/**
	 * DynamoDB API requests ({@code POST /}) this node received since start or the last reset.
	 * @return the count
	 */
	public long requestCount() {
		return this.requests.sum();
	}

	/**
	 * {@code GET /localnodes} requests this node received since start or the last reset.
	 * @return the count
	 */
	public long localNodesRequestCount() {
		return this.localNodesRequests.sum();
	}

	/**
	 * Health checks ({@code GET /}) this node received since start or the last reset.
	 * @return the count
	 */
	public long healthCheckCount() {
		return this.healthChecks.sum();
	}

	/**
	 * Sets every counter of this node back to zero.
	 */
	public void resetCounters() {
		this.requests.reset();
		this.localNodesRequests.reset();
		this.healthChecks.reset();
	}

	/**
	 * Starts recording every request this node answers, with its answer and their bytes on the wire, until the
	 * recording is closed: for tests that check what a client actually sent.
	 * @return the open recording
	 */
	public RequestRecording recordRequests() {
		RequestRecording recording = new RequestRecording();
		recordInto(recording);
		return recording;
	}

	void recordInto(RequestRecording recording) {
		this.recordings.add(recording);
		recording.onClose(this.recordings::remove);
	}

	private void record(HttpRequest request, HttpResponse response, long requestBytes, long responseBytes) {
		if (!this.recordings.isEmpty()) {
			RecordedRequest recorded = new RecordedRequest(this.address, request, response, requestBytes,
					responseBytes);
			this.recordings.forEach((recording) -> recording.add(recorded));
		}
	}

	void close() {
		synchronized (this.stateLock) {
			this.state = NodeState.STOPPED;
			this.stateLock.notifyAll();
			this.server.stop(true);
		}
	}

	private HttpResponse handle(HttpRequest request) throws InterruptedException {
		HttpResponse response = route(request);
		return (response != null) ? Cors.apply(request, response) : null;
	}

	private HttpResponse route(HttpRequest request) throws InterruptedException {
		if (!awaitAnswerable()) {
			return null;
		}
		String path = request.path();
		if ("OPTIONS".equals(request.method())) {
			// A browser's CORS pre-flight: answered on any path, with no body.
			return new HttpResponse(200, new java.util.ArrayList<>(0), new byte[0]);
		}
		if ("POST".equals(request.method()) && "/".equals(path)) {
			this.requests.increment();
			return HttpCompression.encode(handleApiRequest(request), request.header("accept-encoding"));
		}
		if ("GET".equals(request.method()) && "/".equals(path)) {
			this.healthChecks.increment();
			long healthLatency = this.healthCheckLatencyNanos;
			if (healthLatency > 0) {
				TimeUnit.NANOSECONDS.sleep(healthLatency);
			}
			if (state() == NodeState.JOINING) {
				return HttpResponse.text(503, "text/plain", "joining: " + this.address);
			}
			// As Alternator: the Host header the client sent, which names the node as the client reached it.
			String host = request.header("host");
			return HttpResponse.text(200, "text/plain", "healthy: " + ((host != null) ? host : this.hostHeader));
		}
		if ("GET".equals(request.method()) && "/localnodes".equals(path)) {
			this.localNodesRequests.increment();
			return handleLocalNodes(request);
		}
		return HttpResponse.text(404, "text/plain", "Not found: " + request.method() + " " + path);
	}

	/**
	 * Holds the request while the node hangs; returns {@code false} when it must not be answered at all.
	 */
	private boolean awaitAnswerable() throws InterruptedException {
		if (this.state != NodeState.HUNG) {
			return this.state != NodeState.STOPPED && this.state != NodeState.KILLED;
		}
		synchronized (this.stateLock) {
			while (this.state == NodeState.HUNG) {
				this.stateLock.wait();
			}
		}
		// The request arrived while hung: a restarted node would not answer it either.
		return false;
	}

	private HttpResponse handleApiRequest(HttpRequest request) throws InterruptedException {
		if (this.apiHung) {
			holdWhile(() -> this.apiHung);
			// Held past the fault: answer nothing, as a node whose storage was stuck and restarted.
			return null;
		}
		if (state() == NodeState.JOINING) {
			return HttpResponse.dynamoDbError(503, "ServiceUnavailable", "Node " + this.address + " is joining");
		}
		SigV4Verifier verifier = this.cluster.sigV4Verifier();
		if (verifier != null) {
			HttpResponse rejection = verifier.verify(request, this.hostHeader);
			if (rejection != null) {
				return rejection;
			}
		}
		double rate = this.failureRate;
		if (rate > 0 && ThreadLocalRandom.current().nextDouble() < rate) {
			int status = this.failureStatus;
			return HttpResponse.dynamoDbError(status, (status == 503) ? "ServiceUnavailable" : "InternalServerError",
					"Injected failure on node " + this.address);
		}
		// Latency counts as work inside the concurrency limit: a node's capacity is then limit / latency.
		Semaphore limit = this.concurrencyLimit;
		if (limit != null) {
			limit.acquire();
		}
		try {
			long latency = this.latencyNanos;
			if (latency > 0) {
				TimeUnit.NANOSECONDS.sleep(latency);
			}
			return this.cluster.engine().execute(HttpCompression.decode(request));
		}
		catch (HttpCompression.UndecodableBodyException ex) {
			// Alternator and DynamoDB answer an undecodable body with 500, not 400.
			return HttpResponse.dynamoDbError(500, "InternalServerError", ex.getMessage());
		}
		catch (HttpCompression.DecodedBodyTooLargeException ex) {
			return HttpResponse.payloadTooLarge();
		}
		finally {
			if (limit != null) {
				limit.release();
			}
		}
	}

	private HttpResponse handleLocalNodes(HttpRequest request) throws InterruptedException {
		switch (this.localNodesFault) {
			case INVALID_JSON:
				return HttpResponse.text(200, "application/json", "[\"127.0.0.1\", ");
			case HTML:
				return HttpResponse.text(200, "text/html",
						"<html><body><h1>502 Bad Gateway</h1></body></html>");
			case NOT_ARRAY:
				return HttpResponse.text(200, "application/json", "{\"nodes\":[\"" + this.address + "\"]}");
			case EMPTY_ARRAY:
				return HttpResponse.text(200, "application/json", "[]");
			case NON_ADDRESS_ENTRIES:
				return HttpResponse.text(200, "application/json", "[42, null, \"not an address!\", {\"a\":1}]");
			case SERVER_ERROR:
				return HttpResponse.text(500, "text/plain", "Internal server error");
			case SLOW:
				TimeUnit.MILLISECONDS.sleep(SLOW_LOCAL_NODES_DELAY.toMillis());
				break;
			case STALL:
				holdWhile(() -> this.localNodesFault == LocalNodesFault.STALL);
				return null;
			case TRICKLE:
				return HttpResponse.streaming(200, "application/json", TRICKLE_DECLARED_LENGTH, this::trickle);
			case REDIRECT:
				URI location = this.localNodesRedirect;
				String target = (location != null) ? location.toString()
						: this.cluster.scheme() + "://" + UNREACHABLE_ADDRESSES.get(0) + ":" + this.cluster.port()
								+ "/localnodes";
				return HttpResponse.redirect(307, target);
			case UNREACHABLE_ADDRESSES:
				return HttpResponse.text(200, "application/json", jsonArray(UNREACHABLE_ADDRESSES));
			default:
				break;
		}
		Map<String, String> parameters = request.queryParameters();
		StringBuilder json = new StringBuilder("[");
		for (LocalNode node : this.cluster.localNodes(this, parameters.get("dc"), parameters.get("rack"))) {
			if (json.length() > 1) {
				json.append(',');
			}
			json.append('"').append(node.address()).append('"');
		}
		return HttpResponse.text(200, "application/json", json.append(']').toString());
	}

	/**
	 * Blocks the calling connection thread while {@code condition} holds and the node is not stopped or killed.
	 */
	private void holdWhile(BooleanSupplier condition) throws InterruptedException {
		synchronized (this.stateLock) {
			while (condition.getAsBoolean() && this.state != NodeState.STOPPED && this.state != NodeState.KILLED) {
				this.stateLock.wait(HOLD_CHECK_MILLIS);
			}
		}
	}

	/**
	 * Writes the start of a JSON array, then one space per {@link #TRICKLE_INTERVAL} for as long as the fault
	 * lasts; then fails, so that the connection closes with the declared length never reached.
	 */
	private void trickle(OutputStream out) throws IOException {
		out.write('[');
		out.flush();
		try {
			while (this.localNodesFault == LocalNodesFault.TRICKLE && this.state != NodeState.STOPPED
					&& this.state != NodeState.KILLED) {
				TimeUnit.MILLISECONDS.sleep(TRICKLE_INTERVAL.toMillis());
				out.write(' ');
				out.flush();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		throw new IOException("Trickling answer ended");
	}

	private static String jsonArray(List<String> addresses) {
		StringBuilder json = new StringBuilder("[");
		for (String address : addresses) {
			if (json.length() > 1) {
				json.append(',');
			}
			json.append('"').append(address).append('"');
		}
		return json.append(']').toString();
	}

	@Override
	public String toString() {
		return "LocalNode[" + this.address + " " + this.datacenter + "/" + this.rack + " " + state() + "]";
	}

}
