package dev.alternator.local.engine.persistence;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import dev.alternator.local.LocalCluster;
import dev.alternator.local.engine.AlternatorEngine;
import dev.alternator.local.engine.EngineResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Measures what persistence costs and how long a restart takes: PutItem throughput with persistence off and
 * on (in the same run, alternating), through the engine directly and through a node with DynamoDbClient; the
 * time to reopen a directory of 100,000 items of about 1 KB from its closing snapshot and from its log alone
 * (what a killed process leaves); the directory's size; and what an fsync per record would cost. Not a test:
 * run it by hand with {@code ./mvnw -q -o -pl alternator-local-cluster test-compile exec:java -Dexec.skip=false
 * -Dexec.classpathScope=test -Dexec.mainClass=dev.alternator.local.engine.persistence.PersistenceMeasurement}.
 */
public final class PersistenceMeasurement {

	private static final int RESTART_ITEMS = 100_000;

	private PersistenceMeasurement() {
	}

	/**
	 * Runs the measurements and prints the results.
	 * @param args ignored
	 * @throws Exception when a measurement fails
	 */
	public static void main(String[] args) throws Exception {
		Path root = Files.createTempDirectory("persistence-measurement");
		try {
			for (int round = 0; round < 2; round++) {
				System.out.printf("engine, 1 thread, 50,000 PutItem of ~1 KB: off %,.0f items/s, on %,.0f items/s%n",
						engineThroughput(null, 50_000), engineThroughput(root.resolve("engine-" + round), 50_000));
			}
			for (int round = 0; round < 2; round++) {
				System.out.printf("node + DynamoDbClient, 4 threads, 20,000 PutItem of ~1 KB: off %,.0f items/s, "
						+ "on %,.0f items/s%n", nodeThroughput(null, 20_000),
						nodeThroughput(root.resolve("node-" + round), 20_000));
			}
			restart(root.resolve("restart"));
			fsyncCost(root.resolve("fsync"));
		}
		finally {
			delete(root);
		}
	}

	private static double engineThroughput(Path directory, int items) {
		AlternatorEngine engine = (directory != null) ? AlternatorEngine.create(directory) : AlternatorEngine.create();
		try {
			execute(engine, "CreateTable", createTable("measured"));
			for (int i = 0; i < 5_000; i++) {
				execute(engine, "PutItem", putItem("measured", "warm" + i));
			}
			long started = System.nanoTime();
			for (int i = 0; i < items; i++) {
				execute(engine, "PutItem", putItem("measured", "k" + i));
			}
			return items / ((System.nanoTime() - started) / 1e9);
		}
		finally {
			engine.close();
		}
	}

	private static double nodeThroughput(Path directory, int items) throws InterruptedException {
		try (LocalCluster cluster = LocalCluster.builder().node("dc1", "rack1").dataDirectory(directory).start()) {
			URI endpoint = cluster.node(0).endpoint();
			try (DynamoDbClient client = CrashWriter.client(endpoint)) {
				client.createTable((request) -> request.tableName("measured")
					.keySchema((k) -> k.attributeName("id").keyType("HASH"))
					.attributeDefinitions((a) -> a.attributeName("id").attributeType("S"))
					.billingMode("PAY_PER_REQUEST"));
				for (int i = 0; i < 2_000; i++) {
					String key = "warm" + i;
					client.putItem((put) -> put.tableName("measured").item(Map.of("id", CrashWriter.s(key), "payload",
							CrashWriter.s(CrashWriter.payload(key)))));
				}
			}
			AtomicInteger next = new AtomicInteger();
			List<Thread> threads = new ArrayList<>();
			long started = System.nanoTime();
			for (int t = 0; t < 4; t++) {
				Thread thread = new Thread(() -> {
					try (DynamoDbClient client = CrashWriter.client(endpoint)) {
						for (int i = next.getAndIncrement(); i < items; i = next.getAndIncrement()) {
							String key = "k" + i;
							client.putItem((put) -> put.tableName("measured").item(Map.of("id", CrashWriter.s(key), "payload",
									CrashWriter.s(CrashWriter.payload(key)))));
						}
					}
				});
				thread.start();
				threads.add(thread);
			}
			for (Thread thread : threads) {
				thread.join();
			}
			return items / ((System.nanoTime() - started) / 1e9);
		}
	}

	private static void restart(Path directory) throws IOException {
		Path crashImage = directory.resolveSibling("restart-crash-image");
		AlternatorEngine engine = AlternatorEngine.create(directory);
		execute(engine, "CreateTable", createTable("measured"));
		for (int i = 0; i < RESTART_ITEMS; i++) {
			execute(engine, "PutItem", putItem("measured", "k" + i));
		}
		// What a process killed now would leave: the log, not yet replaced by a snapshot (the threshold is 64 MB,
		// so a snapshot may already hold part of it).
		Files.createDirectories(crashImage);
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				if (!file.getFileName().toString().equals("lock")) {
					try {
						Files.copy(file, crashImage.resolve(file.getFileName()));
					}
					catch (java.nio.file.NoSuchFileException ex) {
						// removed by a snapshot meanwhile
					}
				}
			}
		}
		long closing = System.nanoTime();
		engine.close();
		System.out.printf("close (writes the snapshot): %d ms%n", (System.nanoTime() - closing) / 1_000_000);
		for (Path path : List.of(directory, crashImage)) {
			for (int round = 0; round < 3; round++) {
				long started = System.nanoTime();
				AlternatorEngine reopened = AlternatorEngine.create(path);
				long millis = (System.nanoTime() - started) / 1_000_000;
				String count = new String(execute(reopened, "DescribeTable", "{\"TableName\":\"measured\"}").body(),
						StandardCharsets.UTF_8).replaceAll(".*\"ItemCount\":(\\d+).*", "$1");
				System.out.printf("restart with %,d items of ~1 KB from %s: %d ms (%s items), directory %,d bytes%n",
						RESTART_ITEMS, (path == directory) ? "the closing snapshot" : "the log of a killed process",
						millis, count, size(path));
				// Reopened without a write, so the directory stays as it was for the next round.
				reopened.close();
			}
		}
	}

	private static void fsyncCost(Path directory) throws IOException {
		Files.createDirectories(directory);
		byte[] record = LogRecords.end(42);
		byte[] payload = new byte[1100];
		System.arraycopy(record, 0, payload, 0, record.length);
		try (LogWriter writer = LogWriter.create(directory.resolve("plain.log"))) {
			long started = System.nanoTime();
			for (int i = 0; i < 20_000; i++) {
				writer.append(payload);
			}
			System.out.printf("log append of 1.1 KB, written to the OS: %.1f us%n", (System.nanoTime() - started) / 20_000 / 1e3);
		}
		try (LogWriter writer = LogWriter.create(directory.resolve("forced.log"))) {
			long started = System.nanoTime();
			for (int i = 0; i < 500; i++) {
				writer.append(payload);
				writer.force();
			}
			System.out.printf("log append of 1.1 KB + fsync: %.1f us%n", (System.nanoTime() - started) / 500 / 1e3);
		}
	}

	private static EngineResponse execute(AlternatorEngine engine, String operation, String json) {
		EngineResponse response = engine.execute(operation, json.getBytes(StandardCharsets.UTF_8));
		if (response.status() != 200) {
			throw new IllegalStateException(operation + " failed: " + new String(response.body(), StandardCharsets.UTF_8));
		}
		return response;
	}

	private static String createTable(String table) {
		return "{\"TableName\":\"" + table + "\",\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],"
				+ "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],"
				+ "\"BillingMode\":\"PAY_PER_REQUEST\"}";
	}

	private static String putItem(String table, String key) {
		return "{\"TableName\":\"" + table + "\",\"Item\":{\"id\":{\"S\":\"" + key + "\"},\"payload\":{\"S\":\""
				+ CrashWriter.payload(key) + "\"}}}";
	}

	private static long size(Path directory) throws IOException {
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter(Files::isRegularFile).mapToLong((file) -> file.toFile().length()).sum();
		}
	}

	private static void delete(Path root) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
	}

}
