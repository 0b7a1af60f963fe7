package dev.alternator.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import dev.alternator.client.AlternatorLoadBalancer;
import dev.alternator.local.LocalCluster;
import dev.alternator.local.LocalNode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Scale-out: every node gets a fixed capacity (at most {@value #PER_NODE_CONCURRENCY} requests at once, each held
 * {@value #SERVICE_MILLIS} ms), then GetItem throughput is measured with 1, 3 and 6 nodes for the load-balanced client,
 * and for the plain SDK client pinned to one node of the 6-node cluster. Prints throughput, scaling efficiency
 * (throughput_n / (n x throughput_1)) and the spread over the nodes (max/min requests per node).
 */
public final class ScaleOutScenario {

	private static final int PER_NODE_CONCURRENCY = 4;

	private static final int SERVICE_MILLIS = 20;

	private static final int THREADS = 48;

	private static final Duration WARM_UP = Duration.ofSeconds(3);

	private static final Duration MEASURE = Duration.ofSeconds(8);

	private ScaleOutScenario() {
	}

	/**
	 * Runs the scenario.
	 * @param args none
	 * @throws Exception when the scenario cannot run
	 */
	public static void main(String[] args) throws Exception {
		double single = 0;
		for (int nodes : new int[] { 1, 3, 6 }) {
			try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", nodes).start()) {
				limit(cluster);
				try (AlternatorLoadBalancer loadBalancer = Clients.loadBalancer(cluster.seeds().get(0));
						DynamoDbClient client = Clients.loadBalanced(loadBalancer)) {
					Clients.createTable(client, "scale");
					double throughput = measure(client, cluster);
					if (nodes == 1) {
						single = throughput;
					}
					System.out.printf("load-balanced, %d node(s): %.0f GetItem/s, efficiency %.2f, spread max/min %.3f%n",
							nodes, throughput, throughput / (nodes * single), spread(cluster));
				}
				if (nodes == 6) {
					try (DynamoDbClient plain = Clients.plain(URI.create(cluster.seeds().get(0)))) {
						System.out.printf("plain SDK client pinned to 1 of 6 nodes: %.0f GetItem/s%n",
								measure(plain, cluster));
					}
				}
			}
		}
	}

	private static void limit(LocalCluster cluster) {
		for (LocalNode node : cluster.nodes()) {
			node.concurrencyLimit(PER_NODE_CONCURRENCY);
			node.latency(Duration.ofMillis(SERVICE_MILLIS));
		}
	}

	private static double measure(DynamoDbClient client, LocalCluster cluster) throws InterruptedException {
		LongAdder done = new LongAdder();
		AtomicBoolean running = new AtomicBoolean(true);
		ExecutorService threads = Executors.newFixedThreadPool(THREADS);
		for (int i = 0; i < THREADS; i++) {
			threads.execute(() -> {
				while (running.get()) {
					client.getItem((get) -> get.tableName("scale").key(Clients.KEY));
					done.increment();
				}
			});
		}
		Thread.sleep(WARM_UP.toMillis());
		cluster.resetCounters();
		long before = done.sum();
		long started = System.nanoTime();
		Thread.sleep(MEASURE.toMillis());
		long count = done.sum() - before;
		double seconds = (System.nanoTime() - started) / 1e9;
		running.set(false);
		threads.shutdown();
		threads.awaitTermination(30, TimeUnit.SECONDS);
		return count / seconds;
	}

	private static double spread(LocalCluster cluster) {
		List<Long> counts = new ArrayList<>();
		cluster.nodes().forEach((node) -> counts.add(node.requestCount()));
		long max = counts.stream().mapToLong(Long::longValue).max().orElse(0);
		long min = counts.stream().mapToLong(Long::longValue).min().orElse(0);
		return (min == 0) ? Double.NaN : (double) max / min;
	}

}
