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
 * answered, until stopped. The scenarios run it in the background while they kill, hang or add nodes;
 * {@link #run} measures a warm-up and then a measured stretch.
 */
final class GetItemLoad {

	private final DynamoDbClient client;

	private final String table;

	private final LongAdder succeeded = new LongAdder();

	private final LongAdder failed = new LongAdder();

	private final AtomicBoolean running = new AtomicBoolean(true);

	private ExecutorService workers;

	/**
	 * A load that has not started yet, so that its counters can be handed to whatever samples them first.
	 */
	GetItemLoad(DynamoDbClient client, String table) {
		this.client = client;
		this.table = table;
	}

	/**
	 * Runs the load and returns what the measured stretch achieved.
	 * @param atMeasureStart runs between warm-up and measurement, for example to reset the nodes' counters
	 */
	static Result run(DynamoDbClient client, String table, int threads, Duration warmUp, Duration measure,
			Runnable atMeasureStart) throws InterruptedException {
		GetItemLoad load = new GetItemLoad(client, table);
		load.start(threads, null);
		Thread.sleep(warmUp.toMillis());
		atMeasureStart.run();
		long succeededBefore = load.succeeded.sum();
		long failedBefore = load.failed.sum();
		long started = System.nanoTime();
		Thread.sleep(measure.toMillis());
		long count = load.succeeded.sum() - succeededBefore;
		long failures = load.failed.sum() - failedBefore;
		double seconds = (System.nanoTime() - started) / 1e9;
		load.stop(Duration.ofSeconds(30));
		return new Result(count / seconds, failures);
	}

	/**
	 * Starts the threads.
	 * @param threads how many requests are in flight at once
	 * @param latencies told of every successful request, or {@code null} when the latencies are not wanted (then
	 * the threads take no time stamps)
	 */
	void start(int threads, Latencies latencies) {
		this.workers = Executors.newFixedThreadPool(threads);
		for (int i = 0; i < threads; i++) {
			this.workers.execute(() -> {
				while (this.running.get()) {
					long started = (latencies != null) ? System.nanoTime() : 0;
					try {
						this.client.getItem((get) -> get.tableName(this.table).key(Clients.KEY));
						this.succeeded.increment();
						if (latencies != null) {
							latencies.succeeded(started, System.nanoTime() - started);
						}
					}
					catch (RuntimeException ex) {
						this.failed.increment();
					}
				}
			});
		}
	}

	/**
	 * Stops the threads and waits for the requests in flight.
	 * @param await how long to wait for them
	 */
	void stop(Duration await) throws InterruptedException {
		this.running.set(false);
		this.workers.shutdown();
		this.workers.awaitTermination(await.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** The requests that succeeded so far. */
	LongAdder succeeded() {
		return this.succeeded;
	}

	/** The requests that failed so far (the application saw an exception). */
	LongAdder failed() {
		return this.failed;
	}

	/**
	 * Successful requests per second and failed requests of the measured stretch.
	 */
	record Result(double perSecond, long failed) {
	}

	/**
	 * Receives the latency of each successful request.
	 */
	@FunctionalInterface
	interface Latencies {

		/**
		 * One request succeeded.
		 * @param startedNanos {@link System#nanoTime()} when it was sent
		 * @param elapsedNanos how long it took
		 */
		void succeeded(long startedNanos, long elapsedNanos);

	}

}
