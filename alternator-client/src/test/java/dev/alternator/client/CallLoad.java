package dev.alternator.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Threads that send {@code GetItem} calls through one client until stopped, counting successes and keeping every
 * failure with the time it happened, so that a test can say which calls failed and why.
 */
final class CallLoad implements AutoCloseable {

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final AtomicInteger succeeded = new AtomicInteger();

	private final AtomicLong worstNanos = new AtomicLong();

	private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

	private final ExecutorService threads;

	private final List<Future<?>> workers = new ArrayList<>();

	private final long startNanos = System.nanoTime();

	private CallLoad(DynamoDbClient client, String table, int threadCount) {
		this.threads = Executors.newFixedThreadPool(threadCount);
		for (int t = 0; t < threadCount; t++) {
			int thread = t;
			this.workers.add(this.threads.submit(() -> {
				int i = 0;
				while (this.running.get()) {
					String id = "t" + thread + "-" + (i++ % 20);
					long start = System.nanoTime();
					try {
						client.getItem((get) -> get.tableName(table).key(TestClients.key(id)));
						this.succeeded.incrementAndGet();
					}
					catch (RuntimeException ex) {
						this.failures.add(String.format("at %d ms: %s", elapsedMillis(), ex));
					}
					long took = System.nanoTime() - start;
					this.worstNanos.accumulateAndGet(took, Math::max);
				}
			}));
		}
	}

	static CallLoad start(DynamoDbClient client, String table, int threads) {
		return new CallLoad(client, table, threads);
	}

	long elapsedMillis() {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - this.startNanos);
	}

	int succeeded() {
		return this.succeeded.get();
	}

	List<String> failures() {
		synchronized (this.failures) {
			return new ArrayList<>(this.failures);
		}
	}

	long worstMillis() {
		return TimeUnit.NANOSECONDS.toMillis(this.worstNanos.get());
	}

	/**
	 * Waits until at least {@code more} further calls succeeded, or {@code maxMillis} passed.
	 */
	void awaitMoreSuccesses(int more, long maxMillis) throws InterruptedException {
		int target = this.succeeded.get() + more;
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
		while (this.succeeded.get() < target && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
	}

	String summary() {
		List<String> all = failures();
		return this.succeeded.get() + " calls succeeded, " + all.size() + " failed"
				+ (all.isEmpty() ? "" : "; first: " + all.subList(0, Math.min(3, all.size())));
	}

	@Override
	public void close() throws Exception {
		this.running.set(false);
		for (Future<?> worker : this.workers) {
			worker.get(60, TimeUnit.SECONDS);
		}
		this.threads.shutdown();
	}

}
