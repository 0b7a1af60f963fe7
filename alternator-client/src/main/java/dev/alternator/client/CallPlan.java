package dev.alternator.client;

/**
 * The nodes one request (one SDK call) has tried, so that each retry attempt goes to a node not tried yet. One plan
 * lives as long as its call; the SDK runs a call's attempts one after the other.
 */
final class CallPlan {

	private static final int MAX_TRACKED = 16;

	private final AlternatorNode[] tried = new AlternatorNode[MAX_TRACKED];

	private int triedCount;

	private int attempts;

	private AlternatorNode last;

	synchronized AlternatorNode next(AlternatorNode[] live, int start) {
		this.attempts++;
		int count = live.length;
		AlternatorNode chosen = null;
		for (int i = 0; i < count; i++) {
			AlternatorNode candidate = live[Math.floorMod(start + i, count)];
			if (!wasTried(candidate)) {
				chosen = candidate;
				break;
			}
		}
		if (chosen == null) {
			// Every live node was tried: start another round, avoiding the node that just failed if possible.
			this.triedCount = 0;
			chosen = live[Math.floorMod(start, count)];
			if (chosen.equals(this.last) && count > 1) {
				chosen = live[Math.floorMod(start + 1, count)];
			}
		}
		if (this.triedCount < MAX_TRACKED) {
			this.tried[this.triedCount++] = chosen;
		}
		this.last = chosen;
		return chosen;
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
