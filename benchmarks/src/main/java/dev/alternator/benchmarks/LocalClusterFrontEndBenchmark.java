package dev.alternator.benchmarks;

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
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the local cluster's node front end adds: GetItem and PutItem through a node ({@code path=node}) versus
 * straight to the engine ({@code path=engine}). Run with {@code -t 16 -bm thrpt} for throughput through the nodes and with
 * {@code -t 1 -bm avgt} for the added latency per request.
 */
@State(Scope.Benchmark)
@BenchmarkMode({ Mode.Throughput, Mode.AverageTime })
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class LocalClusterFrontEndBenchmark {

	private static final String TABLE = "frontend";

	@Param({ "engine", "node" })
	public String path;

	private LocalCluster cluster;

	private DynamoDbClient dynamoDb;

	private dev.alternator.client.AlternatorLoadBalancer loadBalancer;

	@Setup(Level.Trial)
	public void setUp() {
		this.cluster = LocalCluster.builder().nodes("dc1", "rack1", 3).start();
		if ("engine".equals(this.path)) {
			this.dynamoDb = Clients.plain(this.cluster.engineEndpoint());
		}
		else {
			// Spread over the three nodes, as the requirement states (3 nodes, 16 client threads).
			this.loadBalancer = Clients.loadBalancer(this.cluster.seeds().get(0));
			this.dynamoDb = Clients.loadBalanced(this.loadBalancer);
		}
		Clients.createTable(this.dynamoDb, TABLE);
	}

	@Benchmark
	public Object getItem() {
		return this.dynamoDb.getItem((get) -> get.tableName(TABLE).key(Clients.KEY));
	}

	/**
	 * Overwrites one item, so that writes are measured next to reads on the same path.
	 * @return the response, consumed by JMH
	 */
	@Benchmark
	public Object putItem() {
		return this.dynamoDb.putItem((put) -> put.tableName(TABLE).item(Clients.ITEM));
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.dynamoDb.close();
		if (this.loadBalancer != null) {
			this.loadBalancer.close();
		}
		this.cluster.close();
	}

}
