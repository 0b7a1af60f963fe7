package dev.alternator.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import dev.alternator.local.LocalCluster;
import dev.alternator.local.LocalNode;
import org.jfree.data.xy.XYSeries;

/**
 * API requests per second each node of a cluster received, and failed requests per second the application saw, in
 * fixed time buckets. One thread reads the nodes' own counters at every bucket boundary, so the figures are what the
 * nodes saw, not what the client meant to send. Time 0 is when the sampling starts.
 */
final class NodeRequestRates implements AutoCloseable {

	private final List<LocalNode> nodes;

	private final LongAdder failures;

	private final long startNanos;

	private final List<long[]> readings = new ArrayList<>();

	private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "node-request-rates");
		thread.setDaemon(true);
		return thread;
	});

	NodeRequestRates(LocalCluster cluster, LongAdder failures, Duration bucket) {
		this.nodes = cluster.nodes();
		this.failures = failures;
		this.startNanos = System.nanoTime();
		read();
		this.sampler.scheduleAtFixedRate(this::read, bucket.toNanos(), bucket.toNanos(), TimeUnit.NANOSECONDS);
	}

	/**
	 * Seconds between the start of the sampling and the given {@link System#nanoTime()}, for markers.
	 */
	double secondsAt(long nanoTime) {
		return (nanoTime - this.startNanos) / 1e9;
	}

	/**
	 * One series per node (requests/s), for a chart panel.
	 */
	XYSeries[] nodeSeries() {
		List<long[]> copy = readings();
		XYSeries[] series = new XYSeries[this.nodes.size()];
		for (int node = 0; node < this.nodes.size(); node++) {
			series[node] = Charts.series("node " + (node + 1) + " (" + this.nodes.get(node).address() + ")",
					midpoints(copy), rates(copy, node + 1));
		}
		return series;
	}

	/**
	 * The failed requests per second, for a chart panel.
	 */
	XYSeries failureSeries() {
		List<long[]> copy = readings();
		return Charts.series("failed requests", midpoints(copy), rates(copy, this.nodes.size() + 1));
	}

	@Override
	public void close() throws InterruptedException {
		this.sampler.shutdown();
		this.sampler.awaitTermination(5, TimeUnit.SECONDS);
	}

	private void read() {
		long[] reading = new long[this.nodes.size() + 2];
		reading[0] = System.nanoTime();
		for (int i = 0; i < this.nodes.size(); i++) {
			reading[i + 1] = this.nodes.get(i).requestCount();
		}
		reading[this.nodes.size() + 1] = this.failures.sum();
		synchronized (this.readings) {
			this.readings.add(reading);
		}
	}

	private List<long[]> readings() {
		synchronized (this.readings) {
			return new ArrayList<>(this.readings);
		}
	}

	private double[] midpoints(List<long[]> readings) {
		double[] seconds = new double[readings.size() - 1];
		for (int i = 1; i < readings.size(); i++) {
			seconds[i - 1] = secondsAt((readings.get(i - 1)[0] + readings.get(i)[0]) / 2);
		}
		return seconds;
	}

	private static double[] rates(List<long[]> readings, int column) {
		double[] perSecond = new double[readings.size() - 1];
		for (int i = 1; i < readings.size(); i++) {
			long[] before = readings.get(i - 1);
			long[] after = readings.get(i);
			// A counter reset shows as a drop: count that bucket as empty rather than negative.
			perSecond[i - 1] = Math.max(0, after[column] - before[column]) / ((after[0] - before[0]) / 1e9);
		}
		return perSecond;
	}

}
