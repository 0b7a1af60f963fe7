package dev.alternator.benchmarks;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import dev.alternator.client.AlternatorLoadBalancer;
import dev.alternator.local.LocalCluster;
import dev.alternator.local.LocalNode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Soak: mixed GetItem/PutItem load from 8 threads on a 3-node local cluster for a given number of minutes (default
 * 10), killing a random node every 20 s and restarting it 5 s later. Every minute it prints requests, failures,
 * live threads, open file descriptors (sockets included) and heap used after a GC, so growth shows.
 * All traffic stays on loopback.
 */
public final class SoakScenario {

	private static final int THREADS = 8;

	private SoakScenario() {
	}

	/**
	 * Runs the soak.
	 * @param args optional: minutes (default 10)
	 * @throws Exception when the soak cannot run
	 */
	public static void main(String[] args) throws Exception {
		int minutes = (args.length > 0) ? Integer.parseInt(args[0]) : 10;
		try (LocalCluster cluster = LocalCluster.start();
				AlternatorLoadBalancer loadBalancer = Clients.loadBalancer(cluster.seeds().get(0));
				DynamoDbClient client = Clients.loadBalanced(loadBalancer)) {
			Clients.createTable(client, "soak");
			LongAdder succeeded = new LongAdder();
			LongAdder failed = new LongAdder();
			AtomicBoolean running = new AtomicBoolean(true);
			ExecutorService threads = Executors.newFixedThreadPool(THREADS);
			for (int t = 0; t < THREADS; t++) {
				threads.execute(() -> {
					ThreadLocalRandom random = ThreadLocalRandom.current();
					while (running.get()) {
						String id = "k" + random.nextInt(1_000);
						try {
							if (random.nextBoolean()) {
								client.putItem((put) -> put.tableName("soak")
									.item(Map.of("id", AttributeValue.fromS(id), "v", AttributeValue.fromS("x"))));
							}
							else {
								client.getItem((get) -> get.tableName("soak").key(Map.of("id", AttributeValue.fromS(id))));
							}
							succeeded.increment();
						}
						catch (RuntimeException ex) {
							failed.increment();
						}
					}
				});
			}
			long end = System.nanoTime() + Duration.ofMinutes(minutes).toNanos();
			int cycle = 0;
			System.out.println("minute, succeeded, failed, threads, open fds, heap MB after GC");
			while (System.nanoTime() < end) {
				LocalNode victim = cluster.node(ThreadLocalRandom.current().nextInt(cluster.nodes().size()));
				Thread.sleep(15_000);
				victim.kill();
				Thread.sleep(5_000);
				victim.restart();
				if (++cycle % 3 == 0) {
					report(cycle / 3, succeeded.sum(), failed.sum());
				}
			}
			running.set(false);
			threads.shutdown();
			threads.awaitTermination(60, TimeUnit.SECONDS);
			report(-1, succeeded.sum(), failed.sum());
		}
	}

	private static void report(int minute, long succeeded, long failed) {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		long heapMb = memory.getHeapMemoryUsage().getUsed() / (1024 * 1024);
		String[] fds = new File("/proc/self/fd").list();
		System.out.printf("%s, %d, %d, %d, %d, %d%n", (minute < 0) ? "end" : String.valueOf(minute), succeeded, failed,
				Thread.activeCount(), (fds != null) ? fds.length : -1, heapMb);
	}

}
