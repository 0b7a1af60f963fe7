package dev.alternator.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import dev.alternator.client.AlternatorLoadBalancer;
import dev.alternator.client.Compression;
import dev.alternator.local.LocalCluster;
import dev.alternator.local.RecordedRequest;
import dev.alternator.local.RequestRecording;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Bytes on the wire per request, and throughput, with request compression, response compression and header trimming
 * off and on, in one run: a 3-node local cluster that enforces SigV4 (so requests carry their real signature headers),
 * and two load-balanced clients that differ only in those three settings.
 * <p>
 * Bytes are counted by the nodes ({@link LocalCluster#recordRequests()}): request line, headers and body as received,
 * status line, headers and body as sent, per PutItem and GetItem of a 1 KB and a 10 KB item of English-like text.
 * Throughput is measured in turns (off, on, on, off, ...) with a mix of the four calls per thread, and given as the
 * median on/off ratio over the rounds. On loopback the network costs nothing, so the ratio shows the CPU price of the
 * savings, not their benefit on a real network.
 * <p>
 * Arguments: {@code rounds} (default 6), {@code milliseconds per turn} (default 3000).
 */
public final class WireBytesScenario {

	private static final String TABLE = "wire";

	private static final int SAMPLES = 200;

	private WireBytesScenario() {
	}

	/**
	 * Runs the measurement and prints its table.
	 * @param args rounds, milliseconds per turn
	 * @throws Exception when it cannot run
	 */
	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 6;
		long turnMillis = (args.length > 1) ? Long.parseLong(args[1]) : 3000;
		Map<String, AttributeValue> small = item("small", 1024);
		Map<String, AttributeValue> large = item("large", 10 * 1024);
		// The benchmark clients' credentials: every request carries a real SigV4 signature the nodes check.
		try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 3).credentials("alternator", "secret")
			.start();
				AlternatorLoadBalancer offBalancer = AlternatorLoadBalancer.builder().seeds(cluster.seeds()).build();
				AlternatorLoadBalancer onBalancer = AlternatorLoadBalancer.builder()
					.seeds(cluster.seeds())
					.requestCompression(Compression.GZIP, 1024)
					.responseCompression(true)
					.trimHeaders(true)
					.build();
				DynamoDbClient off = Clients.loadBalanced(offBalancer);
				DynamoDbClient on = Clients.loadBalanced(onBalancer)) {
			Clients.createTable(off, TABLE);
			List<Call> calls = List.of(
					new Call("PutItem 1 KB", (client) -> client.putItem((put) -> put.tableName(TABLE).item(small))),
					new Call("PutItem 10 KB", (client) -> client.putItem((put) -> put.tableName(TABLE).item(large))),
					new Call("GetItem 1 KB", (client) -> client.getItem((get) -> get.tableName(TABLE)
						.key(Map.of("id", small.get("id"))))),
					new Call("GetItem 10 KB", (client) -> client.getItem((get) -> get.tableName(TABLE)
						.key(Map.of("id", large.get("id"))))));
			calls.forEach((call) -> call.run.accept(off));
			System.out.println("Bytes on the wire per call (mean of " + SAMPLES + ", counted at the nodes; SigV4 on)");
			System.out.println(String.format(Locale.ROOT, "%-14s | %9s %9s | %9s %9s | %7s %7s", "call",
					"req off", "req on", "resp off", "resp on", "req %", "resp %"));
			for (Call call : calls) {
				double[] offBytes = bytesPerCall(cluster, off, call);
				double[] onBytes = bytesPerCall(cluster, on, call);
				System.out.println(String.format(Locale.ROOT, "%-14s | %9.0f %9.0f | %9.0f %9.0f | %6.0f%% %6.0f%%",
						call.name, offBytes[0], onBytes[0], offBytes[1], onBytes[1],
						100 * (onBytes[0] - offBytes[0]) / offBytes[0], 100 * (onBytes[1] - offBytes[1]) / offBytes[1]));
			}
			Consumer<DynamoDbClient> mix = (client) -> calls.forEach((call) -> call.run.accept(client));
			for (int threads : new int[] { 1, 16 }) {
				throughput(threads, rounds, turnMillis, off, on, mix);
			}
		}
	}

	/**
	 * Mean request and response bytes of one call, over {@link #SAMPLES} calls.
	 */
	private static double[] bytesPerCall(LocalCluster cluster, DynamoDbClient client, Call call) {
		try (RequestRecording recording = cluster.recordRequests()) {
			for (int i = 0; i < SAMPLES; i++) {
				call.run.accept(client);
			}
			List<RecordedRequest> requests = recording.apiRequests();
			double request = requests.stream().mapToLong(RecordedRequest::requestBytes).average().orElse(0);
			double response = requests.stream().mapToLong(RecordedRequest::responseBytes).average().orElse(0);
			return new double[] { request, response };
		}
	}

	private static void throughput(int threads, int rounds, long turnMillis, DynamoDbClient off, DynamoDbClient on,
			Consumer<DynamoDbClient> mix) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			for (int i = 0; i < 6; i++) {
				turn(pool, threads, 1000, (i % 2 == 0) ? off : on, mix);
			}
			double[] ratios = new double[rounds];
			double offTotal = 0;
			double onTotal = 0;
			for (int round = 0; round < rounds; round++) {
				double offRate;
				double onRate;
				if (round % 2 == 0) {
					offRate = turn(pool, threads, turnMillis, off, mix);
					onRate = turn(pool, threads, turnMillis, on, mix);
				}
				else {
					onRate = turn(pool, threads, turnMillis, on, mix);
					offRate = turn(pool, threads, turnMillis, off, mix);
				}
				ratios[round] = onRate / offRate;
				offTotal += offRate;
				onTotal += onRate;
			}
			Arrays.sort(ratios);
			System.out.println(String.format(Locale.ROOT,
					"%2d threads: off %,8.0f mixes/s, on %,8.0f mixes/s (means); on/off median %.3f, range %.3f-%.3f"
							+ " over %d rounds", threads, offTotal / rounds, onTotal / rounds, ratios[rounds / 2],
					ratios[0], ratios[rounds - 1], rounds));
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * Runs the mix on every thread for the given time; returns mixes per second.
	 */
	private static double turn(ExecutorService pool, int threads, long millis, DynamoDbClient client,
			Consumer<DynamoDbClient> mix) throws Exception {
		AtomicBoolean stop = new AtomicBoolean();
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Long>> counts = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			counts.add(pool.submit(() -> {
				start.await();
				long done = 0;
				while (!stop.get()) {
					mix.accept(client);
					done++;
				}
				return done;
			}));
		}
		long begin = System.nanoTime();
		start.countDown();
		Thread.sleep(millis);
		stop.set(true);
		long total = 0;
		for (Future<Long> count : counts) {
			total += count.get();
		}
		return total / ((System.nanoTime() - begin) / 1e9);
	}

	/**
	 * An item whose value is about {@code bytes} of English-like words: compresses about as well as real text
	 * attributes, unlike a repeated character.
	 */
	private static Map<String, AttributeValue> item(String id, int bytes) {
		String[] words = { "alternator", "node", "request", "the", "of", "cluster", "rack", "datacenter", "item",
				"partition", "key", "value", "compression", "header", "signature", "scylla", "table", "order",
				"customer", "shipping", "address", "street", "city", "total", "price", "quantity" };
		Random random = new Random(bytes);
		StringBuilder text = new StringBuilder(bytes + 16);
		while (text.length() < bytes) {
			text.append(words[random.nextInt(words.length)]).append(random.nextInt(10) == 0 ? ". " : " ");
			if (random.nextInt(8) == 0) {
				text.append(random.nextInt(100_000)).append(' ');
			}
		}
		text.setLength(bytes);
		return Map.of("id", AttributeValue.fromS(id), "v", AttributeValue.fromS(text.toString()));
	}

	private record Call(String name, Consumer<DynamoDbClient> run) {
	}

}
