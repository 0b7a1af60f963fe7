package dev.alternator.client.internal.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.alternator.client.AlternatorNode;
import dev.alternator.client.internal.affinity.AffinityKeys;
import dev.alternator.client.internal.node.NodeEntry;
import dev.alternator.client.internal.node.NodeSet;

/**
 * The query plan of one SDK call: it takes the node set once, at the call's first attempt, and gives each attempt a
 * node the call has not tried yet, falling through the levels of that set (the configured scope, then each fallback
 * scope, then nodes known but unlisted, then nodes not probed yet) as each is used up. One plan lives as long as its
 * call, and each attempt carries the node the plan chose.
 * <p>
 * Not synchronized: the SDK runs a call's attempts strictly one after the other, and when an asynchronous call moves
 * from thread to thread it does so through futures and executors, which publish this plan's state to the next
 * attempt. Most calls make one attempt, so the list of tried nodes is only allocated for a second one.
 */
public final class CallPlan {

	private static final int MAX_TRACKED = 16;

	/**
	 * How many more in-flight attempts than its rival the turn's node may have before the attempt goes to the rival.
	 * Healthy nodes under even load stay within it; a hung node passes it after a few stuck attempts.
	 */
	public static final int BUSY_MARGIN = 2;

	/** Nodes tried in this round besides {@link #last}; allocated on the second attempt. */
	private NodeEntry[] tried;

	/** How many of {@link #tried} are in use. */
	private int triedCount;

	private int attempts;

	/** The round-robin turn the call drew at its first attempt. */
	private int start;

	/** The node set read at the first attempt; every attempt of the call plans from it. */
	private NodeSet nodes;

	/** The node of the latest attempt; {@code null} before the first one. */
	private NodeEntry last;

	/** Whether {@link #last} counts as tried in this round. */
	private boolean lastTried;

	private AffinityKeys affinityKeys;

	/** Whether the call already waited for a node to come up; it waits at most once. */
	private boolean waited;

	private NodeEntry[] affinityOrder;

	/**
	 * Whether the call has not made an attempt yet (and so needs a turn and a node set).
	 */
	public boolean isNew() {
		return this.nodes == null;
	}

	/**
	 * Fixes the call's node set and turn; called once, before the first {@link #next()}.
	 */
	public void begin(NodeSet nodes, int start) {
		this.nodes = nodes;
		this.start = start;
	}

	/**
	 * The node for the next attempt, or {@code null} when no node at all can be routed to. A call routed by key tries
	 * the first routable node of its affinity order it has not tried; the order is drawn once per call, and load is
	 * not considered, since the point is to stay on one node. Otherwise, level by level: the call's turn's node, or a
	 * second node when that one has clearly fewer attempts in flight ({@link #pick}), in constant time whatever the
	 * number of nodes. The load check keeps a node that hangs (accepts and never answers) from collecting every
	 * application thread until its read timeout.
	 */
	public NodeEntry next() {
		int turn = this.start + this.attempts;
		this.attempts++;
		if (this.affinityKeys != null) {
			if (this.affinityOrder == null) {
				this.affinityOrder = this.affinityKeys.order(this.nodes.ring);
			}
			for (NodeEntry candidate : this.affinityOrder) {
				if (candidate.routable && !candidate.down && !wasTried(candidate)) {
					return remember(candidate);
				}
			}
		}
		for (NodeEntry[] level : this.nodes.levels) {
			if (level.length > 0) {
				NodeEntry chosen = pick(level, turn);
				if (chosen != null) {
					return remember(chosen);
				}
			}
		}
		// Every routable node was tried: start another round over the nodes not known to be down, avoiding the node
		// that just failed if possible.
		NodeEntry failed = this.last;
		this.triedCount = 0;
		this.lastTried = false;
		for (NodeEntry[] level : this.nodes.levels) {
			NodeEntry chosen = null;
			for (int i = 0; i < level.length; i++) {
				NodeEntry candidate = level[Math.floorMod(turn + i, level.length)];
				if (!candidate.down && (chosen == null || chosen == failed)) {
					chosen = candidate;
				}
			}
			if (chosen != null) {
				return remember(chosen);
			}
		}
		// No attempt is made: the attempt number stays that of the attempt still to come.
		this.attempts--;
		return null;
	}

	/**
	 * Plans the rest of the call from a newer node set, keeping its turn and the nodes it tried: called when the set
	 * the call began with has no node left for it, and a newer one (published since, or after a node came up) may.
	 */
	public void replan(NodeSet newer) {
		if (newer != this.nodes) {
			this.nodes = newer;
			this.affinityOrder = null;
		}
	}

	/**
	 * The node set this call plans from; {@code null} before the first attempt.
	 */
	public NodeSet nodes() {
		return this.nodes;
	}

	/**
	 * Notes that the call waits for a node to come up; {@code false} when it already did once, so that a call whose
	 * attempts each find no node waits only once in all.
	 */
	public boolean startWaiting() {
		if (this.waited) {
			return false;
		}
		this.waited = true;
		return true;
	}

	/**
	 * Power of two choices (as Envoy's least-request balancer and Finagle's P2C do), so the cost does not grow with
	 * the level: the turn's own node, unless a second node, drawn from the others by the turn, has more than
	 * {@link #BUSY_MARGIN} fewer attempts in flight. Under even load the turn's node wins every time, so the
	 * round-robin stays exact; a node that hangs collects attempts in flight and loses its turns, and the rival
	 * rotates over the others as the same turn comes back ({@code turn / count} counts the rounds), so they share a
	 * hung node's turns instead of its neighbour taking them all. Only when neither node can take the attempt (tried
	 * in this call, or down) does it look further.
	 */
	private NodeEntry pick(NodeEntry[] level, int turn) {
		int count = level.length;
		int first = Math.floorMod(turn, count);
		NodeEntry own = level[first];
		if (count == 1) {
			return isUsable(own) ? own : null;
		}
		int offset = 1 + Math.floorMod(Math.floorDiv(turn, count), count - 1);
		NodeEntry rival = level[(first + offset) % count];
		boolean ownUsable = isUsable(own);
		boolean rivalUsable = isUsable(rival);
		if (ownUsable && rivalUsable) {
			return (own.inFlight.get() > rival.inFlight.get() + BUSY_MARGIN) ? rival : own;
		}
		if (ownUsable || rivalUsable) {
			return ownUsable ? own : rival;
		}
		return leastLoadedUsable(level, first);
	}

	/**
	 * The least loaded node of the level this call can still try, from the turn's place; {@code null} when every node
	 * was tried or is down. Scans the level: only a retry, or a call that meets down nodes, gets here.
	 */
	private NodeEntry leastLoadedUsable(NodeEntry[] level, int first) {
		NodeEntry best = null;
		int bestLoad = Integer.MAX_VALUE;
		for (int i = 0; i < level.length; i++) {
			NodeEntry entry = level[(first + i) % level.length];
			if (isUsable(entry)) {
				int load = entry.inFlight.get();
				if (load < bestLoad) {
					best = entry;
					bestLoad = load;
				}
			}
		}
		return best;
	}

	private boolean isUsable(NodeEntry entry) {
		return !entry.down && !wasTried(entry);
	}

	private NodeEntry remember(NodeEntry chosen) {
		if (this.lastTried) {
			if (this.tried == null) {
				this.tried = new NodeEntry[MAX_TRACKED];
			}
			if (this.triedCount < MAX_TRACKED) {
				this.tried[this.triedCount++] = this.last;
			}
		}
		this.last = chosen;
		this.lastTried = true;
		return chosen;
	}

	private boolean wasTried(NodeEntry entry) {
		if (this.lastTried && this.last == entry) {
			return true;
		}
		for (int i = 0; i < this.triedCount; i++) {
			if (this.tried[i] == entry) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Routes this call by these keys from now on; the first keys given win.
	 */
	public void routeByKeys(AffinityKeys keys) {
		if (this.affinityKeys == null) {
			this.affinityKeys = keys;
		}
	}

	public int attempts() {
		return this.attempts;
	}

	/**
	 * The node of the latest attempt, {@code null} before the first.
	 */
	public NodeEntry previous() {
		return this.last;
	}

	/**
	 * The nodes tried in the current round, in order.
	 */
	public List<AlternatorNode> triedNodes() {
		List<AlternatorNode> nodes = new ArrayList<>();
		if (this.tried != null) {
			Arrays.stream(this.tried, 0, this.triedCount).forEach((entry) -> nodes.add(entry.node));
		}
		if (this.lastTried) {
			nodes.add(this.last.node);
		}
		return nodes;
	}

}
