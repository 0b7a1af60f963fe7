package dev.alternator.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import dev.alternator.client.AlternatorListener;
import dev.alternator.client.AlternatorLoadBalancer;
import dev.alternator.client.AlternatorNode;
import dev.alternator.local.LocalCluster;
import dev.alternator.local.LocalNode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Node kill under load with the default settings (1 s active discovery, 1 s probe): 16 threads read from a 3-node
 * local cluster, one node is killed, later restarted. Prints failed requests, how long the dead node kept receiving
 * attempts, how long the restarted node waited for traffic, and {@code /localnodes} calls per minute under load and
 * when idle. Draws the requests per second each node received, in {@value #BUCKET_MILLIS} ms buckets, with the kill and
 * the restart marked and the failed requests below, to {@code failover.svg} in the {@link ChartDirectory}.
 */
public final class FailoverScenario {

	private static final int THREADS = 16;

	private static final int BUCKET_MILLIS = 250;

	private FailoverScenario() {
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
			Clients.createTable(client, "failover");
			LocalNode victim = cluster.node(1);
			AtomicLong lastAttemptOnVictim = new AtomicLong();
			AtomicLong firstAttemptAfterRestart = new AtomicLong();
			AtomicLong restartedAt = new AtomicLong(Long.MAX_VALUE);
			loadBalancer.addListener(new AlternatorListener() {
				@Override
				public void requestRouted(AlternatorNode node, int attempt) {
					if (node.host().equals(victim.address())) {
						long now = System.nanoTime();
						if (now < restartedAt.get()) {
							lastAttemptOnVictim.set(now);
						}
						else {
							firstAttemptAfterRestart.compareAndSet(0, now);
						}
					}
				}
			});
			GetItemLoad load = new GetItemLoad(client, "failover");
			LongAdder succeeded = load.succeeded();
			LongAdder failed = load.failed();
			NodeRequestRates rates = new NodeRequestRates(cluster, failed, Duration.ofMillis(BUCKET_MILLIS));
			load.start(THREADS, null);
			Thread.sleep(3_000);
			long callsBefore = localNodesCalls(cluster);
			Thread.sleep(6_000);
			long underLoadCalls = localNodesCalls(cluster) - callsBefore;
			long killedAt = System.nanoTime();
			victim.kill();
			Thread.sleep(5_000);
			restartedAt.set(System.nanoTime());
			victim.restart();
			Thread.sleep(5_000);
			load.stop(Duration.ofSeconds(30));
			rates.close();
			// Let the refresh that saw the last requests pass, then count an idle stretch.
			Thread.sleep(3_000);
			long idleBefore = localNodesCalls(cluster);
			Thread.sleep(10_000);
			long idleCalls = localNodesCalls(cluster) - idleBefore;
			System.out.printf("requests: %d succeeded, %d failed%n", succeeded.sum(), failed.sum());
			System.out.printf("dead node received attempts for %d ms after the kill%n",
					Math.max(0, (lastAttemptOnVictim.get() - killedAt) / 1_000_000));
			System.out.printf("restarted node got traffic again after %d ms%n",
					(firstAttemptAfterRestart.get() == 0) ? -1
							: (firstAttemptAfterRestart.get() - restartedAt.get()) / 1_000_000);
			System.out.printf("/localnodes calls: %d per minute under load, %d per minute idle%n", underLoadCalls * 10,
					idleCalls * 6);
			Path chart = ChartDirectory.file("failover.svg");
			Charts.writeSvg(Charts.lines("Node kill under load: requests per second each node received",
					String.format("%d threads of GetItem on 3 nodes, default settings, %d ms buckets; %,d failed of %,d"
							+ " requests (%s)", THREADS, BUCKET_MILLIS, failed.sum(), succeeded.sum() + failed.sum(),
							RunConditions.describe()),
					"seconds since the load started",
					List.of(new Charts.Event("node killed", rates.secondsAt(killedAt), "node 2 killed"),
							new Charts.Event("node restarted", rates.secondsAt(restartedAt.get()), "node 2 restarted")),
					Charts.panel("requests/s received", rates.nodeSeries()),
					Charts.panel("failed requests/s (application)", rates.failureSeries())), chart);
			System.out.println("chart: " + chart);
		}
	}

	private static long localNodesCalls(LocalCluster cluster) {
		return cluster.nodes().stream().mapToLong(LocalNode::localNodesRequestCount).sum();
	}

}
