package dev.alternator.benchmarks;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import dev.alternator.client.AlternatorLoadBalancer;
import org.jfree.chart.plot.XYPlot;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The load balancer's per-request cost against the plain SDK client, measured in pairs: in one JVM, against one
 * in-process node that answers instantly, the two clients take turns (plain then balanced, then balanced then plain,
 * ...) for a fixed time each, so that both see the same JIT state, the same machine noise and the same drift. Each
 * round gives a throughput ratio, a p99 latency ratio and the bytes each client's threads allocate per request (the
 * server's threads are not counted); the median over the rounds is the figure, the spread of the rounds its error.
 * JMH measures each client in forks of its own, where fork-to-fork variation on a small shared machine is larger
 * than the difference sought.
 * <p>
 * Arguments: {@code threads} (default 1), {@code rounds} (default 20), {@code milliseconds per turn} (default 2000),
 * {@code getItem|putItem} (default getItem). Draws {@code docs/images/overhead-pairs-<op>-t<threads>.svg}.
 */
public final class PairedOverheadScenario {

	private PairedOverheadScenario() {
	}

	/**
	 * Runs the measurement.
	 * @param args threads, rounds, milliseconds per turn, operation
	 * @throws Exception when it cannot run
	 */
	public static void main(String[] args) throws Exception {
		int threads = (args.length > 0) ? Integer.parseInt(args[0]) : 1;
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 20;
		long turnMillis = (args.length > 2) ? Long.parseLong(args[2]) : 2000;
		String operation = (args.length > 3) ? args[3] : "getItem";
		Consumer<DynamoDbClient> call = "putItem".equals(operation)
				? (client) -> client.putItem((put) -> put.tableName("bench").item(Clients.ITEM))
				: (client) -> client.getItem((get) -> get.tableName("bench").key(Clients.KEY));
		try (CannedNodes canned = new CannedNodes(1);
				DynamoDbClient plain = Clients.plain(URI.create(canned.seed(0)));
				AlternatorLoadBalancer loadBalancer = Clients.loadBalancer(canned.seed(0));
				DynamoDbClient balanced = Clients.loadBalanced(loadBalancer)) {
			ExecutorService pool = Executors.newFixedThreadPool(threads);
			try {
				// Warm-up: both clients, alternating, until the JIT has settled (about 15 s here; 20 to be safe).
				for (int i = 0; i < 20; i++) {
					turn(pool, threads, 1000, (i % 2 == 0) ? plain : balanced, call);
				}
				double[] throughputRatios = new double[rounds];
				double[] p99Ratios = new double[rounds];
				List<String> lines = new ArrayList<>();
				long[] plainTotals = new long[2];
				long[] balancedTotals = new long[2];
				for (int round = 0; round < rounds; round++) {
					Turn plainTurn;
					Turn balancedTurn;
					if (round % 2 == 0) {
						plainTurn = turn(pool, threads, turnMillis, plain, call);
						balancedTurn = turn(pool, threads, turnMillis, balanced, call);
					}
					else {
						balancedTurn = turn(pool, threads, turnMillis, balanced, call);
						plainTurn = turn(pool, threads, turnMillis, plain, call);
					}
					throughputRatios[round] = balancedTurn.perSecond() / plainTurn.perSecond();
					p99Ratios[round] = (double) balancedTurn.p99Nanos() / plainTurn.p99Nanos();
					plainTurn.addTo(plainTotals);
					balancedTurn.addTo(balancedTotals);
					lines.add(String.format(Locale.ROOT, "round %2d: plain %,9.0f/s p99 %6.1f µs | balanced %,9.0f/s p99 %6.1f µs"
							+ " | throughput %.3f p99 %.3f", round + 1, plainTurn.perSecond(), plainTurn.p99Nanos() / 1e3,
							balancedTurn.perSecond(), balancedTurn.p99Nanos() / 1e3, throughputRatios[round],
							p99Ratios[round]));
				}
				lines.forEach(System.out::println);
				System.out.printf(Locale.ROOT, "%s, %d thread(s), %d rounds of %d ms per client%n", operation, threads,
						rounds, turnMillis);
				System.out.printf(Locale.ROOT, "throughput ratio balanced/plain: median %.3f, quartiles %.3f-%.3f%n",
						quantile(throughputRatios, 0.5), quantile(throughputRatios, 0.25),
						quantile(throughputRatios, 0.75));
				System.out.printf(Locale.ROOT, "p99 latency ratio balanced/plain: median %.3f, quartiles %.3f-%.3f%n",
						quantile(p99Ratios, 0.5), quantile(p99Ratios, 0.25), quantile(p99Ratios, 0.75));
				System.out.printf(Locale.ROOT, "allocated by the calling threads: plain %,.0f B/op, balanced %,.0f B/op%n",
						(double) plainTotals[1] / plainTotals[0], (double) balancedTotals[1] / balancedTotals[0]);
				chart(operation, threads, turnMillis, throughputRatios, p99Ratios);
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

	private static Turn turn(ExecutorService pool, int threads, long millis, DynamoDbClient client,
			Consumer<DynamoDbClient> call) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Turn>> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			workers.add(pool.submit(() -> {
				com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory
					.getThreadMXBean();
				long[] latencies = new long[1 << 16];
				int count = 0;
				start.await();
				long allocatedBefore = bean.getCurrentThreadAllocatedBytes();
				long began = System.nanoTime();
				long deadline = began + millis * 1_000_000L;
				long now = began;
				while (now < deadline) {
					call.accept(client);
					long after = System.nanoTime();
					if (count == latencies.length) {
						latencies = Arrays.copyOf(latencies, count * 2);
					}
					latencies[count++] = after - now;
					now = after;
				}
				long allocated = bean.getCurrentThreadAllocatedBytes() - allocatedBefore;
				return new Turn(count, now - began, Arrays.copyOf(latencies, count), allocated);
			}));
		}
		start.countDown();
		Turn total = new Turn(0, 0, new long[0], 0);
		for (Future<Turn> worker : workers) {
			total = total.plus(worker.get());
		}
		return new Turn(total.operations, total.nanos / threads, total.latencies, total.allocatedBytes);
	}

	private static double quantile(double[] values, double quantile) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		double position = quantile * (sorted.length - 1);
		int below = (int) Math.floor(position);
		int above = (int) Math.ceil(position);
		return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
	}

	private static void chart(String operation, int threads, long turnMillis, double[] throughput, double[] p99)
			throws Exception {
		double[] rounds = new double[throughput.length];
		for (int i = 0; i < rounds.length; i++) {
			rounds[i] = i + 1;
		}
		String file = "overhead-pairs-" + operation + "-t" + threads + ".svg";
		XYPlot ratios = Charts.panel("balanced / plain", Charts.series("throughput ratio", rounds, throughput),
				Charts.series("p99 latency ratio", rounds, p99));
		Charts.limit(ratios, "1.0", 1.0);
		Charts.writeSvg(Charts.lines("Load-balanced client against the plain SDK client, in pairs: " + operation + ", "
				+ threads + ((threads == 1) ? " thread" : " threads"),
				String.format(Locale.ROOT,
						"one in-process node answering instantly; %d ms per client per round, alternating; median"
								+ " throughput ratio %.3f, p99 ratio %.3f (%s)",
						turnMillis, quantile(throughput, 0.5), quantile(p99, 0.5), RunConditions.describe()),
				"round", List.of(), ratios), ChartDirectory.file(file));
		System.out.println("chart: " + ChartDirectory.file(file));
	}

	/**
	 * What one client did in one turn, all its threads together.
	 */
	private record Turn(long operations, long nanos, long[] latencies, long allocatedBytes) {

		double perSecond() {
			return this.operations / (this.nanos / 1e9);
		}

		long p99Nanos() {
			long[] sorted = this.latencies.clone();
			Arrays.sort(sorted);
			return (sorted.length == 0) ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)];
		}

		/**
		 * Adds operations and allocated bytes to {@code totals[0]} and {@code totals[1]}.
		 */
		void addTo(long[] totals) {
			totals[0] += this.operations;
			totals[1] += this.allocatedBytes;
		}

		Turn plus(Turn other) {
			long[] merged = Arrays.copyOf(this.latencies, this.latencies.length + other.latencies.length);
			System.arraycopy(other.latencies, 0, merged, this.latencies.length, other.latencies.length);
			return new Turn(this.operations + other.operations, this.nanos + other.nanos, merged,
					this.allocatedBytes + other.allocatedBytes);
		}

	}

}
