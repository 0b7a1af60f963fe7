package dev.alternator.client.internal.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import dev.alternator.client.AlternatorNode;
import dev.alternator.client.NoLiveNodesException;
import dev.alternator.client.internal.node.Listeners;
import dev.alternator.client.internal.node.NodeEntry;
import dev.alternator.client.internal.node.NodeRegistry;
import dev.alternator.client.internal.node.NodeSet;

/**
 * Gives each attempt its node from the call's {@link CallPlan}: a call draws one round-robin turn and one node set at
 * its first attempt, and its retries go on from there, so a retry takes no turn from other calls. Lock-free; notes
 * request activity for discovery.
 * <p>
 * <b>When no node is left.</b> A call that finds no admitted node in its whole fallback chain while some nodes are
 * down (and so probed: with no node up, every down node is probed at once and then at the plain probe interval) does
 * not fail at once: it waits, at most once per call and at most the discovery timeout, for the registry's next
 * transition of a node to UP, then routes to the node that came up; if none does in time it fails with the same
 * {@link NoLiveNodesException} as before. The window this closes: the last up node dies while another node has
 * already come back but is still marked down, and calls made before that node's probe reports (a round trip,
 * longer under load) would fail although it answers. The alternative, sending the attempt to a down node as a last
 * resort (as OkHttp retries failed routes), was not chosen: a down node is usually down, so the attempt would mostly
 * cost a connect timeout or, for a hung node, a read timeout, and its failure would reach the application as an I/O
 * error instead of {@link NoLiveNodesException}; the probe is the one check whose deadline is short and known, and
 * waiting for it keeps "a node takes requests only after it answered" true. The SDK's own timeouts still hold: a
 * synchronous call interrupted by its attempt or call timeout stops waiting at once, an asynchronous one waits
 * without holding a thread. Nothing of this runs while a node is routable: the normal path takes no lock and
 * allocates nothing more.
 */
public final class RequestRouter {

	private final NodeRegistry registry;

	private final Listeners listeners;

	private final AtomicInteger next = new AtomicInteger();

	private volatile long lastRequestNanos;

	/** How long a call that finds no node may wait for one to come up; zero to fail at once. */
	private final long nodeWaitNanos;

	/**
	 * A router whose calls never wait for a node to come up.
	 */
	public RequestRouter(NodeRegistry registry, Listeners listeners) {
		this(registry, listeners, Duration.ZERO);
	}

	/**
	 * @param nodeWait how long a call that finds no node may wait for a down node to come up (the discovery timeout)
	 */
	public RequestRouter(NodeRegistry registry, Listeners listeners, Duration nodeWait) {
		this.registry = registry;
		this.listeners = listeners;
		this.nodeWaitNanos = nodeWait.toNanos();
	}

	/**
	 * The node for the next attempt of the call that owns {@code plan} ({@code null} when the call has no plan: the
	 * attempt then gets a plan of its own). When no node is left but a down node may come back, blocks until one
	 * does, at most the wait given to the constructor (see the class comment).
	 * @throws NoLiveNodesException when no node can be routed to
	 */
	public NodeEntry route(CallPlan plan) {
		if (plan == null) {
			plan = new CallPlan();
		}
		NodeEntry previous = plan.previous();
		NodeEntry entry = next(plan);
		if (entry == null) {
			entry = awaitNode(plan);
		}
		return routed(plan, previous, entry);
	}

	/**
	 * Like {@link #route(CallPlan)}, but never blocks: {@code null} when the call must wait for a node to come up,
	 * which {@link #awaitRoute(CallPlan)} then does without holding a thread.
	 * @throws NoLiveNodesException when no node can be routed to and none is worth waiting for
	 */
	public NodeEntry routeNow(CallPlan plan) {
		NodeEntry previous = plan.previous();
		NodeEntry entry = next(plan);
		if (entry == null) {
			if (!startWaiting(plan)) {
				throw noLiveNodes(plan);
			}
			return null;
		}
		return routed(plan, previous, entry);
	}

	/**
	 * The node for the attempt that {@link #routeNow(CallPlan)} could not route, once a node came up; fails with
	 * {@link NoLiveNodesException} when none did within the wait. Continuations run off the registry's admin thread.
	 */
	public CompletableFuture<NodeEntry> awaitRoute(CallPlan plan) {
		return awaitAsync(plan, plan.previous(), System.nanoTime() + this.nodeWaitNanos);
	}

	private CompletableFuture<NodeEntry> awaitAsync(CallPlan plan, NodeEntry previous, long deadline) {
		CompletableFuture<Void> up = this.registry.nextUp();
		plan.replan(this.registry.snapshot());
		NodeEntry entry = plan.next();
		if (entry != null) {
			return CompletableFuture.completedFuture(routed(plan, previous, entry));
		}
		long remaining = deadline - System.nanoTime();
		if (remaining <= 0) {
			return CompletableFuture.failedFuture(noLiveNodes(plan));
		}
		// A copy: the registry's future is shared by every waiter, and a timeout must not complete it.
		return up.copy()
			.completeOnTimeout(null, remaining, TimeUnit.NANOSECONDS)
			.thenComposeAsync((ignored) -> awaitAsync(plan, previous, deadline));
	}

	private NodeEntry next(CallPlan plan) {
		noteActivity();
		if (plan.isNew()) {
			plan.begin(this.registry.snapshot(), this.next.getAndIncrement());
		}
		return plan.next();
	}

	private NodeEntry routed(CallPlan plan, NodeEntry previous, NodeEntry entry) {
		this.listeners.requestRouted(entry.node, plan.attempts());
		if (previous != null && previous != entry) {
			this.listeners.retryMovedToAnotherNode(previous.node, entry.node);
		}
		return entry;
	}

	/**
	 * Waits, blocking, for a node to come up and returns it; see the class comment.
	 * @throws NoLiveNodesException when no node came up in time, or waiting is not worth it
	 */
	private NodeEntry awaitNode(CallPlan plan) {
		if (!startWaiting(plan)) {
			throw noLiveNodes(plan);
		}
		long deadline = System.nanoTime() + this.nodeWaitNanos;
		while (true) {
			// The signal before the set: a node that comes up after this set was published completes this signal.
			CompletableFuture<Void> up = this.registry.nextUp();
			plan.replan(this.registry.snapshot());
			NodeEntry entry = plan.next();
			if (entry != null) {
				return entry;
			}
			long remaining = deadline - System.nanoTime();
			if (remaining <= 0) {
				throw noLiveNodes(plan);
			}
			try {
				up.get(remaining, TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				// The SDK's attempt or call timeout interrupts the thread: stop waiting, keep the interrupt for it.
				Thread.currentThread().interrupt();
				throw noLiveNodes(plan);
			}
			catch (ExecutionException | TimeoutException ex) {
				// Look once more, then fail when the time is up.
			}
		}
	}

	/**
	 * Whether the call may wait for a node: waiting is on, the call has not waited yet, the scope is known, and some
	 * node is down, so that a probe may bring it back.
	 */
	private boolean startWaiting(CallPlan plan) {
		NodeSet nodes = this.registry.snapshot();
		return this.nodeWaitNanos > 0 && !nodes.down.isEmpty() && nodes.status.unknownScope == null
				&& plan.startWaiting();
	}

	/**
	 * When a request last asked for a node, in {@link System#nanoTime()} terms.
	 */
	public long lastRequestNanos() {
		return this.lastRequestNanos;
	}

	private void noteActivity() {
		long now = System.nanoTime();
		// Writing a shared field on every request would make cores fight over its cache line: a millisecond is enough.
		if (now - this.lastRequestNanos > 1_000_000L) {
			this.lastRequestNanos = now;
		}
	}

	private NoLiveNodesException noLiveNodes(CallPlan plan) {
		NodeSet nodes = this.registry.snapshot();
		List<AlternatorNode> tried = new ArrayList<>(plan.triedNodes());
		for (AlternatorNode node : nodes.down) {
			if (!tried.contains(node)) {
				tried.add(node);
			}
		}
		String scope = this.registry.chain().get(0).describe();
		if (nodes.status.unknownScope != null) {
			return new NoLiveNodesException("No Alternator node to route to in " + scope + ": "
					+ nodes.status.unknownScope + ". Fallback is off, so requests are not sent outside " + scope
					+ "; check alternator datacenter and rack (names match exactly), or turn fallback on.", tried);
		}
		String error = (nodes.status.lastError != null) ? " Last discovery problem: " + nodes.status.lastError : "";
		String message = tried.isEmpty()
				? "No Alternator node is known in " + scope + " nor in its fallback scopes; check alternator seeds and"
						+ " that the nodes are up." + error
				: "No live Alternator node in " + scope + " nor in its fallback scopes; nodes down: " + tried
						+ ". They are probed and will take requests again as soon as they answer." + error;
		return new NoLiveNodesException(message, tried);
	}

}
