package dev.alternator.benchmarks.simulation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.alternator.client.AlternatorLoadBalancer;
import dev.alternator.local.LocalCluster;
import dev.alternator.local.LocalNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

/**
 * One run of the randomised fault simulation: a layout and a schedule drawn from one seed, a real load-balanced
 * {@link DynamoDbClient} over a {@link LocalCluster}, and 8 threads sending {@code GetItem} and {@code PutItem} calls
 * while the schedule kills, hangs, restarts, unlists and breaks nodes.
 * <p>
 * <b>The invariant</b>, checked for every call once the run ends:
 * <ol>
 * <li>A call that failed is a violation when some node answered the DynamoDB API, according to the
 * {@link AnsweringModel} the schedule itself kept, without a break from {@link #GRACE} before the call started until
 * the call ended. With the default fallback every node of the cluster is in the configured chain (the scope, then
 * the datacenter, then the cluster), so any answering node counts. A call that started while the last answering
 * node was being taken down, or that overlapped a moment with no answering node, is excused; so is a call that
 * started within {@link #GRACE} of its only answering node coming back: the grace is the client's configured
 * refresh interval plus probe interval plus discovery timeout, rounded up, the time the contract gives it to learn
 * a change. Nodes that are unlisted but answering count: the client learnt every node of its reach when the run
 * started. Its reach is every node of {@code dc1} (the first seed's datacenter) and, when every node is a seed, the
 * nodes of {@code dc2} too: {@code /localnodes} lists only the contacted node's datacenter, so a {@code dc2} node
 * that is not a seed cannot be known and does not count (see {@link SimulationLayout#reachableByClient}).</li>
 * <li>A call, failed or not, that took longer than the SDK's {@link #API_CALL_TIMEOUT} plus {@link #LATENCY_SLACK}
 * (for scheduling on a loaded machine) is a violation: no call waits longer than the configured timeouts allow.</li>
 * </ol>
 * The seed drives the layout, the load balancer's seeds and scope, and every action of the schedule; the
 * interleaving of calls with actions is real time and varies between replays.
 */
public final class SimulationRun {

	/** Client threads sending calls. */
	public static final int THREADS = 8;

	/** The SDK's whole-call timeout. */
	public static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(5);

	/** Extra time a call may take over {@link #API_CALL_TIMEOUT} before it counts as a violation. */
	public static final Duration LATENCY_SLACK = Duration.ofSeconds(1);

	/** How long before a call its answering node must already have answered for a failure to count. */
	public static final Duration GRACE = Duration.ofMillis(1_000);

	static final Duration ACTIVE_REFRESH = Duration.ofMillis(200);

	static final Duration PROBE_INTERVAL = Duration.ofMillis(100);

	static final Duration DISCOVERY_TIMEOUT = Duration.ofMillis(500);

	static final Duration READ_TIMEOUT = Duration.ofSeconds(1);

	/** Calls made before the schedule starts, not judged. */
	static final Duration WARM_UP = Duration.ofMillis(1_000);

	/** After the schedule, every node is healed and calls go on this long: they must all succeed. */
	static final Duration SETTLE = Duration.ofMillis(1_500);

	private static final String TABLE = "simulation";

	private static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider
		.create(AwsBasicCredentials.create("alternator", "simulation-secret"));

	private static final int MAX_REPORTED = 5;

	private static final Logger logger = LoggerFactory.getLogger(SimulationRun.class);

	private SimulationRun() {
	}

	/**
	 * Runs one seed.
	 * @param seed the seed
	 * @param durationMillis how long the schedule runs
	 * @return what the run found
	 * @throws InterruptedException when interrupted
	 */
	public static SimulationResult run(long seed, long durationMillis) throws InterruptedException {
		Random random = new Random(seed);
		SimulationLayout layout = SimulationLayout.draw(random);
		try (LocalCluster cluster = layout.startCluster()) {
			List<LocalNode> nodes = cluster.nodes();
			FaultSchedule schedule = FaultSchedule.draw(random, nodes.size(), durationMillis);
			createTable(cluster);
			AlternatorLoadBalancer.Builder builder = AlternatorLoadBalancer.builder()
				.activeRefreshInterval(ACTIVE_REFRESH)
				.idleRefreshInterval(Duration.ofSeconds(5))
				.probeInterval(PROBE_INTERVAL)
				.discoveryTimeout(DISCOVERY_TIMEOUT)
				.connectTimeout(DISCOVERY_TIMEOUT)
				.readTimeout(READ_TIMEOUT);
			try (AlternatorLoadBalancer loadBalancer = layout.configure(builder, cluster).build();
					DynamoDbClient client = loadBalancer.configure(DynamoDbClient.builder())
						.credentialsProvider(CREDENTIALS)
						.overrideConfiguration((config) -> config.apiCallTimeout(API_CALL_TIMEOUT))
						.build()) {
				// Every node answers now: the client learns them, and the JIT and the engine warm up, before the
				// first action; otherwise the first run of a JVM judges a cold machine.
				warmUp(client);
				return drive(seed, layout, nodes, schedule, client);
			}
		}
	}

	private static SimulationResult drive(long seed, SimulationLayout layout, List<LocalNode> nodes,
			FaultSchedule schedule, DynamoDbClient client) throws InterruptedException {
		Queue<CallRecord> calls = new ConcurrentLinkedQueue<>();
		AtomicBoolean running = new AtomicBoolean(true);
		ExecutorService threads = Executors.newFixedThreadPool(THREADS);
		long start = System.nanoTime();
		AnsweringModel model = new AnsweringModel(nodes.size(), start);
		List<Future<?>> workers = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			int thread = t;
			workers.add(threads.submit(() -> sendCalls(client, thread, running, calls)));
		}
		try {
			for (FaultSchedule.Step step : schedule.steps()) {
				long due = start + TimeUnit.MILLISECONDS.toNanos(step.atMillis());
				long wait = due - System.nanoTime();
				if (wait > 0) {
					TimeUnit.NANOSECONDS.sleep(wait);
				}
				if (step.action().takesApiDown()) {
					model.down(step.node(), System.nanoTime());
				}
				// The event log of a replay (-Dorg.slf4j.simpleLogger.log.dev.alternator=debug): each action at its
				// moment, between the client's own state changes.
				logger.debug("simulation step {} ({})", step, nodes.get(step.node()).endpoint());
				step.action().apply(nodes.get(step.node()), step.variant());
				if (step.action().bringsApiBack()) {
					model.up(step.node(), System.nanoTime());
				}
			}
			for (int i = 0; i < nodes.size(); i++) {
				FaultAction.heal(nodes.get(i));
				model.up(i, System.nanoTime());
			}
			Thread.sleep(SETTLE.toMillis());
		}
		finally {
			running.set(false);
			for (Future<?> worker : workers) {
				try {
					worker.get(API_CALL_TIMEOUT.toSeconds() * 3, TimeUnit.SECONDS);
				}
				catch (ExecutionException | TimeoutException ex) {
					calls.add(new CallRecord(start, System.nanoTime(), "worker did not end: " + ex));
				}
			}
			threads.shutdownNow();
		}
		boolean[] reachable = new boolean[nodes.size()];
		for (int i = 0; i < reachable.length; i++) {
			reachable[i] = layout.reachableByClient(nodes.get(i));
		}
		return judge(seed, layout, schedule, model, reachable, calls, start);
	}

	private static void warmUp(DynamoDbClient client) throws InterruptedException {
		long end = System.nanoTime() + WARM_UP.toNanos();
		Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS("warm-up"));
		while (System.nanoTime() - end < 0) {
			try {
				client.putItem((put) -> put.tableName(TABLE).item(key));
				client.getItem((get) -> get.tableName(TABLE).key(key));
			}
			catch (RuntimeException ex) {
				// not judged: the run has not started
				Thread.sleep(10);
			}
		}
	}

	private static void sendCalls(DynamoDbClient client, int thread, AtomicBoolean running,
			Queue<CallRecord> calls) {
		int i = 0;
		while (running.get()) {
			Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS("t" + thread + "-" + (i % 16)));
			boolean write = (i++ % 4) == 0;
			long begin = System.nanoTime();
			String error = null;
			try {
				if (write) {
					client.putItem((put) -> put.tableName(TABLE).item(key));
				}
				else {
					client.getItem((get) -> get.tableName(TABLE).key(key));
				}
			}
			catch (RuntimeException ex) {
				error = ex.toString();
			}
			calls.add(new CallRecord(begin, System.nanoTime(), error));
		}
	}

	private static SimulationResult judge(long seed, SimulationLayout layout, FaultSchedule schedule,
			AnsweringModel model, boolean[] reachable, Queue<CallRecord> calls, long start) {
		long graceNanos = GRACE.toNanos();
		long latencyBound = API_CALL_TIMEOUT.plus(LATENCY_SLACK).toNanos();
		long failed = 0;
		long worst = 0;
		int violationCount = 0;
		List<String> violations = new ArrayList<>();
		// In start order, so that the report shows the first violations.
		List<CallRecord> ordered = new ArrayList<>(calls);
		ordered.sort(Comparator.comparingLong((call) -> call.startNanos() - start));
		for (CallRecord call : ordered) {
			long took = call.endNanos() - call.startNanos();
			worst = Math.max(worst, took);
			String violation = null;
			if (took > latencyBound) {
				violation = "took " + TimeUnit.NANOSECONDS.toMillis(took) + " ms";
			}
			if (call.error() != null) {
				failed++;
				int answering = model.answeringThroughout(call.startNanos() - graceNanos, call.endNanos(),
						reachable);
				if (answering >= 0) {
					violation = "failed while node" + answering + " answered: " + call.error();
				}
			}
			if (violation != null) {
				violationCount++;
				if (violations.size() < MAX_REPORTED) {
					violations.add("call at " + TimeUnit.NANOSECONDS.toMillis(call.startNanos() - start) + "-"
							+ TimeUnit.NANOSECONDS.toMillis(call.endNanos() - start) + " ms " + violation);
				}
			}
		}
		if (violationCount > violations.size()) {
			violations.add("... " + (violationCount - violations.size()) + " more");
		}
		return new SimulationResult(seed, layout, schedule.steps().size(), calls.size(), failed,
				TimeUnit.NANOSECONDS.toMillis(worst), violationCount, violations, schedule.steps());
	}

	private static void createTable(LocalCluster cluster) {
		try (DynamoDbClient direct = DynamoDbClient.builder()
			.endpointOverride(cluster.node(0).endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(CREDENTIALS)
			.httpClient(ApacheHttpClient.create())
			.build()) {
			direct.createTable((request) -> request.tableName(TABLE)
				.keySchema((key) -> key.attributeName("id").keyType("HASH"))
				.attributeDefinitions((attribute) -> attribute.attributeName("id").attributeType("S"))
				.billingMode("PAY_PER_REQUEST"));
		}
		catch (ResourceInUseException ex) {
			// a replay on a reused engine
		}
	}

	/**
	 * One call: when it started and ended, and its error, {@code null} when it succeeded.
	 */
	private record CallRecord(long startNanos, long endNanos, String error) {
	}

}
