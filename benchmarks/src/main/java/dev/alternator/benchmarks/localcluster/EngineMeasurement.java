package dev.alternator.benchmarks.localcluster;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;

import dev.alternator.local.engine.AlternatorEngine;
import dev.alternator.local.engine.EngineResponse;

/**
 * Measures the local cluster's engine on its own API, without SDK or HTTP: the heap that 100,000 items of about
 * 1 KB take, and the CPU time of one GetItem and one PutItem (thread CPU time, so that a busy machine does not
 * inflate it; garbage collection runs on other threads and is not counted).
 * <p>
 * Run from the project root:
 * <pre>
 * ./mvnw -B -o -q -pl benchmarks -am package -DskipTests exec:exec \
 *   -Dbenchmark.args="-Xmx1g -cp %classpath dev.alternator.benchmarks.localcluster.EngineMeasurement"
 * </pre>
 */
public final class EngineMeasurement {

	private static final int ITEMS = 100_000;

	private static final int OPERATIONS = 300_000;

	private static final String PADDING = "x".repeat(900);

	private EngineMeasurement() {
	}

	/**
	 * Runs the measurements and prints the results.
	 * @param args none
	 * @throws InterruptedException when interrupted while waiting for the garbage collector
	 */
	public static void main(String[] args) throws InterruptedException {
		AlternatorEngine engine = AlternatorEngine.create();
		call(engine, "CreateTable", "{\"TableName\":\"measured\",\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":"
				+ "\"HASH\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],"
				+ "\"BillingMode\":\"PAY_PER_REQUEST\"}");
		long before = heapAfterGc();
		for (int i = 0; i < ITEMS; i++) {
			call(engine, "PutItem", putItem(i));
		}
		long after = heapAfterGc();
		System.out.printf("heap for %,d items of about 1 KB: %.1f MB (%.0f bytes per item)%n", ITEMS,
				(after - before) / 1e6, (after - before) / (double) ITEMS);
		byte[][] gets = new byte[1000][];
		byte[][] puts = new byte[1000][];
		for (int i = 0; i < gets.length; i++) {
			gets[i] = ("{\"TableName\":\"measured\",\"Key\":{\"id\":{\"S\":\"item-" + (i * 97) + "\"}}}")
				.getBytes(StandardCharsets.UTF_8);
			puts[i] = putItem(i * 97).getBytes(StandardCharsets.UTF_8);
		}
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		for (int round = 1; round <= 5; round++) {
			long start = threads.getCurrentThreadCpuTime();
			for (int i = 0; i < OPERATIONS; i++) {
				engine.execute("GetItem", gets[i % gets.length]);
			}
			long get = threads.getCurrentThreadCpuTime() - start;
			start = threads.getCurrentThreadCpuTime();
			for (int i = 0; i < OPERATIONS; i++) {
				engine.execute("PutItem", puts[i % puts.length]);
			}
			long put = threads.getCurrentThreadCpuTime() - start;
			System.out.printf("round %d: GetItem %.2f us, PutItem (1 KB) %.2f us of engine CPU per call%n", round,
					get / 1e3 / OPERATIONS, put / 1e3 / OPERATIONS);
		}
	}

	private static String putItem(int i) {
		return "{\"TableName\":\"measured\",\"Item\":{\"id\":{\"S\":\"item-" + i + "\"},\"n\":{\"N\":\"" + i
				+ "\"},\"a\":{\"S\":\"" + PADDING + "\"},\"m\":{\"M\":{\"k\":{\"S\":\"v\"}}}}}";
	}

	private static void call(AlternatorEngine engine, String operation, String body) {
		EngineResponse response = engine.execute(operation, body.getBytes(StandardCharsets.UTF_8));
		if (response.status() != 200) {
			throw new IllegalStateException(operation + " failed: " + response.bodyAsString());
		}
	}

	private static long heapAfterGc() throws InterruptedException {
		Runtime runtime = Runtime.getRuntime();
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(200);
		}
		return runtime.totalMemory() - runtime.freeMemory();
	}

}
