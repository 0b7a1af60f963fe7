package dev.alternator.benchmarks.simulation;

import dev.alternator.local.LocalNode;
import dev.alternator.local.LocalNodesFault;

/**
 * One thing the schedule does to one node. Each action knows whether it takes the node's DynamoDB API away
 * ({@link #takesApiDown()}) or brings it back ({@link #bringsApiBack()}); the {@code /localnodes} faults and listing
 * changes leave the API answering.
 */
public enum FaultAction {

	/** Resets every connection and stops listening. */
	KILL(true, false),

	/** Accepts connections and never answers anything. */
	HANG(true, false),

	/** Answers {@code GET /} and {@code /localnodes} but holds every API request. */
	HANG_API(true, false),

	/** Answers every API request with 503. */
	FAIL_503(true, false),

	/** Restarts a stopped, killed or hung node and ends API hangs and 503s; discovery faults stay. */
	RESTART(false, true),

	/** Leaves the node out of every {@code /localnodes} answer; it keeps serving. */
	UNLIST(false, false),

	/** Lists the node again. */
	RELIST(false, false),

	/** {@code /localnodes} answers garbage: invalid JSON, HTML, not an array, empty, non-addresses or 500. */
	LOCAL_NODES_GARBAGE(false, false),

	/** {@code /localnodes} stalls, trickles for ever or answers after 10 s. */
	LOCAL_NODES_SLOW(false, false),

	/** {@code /localnodes} redirects to an address where nothing listens. */
	LOCAL_NODES_REDIRECT(false, false),

	/** {@code /localnodes} lists loopback addresses where nothing listens. */
	LOCAL_NODES_UNREACHABLE(false, false),

	/** {@code /localnodes} answers correctly again. */
	LOCAL_NODES_HEAL(false, false);

	private static final LocalNodesFault[] GARBAGE = { LocalNodesFault.INVALID_JSON, LocalNodesFault.HTML,
			LocalNodesFault.NOT_ARRAY, LocalNodesFault.EMPTY_ARRAY, LocalNodesFault.NON_ADDRESS_ENTRIES,
			LocalNodesFault.SERVER_ERROR };

	private static final LocalNodesFault[] SLOW = { LocalNodesFault.STALL, LocalNodesFault.TRICKLE,
			LocalNodesFault.SLOW };

	private final boolean takesApiDown;

	private final boolean bringsApiBack;

	FaultAction(boolean takesApiDown, boolean bringsApiBack) {
		this.takesApiDown = takesApiDown;
		this.bringsApiBack = bringsApiBack;
	}

	/**
	 * Whether the node no longer answers API requests after this action.
	 * @return {@code true} for kill, hang, API hang and 503
	 */
	public boolean takesApiDown() {
		return this.takesApiDown;
	}

	/**
	 * Whether the node answers API requests after this action.
	 * @return {@code true} for restart
	 */
	public boolean bringsApiBack() {
		return this.bringsApiBack;
	}

	/**
	 * Applies the action.
	 * @param node the node
	 * @param variant which garbage or slowness to use, drawn by the schedule
	 */
	public void apply(LocalNode node, int variant) {
		switch (this) {
			case KILL -> node.kill();
			case HANG -> node.hang();
			case HANG_API -> node.hangApiRequests();
			case FAIL_503 -> node.failures(503, 1.0);
			case RESTART -> {
				// Of a running node, restart() only ends an API hang and keeps its sockets.
				node.restart();
				node.failures(503, 0);
			}
			case UNLIST -> node.hiddenFromLocalNodes(true);
			case RELIST -> node.hiddenFromLocalNodes(false);
			case LOCAL_NODES_GARBAGE -> node.localNodesFault(GARBAGE[Math.floorMod(variant, GARBAGE.length)]);
			case LOCAL_NODES_SLOW -> node.localNodesFault(SLOW[Math.floorMod(variant, SLOW.length)]);
			case LOCAL_NODES_REDIRECT -> node.localNodesFault(LocalNodesFault.REDIRECT);
			case LOCAL_NODES_UNREACHABLE -> node.localNodesFault(LocalNodesFault.UNREACHABLE_ADDRESSES);
			case LOCAL_NODES_HEAL -> node.localNodesFault(LocalNodesFault.NONE);
			default -> throw new IllegalStateException("Unknown action " + this);
		}
	}

	/**
	 * Brings a node fully back: serving, listed, correct {@code /localnodes}.
	 * @param node the node
	 */
	public static void heal(LocalNode node) {
		RESTART.apply(node, 0);
		node.hiddenFromLocalNodes(false);
		node.clearFaults();
	}

}
