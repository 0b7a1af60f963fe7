package dev.alternator.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleConsumer;

import dev.alternator.client.AlternatorLoadBalancer;
import dev.alternator.local.LocalCluster;
import dev.alternator.local.LocalNode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A soak: mixed GetItem/PutItem load from {@value #THREADS} threads on a 3-node local cluster with the default client
 * settings, killing the nodes in turn as the {@link SoakSchedule} says, and reading the JVM's threads, descriptors and
 * heap at fixed times. The load, the kills and the readings all run in this one JVM, so the readings cover the client
 * and the cluster's nodes together. Everything it starts is stopped before {@link #run} returns.
 */
final class Soak {

	static final int THREADS = 8;

	private static final String TABLE = "soak";

	private static final int KEYS = 1_000;

	private Soak() {
	}

	static SoakRun run(SoakSchedule schedule) throws InterruptedException {
		try (LocalCluster cluster = LocalCluster.start();
				AlternatorLoadBalancer loadBalancer = Clients.loadBalancer(cluster.seeds().get(0));
				DynamoDbClient client = Clients.loadBalanced(loadBalancer)) {
			Clients.createTable(client, TABLE);
			LongAdder succeeded = new LongAdder();
			LongAdder failed = new LongAdder();
			AtomicReference<String> firstFailure = new AtomicReference<>();
			AtomicBoolean running = new AtomicBoolean(true);
			ExecutorService workers = Executors.newFixedThreadPool(THREADS);
			for (int t = 0; t < THREADS; t++) {
				workers.execute(() -> {
					ThreadLocalRandom random = ThreadLocalRandom.current();
					while (running.get()) {
						try {
							send(client, random);
							succeeded.increment();
						}
						catch (RuntimeException ex) {
							failed.increment();
							firstFailure.compareAndSet(null, ex.getClass().getName() + ": " + ex.getMessage());
						}
					}
				});
			}
			long start = System.nanoTime();
			List<SoakSample> samples = new ArrayList<>();
			List<Double> kills = new ArrayList<>();
			try {
				new Timeline(schedule, cluster, start).play((seconds) -> samples.add(new SoakSample(seconds,
						succeeded.sum() + failed.sum(), failed.sum(), ProcessResources.read())), kills::add);
			}
			finally {
				running.set(false);
				workers.shutdown();
				workers.awaitTermination(60, TimeUnit.SECONDS);
			}
			return new SoakRun(schedule, List.copyOf(samples), List.copyOf(kills), succeeded.sum(), failed.sum(),
					firstFailure.get());
		}
	}

	private static void send(DynamoDbClient client, ThreadLocalRandom random) {
		AttributeValue id = AttributeValue.fromS("k" + random.nextInt(KEYS));
		if (random.nextBoolean()) {
			client.putItem((put) -> put.tableName(TABLE).item(Map.of("id", id, "v", AttributeValue.fromS("x"))));
		}
		else {
			client.getItem((get) -> get.tableName(TABLE).key(Map.of("id", id)));
		}
	}

	/**
	 * Plays the schedule's events in time order on the calling thread: samples, kills and restarts. One thread for
	 * all of them keeps their order exact; a slow sample (the GC it asks for) delays the next event a little, and the
	 * recorded times are the actual ones.
	 */
	private static final class Timeline {

		private final SoakSchedule schedule;

		private final LocalCluster cluster;

		private final long start;

		Timeline(SoakSchedule schedule, LocalCluster cluster, long start) {
			this.schedule = schedule;
			this.cluster = cluster;
			this.start = start;
		}

		void play(DoubleConsumer sampleTaker, DoubleConsumer killRecorder) throws InterruptedException {
			long end = this.schedule.duration().toNanos();
			long cycle = this.schedule.killEvery().toNanos();
			long down = this.schedule.downFor().toNanos();
			long sampleEvery = this.schedule.sampleEvery().toNanos();
			long nextSample = 0;
			int cycles = 0;
			LocalNode downNode = null;
			while (true) {
				long nextKill = cycles * cycle + cycle - down;
				long nextRestart = (downNode != null) ? cycles * cycle : Long.MAX_VALUE;
				long next = Math.min(nextSample, (downNode != null) ? nextRestart : nextKill);
				if (next > end) {
					return;
				}
				sleepUntil(next);
				if (downNode != null && next == nextRestart) {
					downNode.restart();
					downNode = null;
				}
				else if (downNode == null && next == nextKill) {
					downNode = this.cluster.node(cycles % this.cluster.nodes().size());
					killRecorder.accept(secondsSinceStart());
					downNode.kill();
					cycles++;
				}
				else {
					sampleTaker.accept(secondsSinceStart());
					nextSample += sampleEvery;
				}
			}
		}

		private void sleepUntil(long sinceStart) throws InterruptedException {
			long wait = this.start + sinceStart - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
		}

		private double secondsSinceStart() {
			return (System.nanoTime() - this.start) / 1e9;
		}

	}

}
