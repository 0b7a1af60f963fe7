package dev.alternator.spring.autoconfigure;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.alternator.client.AlternatorLoadBalancer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a load balancer's discovery on a thread of its own the first time a client builder needs it, and waits for
 * the first node list at most {@code alternator.discovery.initial-wait} in all: seeds that accept connections but
 * never answer no longer hold the context's refresh for a discovery timeout per seed. A load balancer that no client
 * uses is never started.
 */
final class LoadBalancerStarter {

	private static final Logger logger = LoggerFactory.getLogger(LoadBalancerStarter.class);

	private final Duration initialWait;

	private final Map<AlternatorLoadBalancer, Start> starts = new ConcurrentHashMap<>();

	LoadBalancerStarter(Duration initialWait) {
		this.initialWait = initialWait;
	}

	/**
	 * Starts the load balancer in the background unless already started, then waits for its first discovery round
	 * until the initial wait, counted from the first call, has passed.
	 */
	void start(AlternatorLoadBalancer loadBalancer) {
		Start start = this.starts.computeIfAbsent(loadBalancer, this::launch);
		try {
			// Short: the thread only has to be scheduled. Without it, the client's configure(...) could win the race
			// and run the first discovery round itself, on this thread.
			start.entered.get(1, TimeUnit.SECONDS);
			start.done.get(Math.max(0, start.deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			if (start.warned.compareAndSet(false, true)) {
				logger.warn("Alternator discovery has not reached any seed within {} (alternator.discovery.initial-wait);"
						+ " start-up goes on and discovery continues in the background. Until it answers, calls fail"
						+ " with NoLiveNodesException and the alternator health component is not UP.", this.initialWait);
			}
		}
		catch (ExecutionException ex) {
			// Logged by the start thread; the load balancer's state and health tell the rest.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private Start launch(AlternatorLoadBalancer loadBalancer) {
		Start start = new Start(System.nanoTime() + this.initialWait.toNanos());
		Thread thread = new Thread(() -> {
			try {
				start.entered.complete(null);
				loadBalancer.start();
				start.done.complete(null);
			}
			catch (RuntimeException ex) {
				// Closed while starting (context closed during start-up), or a failure of the first round.
				logger.debug("Alternator load balancer start failed: {}", ex.toString());
				start.done.completeExceptionally(ex);
			}
		}, "alternator-start");
		thread.setDaemon(true);
		thread.start();
		return start;
	}

	private static final class Start {

		private final long deadlineNanos;

		private final CompletableFuture<Void> done = new CompletableFuture<>();

		/** Completed just before the thread calls start(): from then on, a client's own start() call returns at once. */
		private final CompletableFuture<Void> entered = new CompletableFuture<>();

		private final AtomicBoolean warned = new AtomicBoolean();

		Start(long deadlineNanos) {
			this.deadlineNanos = deadlineNanos;
		}

	}

}
