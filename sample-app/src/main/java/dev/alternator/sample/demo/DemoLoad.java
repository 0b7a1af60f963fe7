package dev.alternator.sample.demo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import dev.alternator.client.AlternatorListener;
import dev.alternator.client.AlternatorLoadBalancer;
import dev.alternator.client.AlternatorNode;
import dev.alternator.sample.ProductTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * A steady background load of reads for the failover demo: a few threads, each paced to its share of
 * {@code demo.load.requests-per-second}. Counts the calls that succeeded and failed, and every attempt the load
 * balancer routed, per node. Off unless {@code demo.load.enabled=true} ({@code TestCatalogueApplication} turns it on).
 */
public class DemoLoad implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(DemoLoad.class);

	private static final int THREADS = 8;

	private final ProductTable table;

	private final AlternatorLoadBalancer loadBalancer;

	private final long pauseNanos;

	private final Map<AlternatorNode, LongAdder> attemptsPerNode = new ConcurrentHashMap<>();

	private final LongAdder succeeded = new LongAdder();

	private final LongAdder failed = new LongAdder();

	private final AtomicBoolean running = new AtomicBoolean();

	private volatile Map<AlternatorNode, Long> previous = Map.of();

	private volatile Map<AlternatorNode, Long> perSecond = Map.of();

	private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "demo-load-sampler");
		thread.setDaemon(true);
		return thread;
	});

	private final ExecutorService workers = Executors.newFixedThreadPool(THREADS, (task) -> {
		Thread thread = new Thread(task, "demo-load");
		thread.setDaemon(true);
		return thread;
	});

	private final AlternatorListener counter = new AlternatorListener() {
		@Override
		public void requestRouted(AlternatorNode node, int attempt) {
			DemoLoad.this.attemptsPerNode.computeIfAbsent(node, (key) -> new LongAdder()).increment();
		}
	};

	/**
	 * Creates the load; it starts when the application is ready.
	 * @param table the table to read from
	 * @param loadBalancer the load balancer whose routing is counted
	 * @param requestsPerSecond the target rate of calls
	 */
	public DemoLoad(ProductTable table, AlternatorLoadBalancer loadBalancer, int requestsPerSecond) {
		this.table = table;
		this.loadBalancer = loadBalancer;
		this.pauseNanos = TimeUnit.SECONDS.toNanos(1) * THREADS / Math.max(1, requestsPerSecond);
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (!this.running.compareAndSet(false, true)) {
			return;
		}
		this.loadBalancer.addListener(this.counter);
		for (int i = 0; i < THREADS; i++) {
			int worker = i;
			this.workers.execute(() -> run(worker));
		}
		this.sampler.scheduleAtFixedRate(this::sample, 1, 1, TimeUnit.SECONDS);
		logger.info("Demo load started: {} threads", THREADS);
	}

	private void run(int worker) {
		long call = 0;
		while (this.running.get()) {
			long started = System.nanoTime();
			if (this.table.isReady()) {
				try {
					this.table.get()
						.getItem(Key.builder().partitionValue("demo-" + worker + "-" + (call++ % 100)).build());
					this.succeeded.increment();
				}
				catch (RuntimeException ex) {
					this.failed.increment();
					logger.warn("Demo request failed: {}", ex.getClass().getSimpleName());
				}
			}
			long rest = this.pauseNanos - (System.nanoTime() - started);
			if (rest > 0) {
				try {
					TimeUnit.NANOSECONDS.sleep(rest);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	// Once a second, so that every reader of the rates sees the same last second.
	private void sample() {
		Map<AlternatorNode, Long> now = attemptsPerNode();
		Map<AlternatorNode, Long> rates = new ConcurrentHashMap<>();
		now.forEach((node, count) -> rates.put(node, count - this.previous.getOrDefault(node, 0L)));
		this.previous = now;
		this.perSecond = rates;
	}

	/**
	 * Whether the load runs.
	 * @return {@code true} once started
	 */
	public boolean isRunning() {
		return this.running.get();
	}

	/**
	 * Attempts routed to each node during the last full second.
	 * @return the rates by node
	 */
	public Map<AlternatorNode, Long> attemptsLastSecond() {
		return this.perSecond;
	}

	/**
	 * Attempts routed to each node since the start.
	 * @return the counts by node
	 */
	public Map<AlternatorNode, Long> attemptsPerNode() {
		Map<AlternatorNode, Long> counts = new ConcurrentHashMap<>();
		this.attemptsPerNode.forEach((node, count) -> counts.put(node, count.sum()));
		return counts;
	}

	/**
	 * Calls that succeeded, retries included.
	 * @return the count
	 */
	public long succeeded() {
		return this.succeeded.sum();
	}

	/**
	 * Calls that failed after every retry.
	 * @return the count
	 */
	public long failed() {
		return this.failed.sum();
	}

	@Override
	public void destroy() {
		this.running.set(false);
		this.loadBalancer.removeListener(this.counter);
		this.workers.shutdownNow();
		this.sampler.shutdownNow();
	}

}
