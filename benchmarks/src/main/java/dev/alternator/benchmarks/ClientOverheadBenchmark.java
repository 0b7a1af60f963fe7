package dev.alternator.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import dev.alternator.local.LocalCluster;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-request cost of the load-balanced client against the plain SDK client, side by side in one run:
 * {@code client=plain} pins the SDK to one node, {@code client=balanced} spreads over all. {@code server=local}
 * is the local cluster (the in-memory engine behind every node; the balanced client spreads over its three nodes);
 * {@code server=canned} is one in-process node that answers instantly, used by both clients, so that the client's own
 * cost is all that differs. Run with {@code -t 1} and {@code -t 16}; add {@code -prof gc} for allocation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class ClientOverheadBenchmark {

	private static final String TABLE = "bench";

	@Param({ "plain", "balanced" })
	public String client;

	@Param({ "canned", "local" })
	public String server;

	private LocalCluster cluster;

	private CannedNodes canned;

	private BenchmarkTarget target;

	@Setup(Level.Trial)
	public void setUp() throws IOException {
		String seed;
		if ("local".equals(this.server)) {
			this.cluster = LocalCluster.builder().nodes("dc1", "rack1", 3).start();
			seed = this.cluster.seeds().get(0);
		}
		else {
			this.canned = new CannedNodes(1);
			seed = this.canned.seed(0);
		}
		this.target = "plain".equals(this.client) ? BenchmarkTarget.plain(seed) : BenchmarkTarget.balanced(seed);
		if (this.cluster != null) {
			this.target.createTable(TABLE);
		}
	}

	@Benchmark
	public Object getItem() {
		return this.target.getItem(TABLE);
	}

	@Benchmark
	public Object putItem() {
		return this.target.putItem(TABLE);
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.target.close();
		if (this.cluster != null) {
			this.cluster.close();
		}
		if (this.canned != null) {
			this.canned.close();
		}
	}

}
