package dev.alternator.benchmarks;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.alternator.client.AlternatorLoadBalancer;
import dev.alternator.local.LocalCluster;
import dev.alternator.local.LocalNode;
import org.jfree.chart.JFreeChart;
import org.jfree.data.category.DefaultCategoryDataset;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Scale-out: every node gets a fixed capacity (at most {@value #PER_NODE_CONCURRENCY} requests at once, each held
 * {@value #SERVICE_MILLIS} ms), then GetItem throughput is measured with 1, 3 and 6 nodes for the load-balanced client,
 * and for the plain SDK client pinned to one node of the 6-node cluster. Prints throughput, scaling efficiency
 * (throughput_n / (n x throughput_1)) and the spread over the nodes (max/min requests per node), and draws the
 * throughputs as bars to {@code scale-out.svg} in the {@link ChartDirectory}.
 */
public final class ScaleOutScenario {

	private static final int PER_NODE_CONCURRENCY = 4;

	private static final int SERVICE_MILLIS = 20;

	private static final int THREADS = 48;

	private static final Duration WARM_UP = Duration.ofSeconds(3);

	private static final Duration MEASURE = Duration.ofSeconds(8);

	private static final int[] NODE_COUNTS = { 1, 3, 6 };

	private ScaleOutScenario() {
	}

	/**
	 * Runs the scenario.
	 * @param args none
	 * @throws Exception when the scenario cannot run
	 */
	public static void main(String[] args) throws Exception {
		double single = 0;
		List<Double> balanced = new ArrayList<>();
		double plainThroughput = 0;
		long failed = 0;
		for (int nodes : NODE_COUNTS) {
			try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", nodes).start()) {
				limit(cluster);
				try (AlternatorLoadBalancer loadBalancer = Clients.loadBalancer(cluster.seeds().get(0));
						DynamoDbClient client = Clients.loadBalanced(loadBalancer)) {
					Clients.createTable(client, "scale");
					GetItemLoad.Result result = measure(client, cluster);
					failed += result.failed();
					if (nodes == 1) {
						single = result.perSecond();
					}
					balanced.add(result.perSecond());
					System.out.printf("load-balanced, %d node(s): %.0f GetItem/s, efficiency %.2f, spread max/min %.3f%n",
							nodes, result.perSecond(), result.perSecond() / (nodes * single),
							RequestSpread.of(cluster).maxOverMin());
				}
				if (nodes == 6) {
					try (DynamoDbClient plain = Clients.plain(URI.create(cluster.seeds().get(0)))) {
						GetItemLoad.Result result = measure(plain, cluster);
						failed += result.failed();
						plainThroughput = result.perSecond();
						System.out.printf("plain SDK client pinned to 1 of 6 nodes: %.0f GetItem/s%n", plainThroughput);
					}
				}
			}
		}
		System.out.printf("failed requests: %d%n", failed);
		Path chart = ChartDirectory.file("scale-out.svg");
		Charts.writeSvg(chart(balanced, plainThroughput), chart);
		System.out.println("chart: " + chart);
	}

	private static JFreeChart chart(List<Double> balanced, double plain) {
		double single = balanced.get(0);
		int capacity = PER_NODE_CONCURRENCY * 1000 / SERVICE_MILLIS;
		DefaultCategoryDataset bars = new DefaultCategoryDataset();
		for (int i = 0; i < NODE_COUNTS.length; i++) {
			int nodes = NODE_COUNTS[i];
			double throughput = balanced.get(i);
			bars.addValue(throughput, "load-balanced client", String.format("%d %s\nefficiency %.2f", nodes,
					(nodes == 1) ? "node" : "nodes", throughput / (nodes * single)));
		}
		bars.addValue(plain, "plain SDK client", "pinned to 1 of 6 nodes");
		return Charts.bars("Scale-out: GetItem/s with nodes of fixed capacity (" + capacity + " requests/s each)",
				String.format("%d threads, %d s measured after %d s warm-up; efficiency = throughput_n / (n x"
						+ " throughput_1) (%s)", THREADS, MEASURE.toSeconds(), WARM_UP.toSeconds(),
						RunConditions.describe()),
				"GetItem/s", "/s", bars);
	}

	private static void limit(LocalCluster cluster) {
		for (LocalNode node : cluster.nodes()) {
			node.concurrencyLimit(PER_NODE_CONCURRENCY);
			node.latency(Duration.ofMillis(SERVICE_MILLIS));
		}
	}

	private static GetItemLoad.Result measure(DynamoDbClient client, LocalCluster cluster) throws InterruptedException {
		return GetItemLoad.run(client, "scale", THREADS, WARM_UP, MEASURE, cluster::resetCounters);
	}

}
