package dev.alternator.benchmarks.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A seeded random list of timed actions on nodes. The schedule depends on the seed and the node count only, never
 * on timing, so a seed replays the same schedule; the requests' interleaving with it varies from run to run.
 * <p>
 * Actions come every 100 to 400 ms. An action that would take the last answering node's API away is usually
 * replaced by a restart (19 times in 20), so that most of the run has some node to serve and failures there count;
 * the rare total outage checks that the client recovers.
 */
public final class FaultSchedule {

	/** Relative weights of the actions, in {@link FaultAction} order. */
	private static final int[] WEIGHTS = { 3, 2, 2, 2, 6, 2, 2, 1, 1, 1, 1, 2 };

	private final List<Step> steps;

	private FaultSchedule(List<Step> steps) {
		this.steps = Collections.unmodifiableList(steps);
	}

	/**
	 * One timed action.
	 * @param atMillis when, from the schedule's start
	 * @param node the node's index in the cluster
	 * @param action what to do
	 * @param variant which garbage or slowness, for the {@code /localnodes} actions
	 */
	public record Step(long atMillis, int node, FaultAction action, int variant) {

		@Override
		public String toString() {
			return this.atMillis + "ms node" + this.node + " " + this.action
					+ ((this.action.name().startsWith("LOCAL_NODES_")) ? "#" + this.variant : "");
		}

	}

	/**
	 * Draws a schedule.
	 * @param random the run's random source, seeded
	 * @param nodeCount how many nodes the cluster has
	 * @param durationMillis how long the schedule runs
	 * @return the schedule
	 */
	public static FaultSchedule draw(Random random, int nodeCount, long durationMillis) {
		int totalWeight = 0;
		for (int weight : WEIGHTS) {
			totalWeight += weight;
		}
		boolean[] answering = new boolean[nodeCount];
		Arrays.fill(answering, true);
		List<Step> steps = new ArrayList<>();
		long at = 100 + random.nextInt(300);
		while (at < durationMillis) {
			int node = random.nextInt(nodeCount);
			FaultAction action = pick(random.nextInt(totalWeight));
			int variant = random.nextInt(6);
			if (action.takesApiDown() && answering[node] && answeringCount(answering) == 1
					&& random.nextInt(20) != 0) {
				action = FaultAction.RESTART;
				node = firstNotAnswering(answering, node, random);
			}
			if (action.takesApiDown()) {
				answering[node] = false;
			}
			if (action.bringsApiBack()) {
				answering[node] = true;
			}
			steps.add(new Step(at, node, action, variant));
			at += 100 + random.nextInt(301);
		}
		return new FaultSchedule(steps);
	}

	private static FaultAction pick(int ticket) {
		int remaining = ticket;
		for (FaultAction action : FaultAction.values()) {
			remaining -= WEIGHTS[action.ordinal()];
			if (remaining < 0) {
				return action;
			}
		}
		return FaultAction.RESTART;
	}

	private static int answeringCount(boolean[] answering) {
		int count = 0;
		for (boolean up : answering) {
			count += up ? 1 : 0;
		}
		return count;
	}

	private static int firstNotAnswering(boolean[] answering, int fallback, Random random) {
		int start = random.nextInt(answering.length);
		for (int i = 0; i < answering.length; i++) {
			int candidate = (start + i) % answering.length;
			if (!answering[candidate]) {
				return candidate;
			}
		}
		return fallback;
	}

	/**
	 * The steps, in time order.
	 * @return an unmodifiable list
	 */
	public List<Step> steps() {
		return this.steps;
	}

}
