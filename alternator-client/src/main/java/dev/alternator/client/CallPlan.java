package dev.alternator.client;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The nodes one request (one SDK call) has tried, so that each retry attempt goes to a node not tried yet. One plan
 * lives as long as its call.
 * <p>
 * Not synchronized: the SDK runs a call's attempts strictly one after the other, and when an asynchronous call moves
 * from thread to thread it does so through futures and executors, which publish this plan's state to the next
 * attempt. Most calls make one attempt, so the list of tried nodes is only allocated for a second one.
 */
final class CallPlan {

	private static final int MAX_TRACKED = 16;

	/**
	 * How many more in-flight attempts than the least loaded node a node may have before attempts go elsewhere.
	 * Healthy nodes under even load stay within it; a hung node passes it after a few stuck attempts.
	 */
	static final int BUSY_MARGIN = 2;

	/** Nodes tried in this round besides {@link #last}; allocated on the second attempt. */
	private AlternatorNode[] tried;

	/** How many of {@link #tried} are in use. */
	private int triedCount;

	private int attempts;

	/** The node of the latest attempt; {@code null} before the first one or after a new round starts. */
	private AlternatorNode last;

	/** Whether {@link #last} counts as tried in this round. */
	private boolean lastTried;

	private AffinityKeys affinityKeys;

	private AlternatorNode[] affinityOrder;

	AlternatorNode next(AlternatorNode[] live, int start) {
		return next(live, null, start, null);
	}

	/**
	 * The node for the next attempt. A call routed by key tries the first live node of its affinity order it has not
	 * tried; the order is drawn once per call, from the ring as it is at the first attempt, and load is not
	 * considered, since the point is to stay on one node. Otherwise: from {@code start}, the first live node not tried
	 * yet whose in-flight count is not far above the least loaded one's. The load check keeps a node that hangs
	 * (accepts and never answers) from collecting every application thread until its read timeout.
	 * @param inFlight in-flight attempts per live node, same order, or {@code null} to ignore load
	 * @param affinityRing the scope's affinity ring, or {@code null} when the call has no keys
	 */
	AlternatorNode next(AlternatorNode[] live, AtomicInteger[] inFlight, int start, AlternatorNode[] affinityRing) {
		this.attempts++;
		if (this.affinityKeys != null && affinityRing != null) {
			if (this.affinityOrder == null) {
				this.affinityOrder = this.affinityKeys.order(affinityRing);
			}
			AlternatorNode affine = firstUntriedLive(this.affinityOrder, live);
			if (affine != null) {
				return remember(affine);
			}
		}
		int count = live.length;
		int leastLoad = (inFlight != null) ? leastLoad(inFlight) : 0;
		int first = Math.floorMod(start, count);
		AlternatorNode chosen = isEligible(live, inFlight, leastLoad, first) ? live[first]
				: eligibleInTurn(live, inFlight, leastLoad, start);
		if (chosen == null) {
			// Every live node was tried: start another round, avoiding the node that just failed if possible.
			AlternatorNode failed = this.last;
			this.triedCount = 0;
			this.lastTried = false;
			chosen = live[Math.floorMod(start, count)];
			if (chosen.equals(failed) && count > 1) {
				chosen = live[Math.floorMod(start + 1, count)];
			}
		}
		return remember(chosen);
	}

	/**
	 * The turn's own node is taken (tried, or busy): one of the other eligible nodes, a different one each time the
	 * same turn comes back ({@code start / count} counts the rounds), so that the nodes share a hung node's turns
	 * instead of its neighbour taking them all. A busy node when none is eligible, {@code null} when every node was
	 * tried.
	 */
	private AlternatorNode eligibleInTurn(AlternatorNode[] live, AtomicInteger[] inFlight, int leastLoad, int start) {
		int count = live.length;
		int eligible = 0;
		AlternatorNode busy = null;
		for (int i = 0; i < count; i++) {
			if (isEligible(live, inFlight, leastLoad, i)) {
				eligible++;
			}
			else if (busy == null && !wasTried(live[i])) {
				busy = live[i];
			}
		}
		if (eligible == 0) {
			return busy;
		}
		int skip = Math.floorMod(Math.floorDiv(start, count), eligible);
		AlternatorNode fallback = null;
		for (int i = 1; i <= count; i++) {
			int index = Math.floorMod(start + i, count);
			if (isEligible(live, inFlight, leastLoad, index)) {
				if (skip-- == 0) {
					return live[index];
				}
				if (fallback == null) {
					fallback = live[index];
				}
			}
		}
		// In-flight counts moved between the two passes.
		return (fallback != null) ? fallback : busy;
	}

	private boolean isEligible(AlternatorNode[] live, AtomicInteger[] inFlight, int leastLoad, int index) {
		return !wasTried(live[index]) && (inFlight == null || inFlight[index].get() <= leastLoad + BUSY_MARGIN);
	}

	private AlternatorNode remember(AlternatorNode chosen) {
		if (this.lastTried) {
			if (this.tried == null) {
				this.tried = new AlternatorNode[MAX_TRACKED];
			}
			if (this.triedCount < MAX_TRACKED) {
				this.tried[this.triedCount++] = this.last;
			}
		}
		this.last = chosen;
		this.lastTried = true;
		return chosen;
	}

	private AlternatorNode firstUntriedLive(AlternatorNode[] order, AlternatorNode[] live) {
		for (AlternatorNode candidate : order) {
			if (!wasTried(candidate) && contains(live, candidate)) {
				return candidate;
			}
		}
		return null;
	}

	private static boolean contains(AlternatorNode[] nodes, AlternatorNode node) {
		for (AlternatorNode each : nodes) {
			if (each.equals(node)) {
				return true;
			}
		}
		return false;
	}

	private static int leastLoad(AtomicInteger[] inFlight) {
		int least = Integer.MAX_VALUE;
		for (AtomicInteger load : inFlight) {
			least = Math.min(least, load.get());
		}
		return least;
	}

	private boolean wasTried(AlternatorNode node) {
		if (this.lastTried && this.last.equals(node)) {
			return true;
		}
		for (int i = 0; i < this.triedCount; i++) {
			if (this.tried[i].equals(node)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Routes this call by these keys from now on; the first keys given win.
	 */
	void routeByKeys(AffinityKeys keys) {
		if (this.affinityKeys == null) {
			this.affinityKeys = keys;
		}
	}

	boolean routesByKeys() {
		return this.affinityKeys != null;
	}

	int attempts() {
		return this.attempts;
	}

	/**
	 * The node of the latest attempt, {@code null} before the first.
	 */
	AlternatorNode previous() {
		return this.last;
	}

	/**
	 * The nodes tried in the current round, in order.
	 */
	List<AlternatorNode> triedNodes() {
		AlternatorNode[] nodes = (this.tried != null) ? Arrays.copyOf(this.tried, this.triedCount)
				: new AlternatorNode[0];
		if (this.lastTried) {
			nodes = Arrays.copyOf(nodes, nodes.length + 1);
			nodes[nodes.length - 1] = this.last;
		}
		return List.of(nodes);
	}

}
