package dev.alternator.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.alternator.benchmarks.chart.BarChart;
import dev.alternator.client.AlternatorLoadBalancer;
import dev.alternator.local.LocalCluster;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Spread: how evenly the load-balanced client spreads GetItem requests over 3 and over 6 nodes that have no capacity
 * limit ({@value #THREADS} threads, the in-memory engine behind every node). Prints the requests each node received in the
 * measured stretch and max/min, and draws them as bars to {@code spread.svg} in the {@link ChartDirectory}.
 */
public final class SpreadScenario {

	private static final int THREADS = 16;

	private static final Duration WARM_UP = Duration.ofSeconds(3);

	private static final Duration MEASURE = Duration.ofSeconds(8);

	private static final int[] NODE_COUNTS = { 3, 6 };

	private SpreadScenario() {
	}

	/**
	 * Runs the scenario.
	 * @param args none
	 * @throws Exception when the scenario cannot run
	 */
	public static void main(String[] args) throws Exception {
		List<RequestSpread> spreads = new ArrayList<>();
		long failed = 0;
		for (int nodes : NODE_COUNTS) {
			try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", nodes).start();
					AlternatorLoadBalancer loadBalancer = Clients.loadBalancer(cluster.seeds().get(0));
					DynamoDbClient client = Clients.loadBalanced(loadBalancer)) {
				Clients.createTable(client, "spread");
				GetItemLoad.Result result = GetItemLoad.run(client, "spread", THREADS, WARM_UP, MEASURE,
						cluster::resetCounters);
				// Read the counters at once: the load has stopped, they no longer move.
				RequestSpread spread = RequestSpread.of(cluster);
				spreads.add(spread);
				failed += result.failed();
				System.out.printf("%d nodes: %.0f GetItem/s, requests per node %s, max/min %.3f%n", nodes,
						result.perSecond(), spread.counts(), spread.maxOverMin());
			}
		}
		System.out.printf("failed requests: %d%n", failed);
		Path chart = ChartDirectory.file("spread.svg");
		chart(spreads).writeTo(chart);
		System.out.println("chart: " + chart);
	}

	private static BarChart chart(List<RequestSpread> spreads) {
		BarChart.Builder chart = BarChart.builder()
			.title("Spread: GetItem requests each node received")
			.subtitle(String.format("load-balanced client, %d threads, %d s measured after %d s warm-up, nodes without"
					+ " capacity limit (%s)", THREADS, MEASURE.toSeconds(), WARM_UP.toSeconds(), RunConditions.describe()))
			.yAxis("requests received");
		for (int i = 0; i < NODE_COUNTS.length; i++) {
			RequestSpread spread = spreads.get(i);
			chart.group(String.format("%d nodes: max/min %.3f", NODE_COUNTS[i], spread.maxOverMin()), (group) -> {
				for (int node = 0; node < spread.counts().size(); node++) {
					long count = spread.counts().get(node);
					group.bar("node " + (node + 1), count, String.format("%,d", count));
				}
			});
		}
		return chart.build();
	}

}
