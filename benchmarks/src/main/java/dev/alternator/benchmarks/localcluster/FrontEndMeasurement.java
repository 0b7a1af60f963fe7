package dev.alternator.benchmarks.localcluster;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import dev.alternator.local.LocalCluster;
import dev.alternator.local.engine.AlternatorEngine;
import dev.alternator.local.engine.EngineResponse;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * Measures what the local cluster's nodes cost on top of its engine: the start-up time of a three-node cluster in
 * this (fresh) JVM, GetItem throughput through the three nodes with 16 client threads (the SDK's own client)
 * against the same calls made on the engine's own API ({@link AlternatorEngine#execute(String, byte[])}, no SDK,
 * no HTTP), and the latency one thread sees each way. The difference is what the SDK, HTTP and the node add.
 * <p>
 * Run from the project root (arguments: seconds per throughput run, latency samples):
 * <pre>
 * ./mvnw -B -o -q -pl benchmarks -am package -DskipTests exec:exec \
 *   -Dbenchmark.args="-cp %classpath dev.alternator.benchmarks.localcluster.FrontEndMeasurement 10 5000"
 * </pre>
 */
public final class FrontEndMeasurement {

	private static final String TABLE = "frontend";

	private static final int THREADS = 16;

	private static final Map<String, AttributeValue> KEY = Map.of("id", AttributeValue.fromS("k"));

	private static final byte[] GET_ITEM = ("{\"TableName\":\"" + TABLE + "\",\"Key\":{\"id\":{\"S\":\"k\"}}}")
		.getBytes(StandardCharsets.UTF_8);

	private FrontEndMeasurement() {
	}

	/**
	 * Runs every measurement once and prints the results.
	 * @param args optional: seconds per throughput run (default 10), latency samples (default 5000)
	 * @throws InterruptedException when interrupted
	 */
	public static void main(String[] args) throws InterruptedException {
		int seconds = (args.length > 0) ? Integer.parseInt(args[0]) : 10;
		int samples = (args.length > 1) ? Integer.parseInt(args[1]) : 5000;
		long started = System.nanoTime();
		try (LocalCluster cluster = LocalCluster.start()) {
			System.out.printf("start-up of a 3-node cluster in a fresh JVM: %d ms%n",
					(System.nanoTime() - started) / 1_000_000);
			List<DynamoDbClient> nodeClients = new ArrayList<>();
			cluster.nodes().forEach((node) -> nodeClients.add(client(node.endpoint())));
			createTable(nodeClients.get(0));
			// The engine's own API, on an engine of its own holding the same table and item.
			AlternatorEngine engine = AlternatorEngine.create();
			createTable(engine);
			List<Runnable> viaNodeCalls = new ArrayList<>();
			GetItemRequest request = GetItemRequest.builder().tableName(TABLE).key(KEY).build();
			nodeClients.forEach((client) -> viaNodeCalls.add(() -> client.getItem(request)));
			Runnable engineCall = () -> call(engine, "GetItem", GET_ITEM);
			try {
				// Warm up both paths (JIT, connection pools) before measuring either.
				throughput(viaNodeCalls, seconds / 2 + 1);
				throughput(List.of(engineCall), seconds / 2 + 1);
				double viaNodes = throughput(viaNodeCalls, seconds);
				double direct = throughput(List.of(engineCall), seconds);
				System.out.printf("GetItem/s, %d threads, through 3 nodes: %.0f; on the engine's own API: %.0f%n",
						THREADS, viaNodes, direct);
				latency(viaNodeCalls.get(0), samples);
				latency(engineCall, samples);
				double[] node = latency(viaNodeCalls.get(0), samples);
				double[] straight = latency(engineCall, samples);
				System.out.printf("GetItem latency, 1 thread (mean / p50 / p99 ms): through a node %.3f / %.3f / %.3f;"
						+ " engine API %.3f / %.3f / %.3f%n", node[0], node[1], node[2], straight[0], straight[1],
						straight[2]);
				System.out.printf("added by the SDK, HTTP and the node: mean %.3f ms, p50 %.3f ms%n",
						node[0] - straight[0], node[1] - straight[1]);
			}
			finally {
				nodeClients.forEach(DynamoDbClient::close);
			}
		}
	}

	private static DynamoDbClient client(URI endpoint) {
		return DynamoDbClient.builder()
			.endpointOverride(endpoint)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
			.httpClientBuilder(ApacheHttpClient.builder().maxConnections(THREADS).socketTimeout(Duration.ofSeconds(30)))
			.build();
	}

	private static void createTable(DynamoDbClient client) {
		client.createTable((request) -> request.tableName(TABLE)
			.keySchema((key) -> key.attributeName("id").keyType("HASH"))
			.attributeDefinitions((attribute) -> attribute.attributeName("id").attributeType("S"))
			.billingMode("PAY_PER_REQUEST"));
		client.putItem((request) -> request.tableName(TABLE)
			.item(Map.of("id", AttributeValue.fromS("k"), "v", AttributeValue.fromS("value"))));
	}

	private static void createTable(AlternatorEngine engine) {
		call(engine, "CreateTable", ("{\"TableName\":\"" + TABLE + "\",\"KeySchema\":[{\"AttributeName\":\"id\","
				+ "\"KeyType\":\"HASH\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],"
				+ "\"BillingMode\":\"PAY_PER_REQUEST\"}").getBytes(StandardCharsets.UTF_8));
		call(engine, "PutItem", ("{\"TableName\":\"" + TABLE + "\",\"Item\":{\"id\":{\"S\":\"k\"},\"v\":{\"S\":\"value\"}}}")
			.getBytes(StandardCharsets.UTF_8));
	}

	private static void call(AlternatorEngine engine, String operation, byte[] body) {
		EngineResponse response = engine.execute(operation, body);
		if (response.status() != 200) {
			throw new IllegalStateException(operation + " failed: " + response.bodyAsString());
		}
	}

	/** Calls/s over the given callers, thread i using caller i modulo their number. */
	private static double throughput(List<Runnable> callers, int seconds) throws InterruptedException {
		LongAdder done = new LongAdder();
		AtomicBoolean running = new AtomicBoolean(true);
		CountDownLatch finished = new CountDownLatch(THREADS);
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < THREADS; i++) {
			Runnable caller = callers.get(i % callers.size());
			threads.add(new Thread(() -> {
				try {
					while (running.get()) {
						caller.run();
						done.increment();
					}
				}
				finally {
					finished.countDown();
				}
			}, "getitem-" + i));
		}
		long start = System.nanoTime();
		threads.forEach(Thread::start);
		Thread.sleep(seconds * 1000L);
		long count = done.sum();
		long elapsed = System.nanoTime() - start;
		running.set(false);
		finished.await();
		return count * 1e9 / elapsed;
	}

	/** Mean, median and 99th percentile in milliseconds of sequential calls. */
	private static double[] latency(Runnable caller, int samples) {
		long[] nanos = new long[samples];
		for (int i = 0; i < samples; i++) {
			long start = System.nanoTime();
			caller.run();
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
		return new double[] { mean, nanos[samples / 2] / 1e6, nanos[samples * 99 / 100] / 1e6 };
	}

}
