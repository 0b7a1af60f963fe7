package dev.alternator.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import dev.alternator.client.AlternatorLoadBalancer;
import dev.alternator.local.LocalCluster;
import dev.alternator.local.LocalNode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Node hang under load with the starter's default timeouts (connect 2 s, read 30 s): 16 threads read from a 3-node
 * local cluster; one node hangs (accepts, never answers) for 40 s, then restarts. Prints failed requests and latency
 * percentiles before, during and after the hang, and draws the requests per second each node answered, in
 * {@value #BUCKET_MILLIS} ms buckets, with the hang and the restart marked, to {@code hang.svg} in the
 * {@link ChartDirectory}.
 */
public final class HangScenario {

	private static final int THREADS = 16;

	private static final int BUCKET_MILLIS = 500;

	private HangScenario() {
	}

	/**
	 * Runs the scenario once.
	 * @param args none
	 * @throws Exception when the scenario cannot run
	 */
	public static void main(String[] args) throws Exception {
		try (LocalCluster cluster = LocalCluster.start();
				AlternatorLoadBalancer loadBalancer = Clients.loadBalancer(cluster.seeds().get(0));
				DynamoDbClient client = Clients.loadBalanced(loadBalancer)) {
			Clients.createTable(client, "hang");
			LocalNode victim = cluster.node(1);
			List<long[]> samples = Collections.synchronizedList(new ArrayList<>());
			GetItemLoad load = new GetItemLoad(client, "hang");
			LongAdder failed = load.failed();
			NodeRequestRates rates = new NodeRequestRates(cluster, failed, Duration.ofMillis(BUCKET_MILLIS));
			load.start(THREADS, (started, elapsed) -> samples.add(new long[] { started, elapsed }));
			Thread.sleep(5_000);
			long hungAt = System.nanoTime();
			victim.hang();
			Thread.sleep(40_000);
			long restartedAt = System.nanoTime();
			victim.restart();
			Thread.sleep(5_000);
			load.stop(Duration.ofSeconds(60));
			rates.close();
			List<long[]> copy;
			synchronized (samples) {
				copy = new ArrayList<>(samples);
			}
			System.out.printf("requests: %d succeeded, %d failed%n", copy.size(), failed.sum());
			report("before the hang", copy, Long.MIN_VALUE, hungAt);
			report("during the hang (40 s)", copy, hungAt, restartedAt);
			report("after the restart", copy, restartedAt, Long.MAX_VALUE);
			Path chart = ChartDirectory.file("hang.svg");
			Charts.writeSvg(Charts.lines("Node hang under load: requests per second each node answered",
					String.format("%d threads of GetItem on 3 nodes, connect timeout 2 s, read timeout 30 s, %d ms"
							+ " buckets; %,d failed of %,d requests (%s)", THREADS, BUCKET_MILLIS, failed.sum(),
							copy.size() + failed.sum(), RunConditions.describe()),
					"seconds since the load started",
					List.of(new Charts.Event("node hung", rates.secondsAt(hungAt), "node 2 hangs"),
							new Charts.Event("node restarted", rates.secondsAt(restartedAt), "node 2 restarted")),
					Charts.panel("requests/s answered", rates.nodeSeries()),
					Charts.panel("failed requests/s (application)", rates.failureSeries())), chart);
			System.out.println("chart: " + chart);
		}
	}

	private static void report(String phase, List<long[]> samples, long from, long to) {
		List<Long> latencies = new ArrayList<>();
		for (long[] sample : samples) {
			if (sample[0] >= from && sample[0] < to) {
				latencies.add(sample[1]);
			}
		}
		Collections.sort(latencies);
		if (latencies.isEmpty()) {
			System.out.printf("%s: no request%n", phase);
			return;
		}
		System.out.printf("%s: %d requests, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.0f ms%n", phase,
				latencies.size(), percentile(latencies, 0.50), percentile(latencies, 0.99),
				percentile(latencies, 0.999), latencies.get(latencies.size() - 1) / 1e6);
	}

	private static double percentile(List<Long> sorted, double fraction) {
		int index = (int) Math.min(sorted.size() - 1, Math.ceil(fraction * sorted.size()) - 1);
		return sorted.get(Math.max(0, index)) / 1e6;
	}

}
