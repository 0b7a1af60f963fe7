package dev.alternator.client;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import dev.alternator.client.internal.affinity.AffinityKeys;
import dev.alternator.client.internal.node.Listeners;
import dev.alternator.client.internal.node.NodeRegistry;
import dev.alternator.client.internal.routing.CallPlan;
import dev.alternator.client.internal.routing.RequestRouter;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The client's own cost per attempt, without I/O: choosing a node for a call ({@code route}), and the key-route
 * affinity order of one key ({@code affinityKey}) and of a 25-item batch ({@code affinityBatch25}). Lives in the
 * client's package because it measures internals.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RoutingBenchmark {

	@Param({ "3", "9" })
	public int nodes;

	private NodeRegistry registry;

	private RequestRouter router;

	private AlternatorNode[] ring;

	private long[] hashes;

	private long[][] batches;

	private int next;

	@Setup
	public void setUp() {
		Listeners listeners = new Listeners();
		List<AlternatorNode> list = new ArrayList<>();
		for (int i = 0; i < this.nodes; i++) {
			list.add(AlternatorNode.of("http", "127.0.0." + (i + 1), 8000));
		}
		// The nodes as seeds of a client without discovery: all live. Changes run on the calling thread here.
		this.registry = new NodeRegistry(List.of(RoutingScope.cluster()), list, true, listeners,
				java.time.Duration.ofSeconds(1), Runnable::run);
		this.router = new RequestRouter(this.registry, listeners);
		this.ring = AffinityKeys.ring(list);
		SplittableRandom random = new SplittableRandom(42);
		this.hashes = new long[1024];
		for (int i = 0; i < this.hashes.length; i++) {
			this.hashes[i] = random.nextLong();
		}
		this.batches = new long[64][25];
		for (long[] batch : this.batches) {
			for (int i = 0; i < batch.length; i++) {
				batch[i] = random.nextLong();
			}
		}
	}

	@Benchmark
	public Object route() {
		return this.router.route(new CallPlan());
	}

	@Benchmark
	public Object affinityKey() {
		long hash = this.hashes[(this.next++) & 1023];
		return AffinityKeys.single(hash).order(this.ring)[0];
	}

	@Benchmark
	public Object affinityBatch25() {
		long[] batch = this.batches[(this.next++) & 63];
		return AffinityKeys.batch(batch).order(this.ring)[0];
	}

}
