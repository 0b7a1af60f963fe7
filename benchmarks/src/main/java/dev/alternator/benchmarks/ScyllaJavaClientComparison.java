package dev.alternator.benchmarks;

import java.lang.reflect.Method;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.alternator.client.AlternatorLoadBalancer;
import dev.alternator.local.LocalCluster;
import dev.alternator.local.LocalNode;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Compares ScyllaDB's own Java load balancer ({@code com.scylladb.alternator:load-balancing}) with ours on a 3-node
 * local cluster that enforces SigV4: spread of 3,000 GetItem calls, routing of retries away from a node that answers
 * 503, calls lost right after a node is killed, and whether a rack scope can be checked.
 * <p>
 * ScyllaDB's library is looked up by reflection, so that this module builds without it: it is not in the Maven
 * repository this project resolves from. To include it, append its jar to the class path given in
 * {@code -Dbenchmark.args} ({@code -cp %classpath:/path/to/load-balancing.jar}); without it the scenario measures
 * our client only and says so. Each phase is cut after 20 s (the table then shows fewer calls made).
 */
public final class ScyllaJavaClientComparison {

	private static final String SCYLLA_BUILDER = "com.scylladb.alternator.AlternatorDynamoDbClient";

	private static final String TABLE = "compare";

	private static final int SPREAD_CALLS = 3_000;

	private static final int RETRY_CALLS = 300;

	private static final int DEAD_NODE_CALLS = 1_000;

	private static final long PHASE_LIMIT_NANOS = 20_000_000_000L;

	private ScyllaJavaClientComparison() {
	}

	/**
	 * Runs the comparison and prints one table per client.
	 * @param args none
	 * @throws Exception when the scenario cannot run
	 */
	public static void main(String[] args) throws Exception {
		System.out.printf("run conditions: %s%n", RunConditions.describe());
		measure("ours (dev.alternator AlternatorLoadBalancer)", Contender.OURS);
		if (scyllaAvailable()) {
			measure("ScyllaDB load-balancing", Contender.SCYLLA);
		}
		else {
			System.out.printf("ScyllaDB load-balancing: %s is not on the class path, not measured%n", SCYLLA_BUILDER);
		}
	}

	private static boolean scyllaAvailable() {
		try {
			Class.forName(SCYLLA_BUILDER);
			return true;
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

	private static void measure(String name, Contender contender) throws Exception {
		Map<String, String> rows = new LinkedHashMap<>();
		try (LocalCluster cluster = LocalCluster.builder()
			.nodes("dc1", "rack1", 3)
			.credentials("alternator", "secret")
			.start()) {
			AttemptLog attempts = new AttemptLog();
			try (Contender.Handle handle = contender.open(cluster, attempts)) {
				DynamoDbClient client = handle.client();
				Clients.createTable(client, TABLE);
				rows.put("1. spread, " + SPREAD_CALLS + " GetItem: requests per node", spread(cluster, client));
				rows.putAll(retryRouting(cluster, client, attempts));
				rows.putAll(deadNode(cluster, client, attempts));
			}
			rows.put("4. rack scope check", contender.scopeCheck(cluster));
		}
		System.out.printf("%n| %s | |%n|---|---|%n", name);
		rows.forEach((key, value) -> System.out.printf("| %s | %s |%n", key, value));
	}

	private static String spread(LocalCluster cluster, DynamoDbClient client) {
		cluster.resetCounters();
		Outcome outcome = run(client, SPREAD_CALLS, null);
		List<Long> counts = new ArrayList<>();
		for (LocalNode node : cluster.nodes()) {
			counts.add(node.requestCount());
		}
		return counts + "; " + outcome;
	}

	private static Map<String, String> retryRouting(LocalCluster cluster, DynamoDbClient client, AttemptLog attempts) {
		LocalNode failing = cluster.node(0);
		failing.failures(503, 1.0);
		cluster.resetCounters();
		attempts.reset();
		Outcome outcome = run(client, RETRY_CALLS, attempts);
		List<Long> counts = new ArrayList<>();
		for (LocalNode node : cluster.nodes()) {
			counts.add(node.requestCount());
		}
		failing.clearFaults();
		Map<String, String> rows = new LinkedHashMap<>();
		rows.put("2. one node 503, " + RETRY_CALLS + " calls", outcome.toString());
		rows.put("2. requests per node (node 1 answers 503)", counts.toString());
		rows.put("2. calls whose retry after a 503 went to another node",
				attempts.callsRetriedElsewhereAfter(failing.address()) + " of " + attempts.callsThatHit(failing.address())
						+ " calls that hit node 1");
		return rows;
	}

	private static Map<String, String> deadNode(LocalCluster cluster, DynamoDbClient client, AttemptLog attempts) {
		LocalNode dead = cluster.node(2);
		dead.kill();
		attempts.reset();
		Outcome outcome = run(client, DEAD_NODE_CALLS, attempts);
		Map<String, String> rows = new LinkedHashMap<>();
		rows.put("3. node 3 killed, " + DEAD_NODE_CALLS + " calls right after", outcome.toString());
		int last = attempts.lastCallThatHit(dead.address());
		rows.put("3. calls with an attempt on the dead node",
				attempts.callsThatHit(dead.address()) + ", the last at call #" + ((last < 0) ? "-" : last));
		return rows;
	}

	/** Runs GetItem calls one after another, bounded in time. */
	private static Outcome run(DynamoDbClient client, int calls, AttemptLog attempts) {
		long failed = 0;
		String firstFailure = null;
		long start = System.nanoTime();
		int made = 0;
		while (made < calls && System.nanoTime() - start < PHASE_LIMIT_NANOS) {
			made++;
			if (attempts != null) {
				attempts.call(made);
			}
			try {
				client.getItem((get) -> get.tableName(TABLE).key(Clients.KEY));
			}
			catch (RuntimeException ex) {
				failed++;
				if (firstFailure == null) {
					firstFailure = ex.getClass().getSimpleName();
				}
			}
		}
		return new Outcome(made, failed, firstFailure, (System.nanoTime() - start) / 1_000_000);
	}

	/** What a run of calls gave: calls made (fewer than asked when the time limit cut it), failed, first failure. */
	private record Outcome(int made, long failed, String firstFailure, long millis) {

		@Override
		public String toString() {
			return String.format("%d failed of %d made in %d ms%s", this.failed, this.made, this.millis,
					(this.firstFailure != null) ? " (first: " + this.firstFailure + ")" : "");
		}

	}

	/**
	 * The host of every attempt, seen by the SDK just before it sends it, with the number of the call it belongs to.
	 * Our client chooses the node in the signer, which runs before this point, so the host seen here is where the
	 * attempt goes; a library that re-targets inside its HTTP client would show the seed here instead.
	 */
	static final class AttemptLog implements ExecutionInterceptor {

		private final AtomicInteger currentCall = new AtomicInteger();

		private final Map<Integer, List<String>> hostsByCall = new ConcurrentHashMap<>();

		void call(int call) {
			this.currentCall.set(call);
		}

		void reset() {
			this.hostsByCall.clear();
		}

		@Override
		public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes executionAttributes) {
			this.hostsByCall.computeIfAbsent(this.currentCall.get(), (call) -> new ArrayList<>())
				.add(context.httpRequest().host());
		}

		long callsThatHit(String host) {
			return this.hostsByCall.values().stream().filter((hosts) -> hosts.contains(host)).count();
		}

		long callsRetriedElsewhereAfter(String host) {
			return this.hostsByCall.values().stream().filter((hosts) -> {
				int index = hosts.indexOf(host);
				return index >= 0 && hosts.subList(index + 1, hosts.size()).stream().anyMatch((h) -> !h.equals(host));
			}).count();
		}

		int lastCallThatHit(String host) {
			return this.hostsByCall.entrySet()
				.stream()
				.filter((entry) -> entry.getValue().contains(host))
				.mapToInt(Map.Entry::getKey)
				.max()
				.orElse(-1);
		}

	}

	/** The two clients under comparison. */
	private enum Contender {

		OURS {
			@Override
			Handle open(LocalCluster cluster, AttemptLog attempts) {
				AlternatorLoadBalancer loadBalancer = AlternatorLoadBalancer.builder().seeds(cluster.seeds()).build();
				DynamoDbClient client = loadBalancer.configure(DynamoDbClient.builder())
					.credentialsProvider(Clients.CREDENTIALS)
					.overrideConfiguration((override) -> override.addExecutionInterceptor(attempts))
					.build();
				return new Handle(client, loadBalancer);
			}

			@Override
			String scopeCheck(LocalCluster cluster) {
				StringBuilder result = new StringBuilder();
				try (AlternatorLoadBalancer known = AlternatorLoadBalancer.builder()
					.seeds(cluster.seeds())
					.datacenter("dc1")
					.rack("rack1")
					.build()) {
					known.start();
					result.append("rack1: support=").append(known.state().rackDatacenterSupport());
				}
				try (AlternatorLoadBalancer unknown = AlternatorLoadBalancer.builder()
					.seeds(cluster.seeds())
					.datacenter("dc1")
					.rack("no-such-rack")
					.fallback(false)
					.build();
						DynamoDbClient client = unknown.configure(DynamoDbClient.builder())
							.credentialsProvider(Clients.CREDENTIALS)
							.build()) {
					unknown.start();
					result.append("; unknown rack, no fallback: rackKnown=")
						.append(unknown.state().rackKnown().map(String::valueOf).orElse("?"))
						.append(", call: ");
					try {
						client.getItem((get) -> get.tableName(TABLE).key(Clients.KEY));
						result.append("call succeeded");
					}
					catch (RuntimeException ex) {
						result.append(ex.getClass().getSimpleName());
					}
				}
				return result.toString();
			}
		},

		SCYLLA {
			@Override
			Handle open(LocalCluster cluster, AttemptLog attempts) throws Exception {
				DynamoDbClientBuilder builder = scyllaBuilder();
				DynamoDbClient client = builder.endpointOverride(URI.create(cluster.seeds().get(0)))
					.region(Region.US_EAST_1)
					.credentialsProvider(Clients.CREDENTIALS)
					.overrideConfiguration((override) -> override.addExecutionInterceptor(attempts))
					.build();
				return new Handle(client, null);
			}

			@Override
			String scopeCheck(LocalCluster cluster) {
				// The library's public API: RackScope.of(dc, rack, fallback) given to the builder's withRoutingScope.
				try {
					Class<?> scopeType = Class.forName("com.scylladb.alternator.routing.RoutingScope");
					Class<?> rackScope = Class.forName("com.scylladb.alternator.routing.RackScope");
					Object scope = rackScope.getMethod("of", String.class, String.class, scopeType)
						.invoke(null, "dc1", "no-such-rack", null);
					DynamoDbClientBuilder builder = scyllaBuilder();
					Method withScope = builder.getClass().getMethod("withRoutingScope", scopeType);
					withScope.invoke(builder, scope);
					try (DynamoDbClient client = builder.endpointOverride(URI.create(cluster.seeds().get(0)))
						.region(Region.US_EAST_1)
						.credentialsProvider(Clients.CREDENTIALS)
						.build()) {
						client.getItem((get) -> get.tableName(TABLE).key(Clients.KEY));
						return "unknown rack, no fallback: call succeeded";
					}
				}
				catch (ReflectiveOperationException ex) {
					Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
					return "unknown rack, no fallback: " + cause.getClass().getSimpleName();
				}
				catch (RuntimeException ex) {
					return "unknown rack, no fallback: " + ex.getClass().getSimpleName();
				}
			}

			private DynamoDbClientBuilder scyllaBuilder() throws ReflectiveOperationException {
				return (DynamoDbClientBuilder) Class.forName(SCYLLA_BUILDER).getMethod("builder").invoke(null);
			}
		};

		abstract Handle open(LocalCluster cluster, AttemptLog attempts) throws Exception;

		abstract String scopeCheck(LocalCluster cluster);

		/** A client and what it needs closed with it. */
		record Handle(DynamoDbClient client, AutoCloseable owner) implements AutoCloseable {

			@Override
			public void close() throws Exception {
				this.client.close();
				if (this.owner != null) {
					this.owner.close();
				}
			}

		}

	}

}
