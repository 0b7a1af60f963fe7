package dev.alternator.client;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The nodes one request (one SDK call) has tried, so that each retry attempt goes to a node not tried yet. One plan
 * lives as long as its call; the SDK runs a call's attempts one after the other.
 */
final class CallPlan {

	private static final int MAX_TRACKED = 16;

	/**
	 * How many more in-flight attempts than the least loaded node a node may have before attempts go elsewhere.
	 * Healthy nodes under even load stay within it; a hung node passes it after a few stuck attempts.
	 */
	static final int BUSY_MARGIN = 2;

	private final AlternatorNode[] tried = new AlternatorNode[MAX_TRACKED];

	private int triedCount;

	private int attempts;

	private AlternatorNode last;

	private AffinityKeys affinityKeys;

	private AlternatorNode[] affinityOrder;

	synchronized AlternatorNode next(AlternatorNode[] live, int start) {
		return next(live, null, start);
	}

	/**
	 * The node for the next attempt: from {@code start}, the first live node not tried yet whose in-flight count is
	 * not far above the least loaded one's. The load check keeps a node that hangs (accepts and never answers) from
	 * collecting every application thread until its read timeout.
	 * @param inFlight in-flight attempts per live node, same order, or {@code null} to ignore load
	 */
	synchronized AlternatorNode next(AlternatorNode[] live, AtomicInteger[] inFlight, int start) {
		return next(live, inFlight, start, null);
	}

	/**
	 * Like {@link #next(AlternatorNode[], AtomicInteger[], int)}, but a call routed by key tries the nodes in its
	 * affinity order first: the first live node of that order it has not tried. The order is drawn once per call, from
	 * the ring as it is at the first attempt; load is not considered, since the point is to stay on one node.
	 * @param affinityRing the scope's affinity ring, or {@code null} when the call has no keys
	 */
	synchronized AlternatorNode next(AlternatorNode[] live, AtomicInteger[] inFlight, int start,
			AlternatorNode[] affinityRing) {
		if (this.affinityKeys != null && affinityRing != null) {
			if (this.affinityOrder == null) {
				this.affinityOrder = this.affinityKeys.order(affinityRing);
			}
			AlternatorNode affine = firstUntriedLive(this.affinityOrder, live);
			if (affine != null) {
				this.attempts++;
				remember(affine);
				return affine;
			}
		}
		this.attempts++;
		int count = live.length;
		int leastLoad = (inFlight != null) ? leastLoad(inFlight) : 0;
		AlternatorNode chosen = null;
		AlternatorNode busy = null;
		for (int i = 0; i < count; i++) {
			int index = Math.floorMod(start + i, count);
			AlternatorNode candidate = live[index];
			if (wasTried(candidate)) {
				continue;
			}
			if (inFlight != null && inFlight[index].get() > leastLoad + BUSY_MARGIN) {
				if (busy == null) {
					busy = candidate;
				}
				continue;
			}
			chosen = candidate;
			break;
		}
		if (chosen == null) {
			chosen = busy;
		}
		if (chosen == null) {
			// Every live node was tried: start another round, avoiding the node that just failed if possible.
			this.triedCount = 0;
			chosen = live[Math.floorMod(start, count)];
			if (chosen.equals(this.last) && count > 1) {
				chosen = live[Math.floorMod(start + 1, count)];
			}
		}
		remember(chosen);
		return chosen;
	}

	private void remember(AlternatorNode chosen) {
		if (this.triedCount < MAX_TRACKED) {
			this.tried[this.triedCount++] = chosen;
		}
		this.last = chosen;
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

	/**
	 * Routes this call by these keys from now on; the first keys given win.
	 */
	synchronized void routeByKeys(AffinityKeys keys) {
		if (this.affinityKeys == null) {
			this.affinityKeys = keys;
		}
	}

	synchronized boolean routesByKeys() {
		return this.affinityKeys != null;
	}

	private static int leastLoad(AtomicInteger[] inFlight) {
		int least = Integer.MAX_VALUE;
		for (AtomicInteger load : inFlight) {
			least = Math.min(least, load.get());
		}
		return least;
	}

	synchronized int attempts() {
		return this.attempts;
	}

	synchronized AlternatorNode previous() {
		return this.last;
	}

	synchronized java.util.List<AlternatorNode> triedNodes() {
		return java.util.List.of(java.util.Arrays.copyOf(this.tried, this.triedCount));
	}

	private boolean wasTried(AlternatorNode node) {
		for (int i = 0; i < this.triedCount; i++) {
			if (this.tried[i].equals(node)) {
				return true;
			}
		}
		return false;
	}

}
