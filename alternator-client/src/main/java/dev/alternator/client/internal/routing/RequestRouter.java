package dev.alternator.client.internal.routing;

import java.util.ArrayList;
import java.util.List;
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
 */
public final class RequestRouter {

	private final NodeRegistry registry;

	private final Listeners listeners;

	private final AtomicInteger next = new AtomicInteger();

	private volatile long lastRequestNanos;

	public RequestRouter(NodeRegistry registry, Listeners listeners) {
		this.registry = registry;
		this.listeners = listeners;
	}

	/**
	 * The node for the next attempt of the call that owns {@code plan} ({@code null} when the call has no plan: the
	 * attempt then gets a plan of its own).
	 * @throws NoLiveNodesException when no node can be routed to
	 */
	public NodeEntry route(CallPlan plan) {
		noteActivity();
		if (plan == null) {
			plan = new CallPlan();
		}
		if (plan.isNew()) {
			plan.begin(this.registry.snapshot(), this.next.getAndIncrement());
		}
		NodeEntry previous = plan.previous();
		NodeEntry entry = plan.next();
		if (entry == null) {
			throw noLiveNodes(plan);
		}
		this.listeners.requestRouted(entry.node, plan.attempts());
		if (previous != null && previous != entry) {
			this.listeners.retryMovedToAnotherNode(previous.node, entry.node);
		}
		return entry;
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
