package dev.alternator.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import dev.alternator.local.LocalCluster;
import dev.alternator.local.engine.AlternatorEngine;
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
 * What the local cluster's nodes add on top of its engine, and how close they come to the limit of their HTTP path:
 * GetItem and PutItem through 3 nodes with the load-balanced SDK client ({@code path=node}), the same through 3
 * nodes that answer a canned response without any engine ({@code path=canned}: the limit of the HTTP path), and the
 * same request on the engine's own API, without SDK or HTTP ({@code path=engine}). Run with {@code -t 16 -bm thrpt}
 * for throughput and with {@code -t 1 -bm avgt} for the latency per request.
 */
@State(Scope.Benchmark)
@BenchmarkMode({ Mode.Throughput, Mode.AverageTime })
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class LocalClusterFrontEndBenchmark {

	private static final String TABLE = "frontend";

	@Param({ "engine", "node", "canned" })
	public String path;

	private LocalCluster cluster;

	private static final byte[] GET_ITEM = ("{\"TableName\":\"" + TABLE + "\",\"Key\":{\"id\":{\"S\":\"k\"}}}")
		.getBytes(StandardCharsets.UTF_8);

	private static final byte[] PUT_ITEM = ("{\"TableName\":\"" + TABLE
			+ "\",\"Item\":{\"id\":{\"S\":\"k\"},\"v\":{\"S\":\"value\"}}}")
		.getBytes(StandardCharsets.UTF_8);

	/** What the real engine answers to GET_ITEM once PUT_ITEM has run: the canned nodes answer the same bytes. */
	private static final byte[] CANNED_ITEM = "{\"Item\":{\"id\":{\"S\":\"k\"},\"v\":{\"S\":\"value\"}}}"
		.getBytes(StandardCharsets.UTF_8);

	private BenchmarkTarget target;

	private AlternatorEngine engine;

	@Setup(Level.Trial)
	public void setUp() {
		LocalCluster.Builder nodes = LocalCluster.builder().nodes("dc1", "rack1", 3);
		if ("canned".equals(this.path)) {
			nodes.cannedAnswer(CANNED_ITEM);
		}
		this.cluster = nodes.start();
		// Spread over the three nodes, as the requirement states (3 nodes, 16 client threads).
		this.target = BenchmarkTarget.balanced(this.cluster.seeds().get(0));
		if (!"canned".equals(this.path)) {
			this.target.createTable(TABLE);
		}
		if ("engine".equals(this.path)) {
			// An engine of its own with the same table and item, called on its own API.
			this.engine = AlternatorEngine.create();
			this.engine.execute("CreateTable", ("{\"TableName\":\"" + TABLE + "\",\"KeySchema\":[{\"AttributeName\":"
					+ "\"id\",\"KeyType\":\"HASH\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"id\","
					+ "\"AttributeType\":\"S\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}").getBytes(StandardCharsets.UTF_8));
			this.engine.execute("PutItem", ("{\"TableName\":\"" + TABLE + "\",\"Item\":{\"id\":{\"S\":\"k\"}}}")
				.getBytes(StandardCharsets.UTF_8));
		}
	}

	@Benchmark
	public Object getItem() {
		if (this.engine != null) {
			return this.engine.execute("GetItem", GET_ITEM);
		}
		return this.target.getItem(TABLE);
	}

	/**
	 * Overwrites one item, so that writes are measured next to reads on the same two paths.
	 * @return the response, consumed by JMH
	 */
	@Benchmark
	public Object putItem() {
		if (this.engine != null) {
			return this.engine.execute("PutItem", PUT_ITEM);
		}
		return this.target.putItem(TABLE);
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.target.close();
		this.cluster.close();
	}

}
