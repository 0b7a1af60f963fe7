package dev.alternator.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Chooses the node for each attempt: round-robin over the live nodes for a call's first attempt, then nodes the call
 * has not tried yet. Lock-free apart from the call's own plan; notes request activity for discovery.
 */
final class RequestRouter {

	private final ClusterNodes nodes;

	private final Listeners listeners;

	private final AtomicInteger next = new AtomicInteger();

	private volatile long lastRequestNanos;

	RequestRouter(ClusterNodes nodes, Listeners listeners) {
		this.nodes = nodes;
		this.listeners = listeners;
	}

	/**
	 * The node for the next attempt of the call that owns {@code plan} ({@code null} when the call has no plan: each
	 * attempt is then simply the next node in turn).
	 * @throws NoLiveNodesException when no node is live
	 */
	AlternatorNode route(CallPlan plan) {
		noteActivity();
		AlternatorNode[] live = this.nodes.live();
		if (live.length == 0) {
			throw noLiveNodes(plan);
		}
		int start = this.next.getAndIncrement();
		if (plan == null) {
			// No plan (a custom auth scheme provider): a one-attempt plan gives the same load-aware choice.
			plan = new CallPlan();
		}
		AtomicInteger[] inFlight = this.nodes.liveInFlight();
		AlternatorNode previous = plan.previous();
		AlternatorNode[] affinityRing = plan.routesByKeys() ? this.nodes.affinityRing() : null;
		AlternatorNode node = plan.next(live, (inFlight.length == live.length) ? inFlight : null, start, affinityRing);
		int attempt = plan.attempts();
		this.listeners.requestRouted(node, attempt);
		if (previous != null && !previous.equals(node)) {
			this.listeners.retryMovedToAnotherNode(previous, node);
		}
		return node;
	}

	/**
	 * When a request last asked for a node, in {@link System#nanoTime()} terms.
	 */
	long lastRequestNanos() {
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
		List<AlternatorNode> tried = new ArrayList<>((plan != null) ? plan.triedNodes() : List.of());
		for (AlternatorNode node : this.nodes.listed()) {
			if (!tried.contains(node)) {
				tried.add(node);
			}
		}
		String message = tried.isEmpty()
				? "No Alternator node is known in " + this.nodes.activeScope().describe()
						+ ": discovery has not reached any seed yet; check alternator seeds and that the nodes are up"
				: "No live Alternator node in " + this.nodes.activeScope().describe() + "; nodes down: " + tried
						+ ". They are probed and will take requests again as soon as they answer";
		return new NoLiveNodesException(message, tried);
	}

}
