package dev.alternator.benchmarks;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A closed-loop GetItem load: a fixed number of threads, each sending its next request as soon as the previous one is
 * answered, for a warm-up and then a measured stretch.
 */
final class GetItemLoad {

	private GetItemLoad() {
	}

	/**
	 * Runs the load and returns what the measured stretch achieved.
	 * @param atMeasureStart runs between warm-up and measurement, for example to reset the nodes' counters
	 */
	static Result run(DynamoDbClient client, String table, int threads, Duration warmUp, Duration measure,
			Runnable atMeasureStart) throws InterruptedException {
		LongAdder succeeded = new LongAdder();
		LongAdder failed = new LongAdder();
		AtomicBoolean running = new AtomicBoolean(true);
		ExecutorService workers = Executors.newFixedThreadPool(threads);
		for (int i = 0; i < threads; i++) {
			workers.execute(() -> {
				while (running.get()) {
					try {
						client.getItem((get) -> get.tableName(table).key(Clients.KEY));
						succeeded.increment();
					}
					catch (RuntimeException ex) {
						failed.increment();
					}
				}
			});
		}
		Thread.sleep(warmUp.toMillis());
		atMeasureStart.run();
		long succeededBefore = succeeded.sum();
		long failedBefore = failed.sum();
		long started = System.nanoTime();
		Thread.sleep(measure.toMillis());
		long count = succeeded.sum() - succeededBefore;
		long failures = failed.sum() - failedBefore;
		double seconds = (System.nanoTime() - started) / 1e9;
		running.set(false);
		workers.shutdown();
		workers.awaitTermination(30, TimeUnit.SECONDS);
		return new Result(count / seconds, failures);
	}

	/**
	 * Successful requests per second and failed requests of the measured stretch.
	 */
	record Result(double perSecond, long failed) {
	}

}
