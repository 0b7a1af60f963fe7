package dev.alternator.benchmarks.simulation;

import java.util.ArrayList;
import java.util.List;

/**
 * Which node answered the DynamoDB API when, as the schedule itself drove it (not as the client saw it). A node
 * answers from the moment an action bringing its API back returned until the moment an action taking it away began;
 * every node answers from the start. Listing and {@code /localnodes} faults do not change whether a node answers.
 */
public final class AnsweringModel {

	private final List<List<long[]>> intervals = new ArrayList<>();

	private final boolean[] answering;

	/**
	 * A model where every node answers from {@code startNanos}.
	 * @param nodeCount how many nodes
	 * @param startNanos when they all answer from
	 */
	public AnsweringModel(int nodeCount, long startNanos) {
		this.answering = new boolean[nodeCount];
		for (int i = 0; i < nodeCount; i++) {
			List<long[]> list = new ArrayList<>();
			list.add(new long[] { startNanos, Long.MAX_VALUE });
			this.intervals.add(list);
			this.answering[i] = true;
		}
	}

	/**
	 * Records that a node stopped answering, at the instant before the action that stops it.
	 * @param node the node's index
	 * @param nanos {@link System#nanoTime()} before the action began
	 */
	public synchronized void down(int node, long nanos) {
		if (this.answering[node]) {
			List<long[]> list = this.intervals.get(node);
			list.get(list.size() - 1)[1] = nanos;
			this.answering[node] = false;
		}
	}

	/**
	 * Records that a node answers again, at the instant the action that restarts it returned.
	 * @param node the node's index
	 * @param nanos {@link System#nanoTime()} after the action returned
	 */
	public synchronized void up(int node, long nanos) {
		if (!this.answering[node]) {
			this.intervals.get(node).add(new long[] { nanos, Long.MAX_VALUE });
			this.answering[node] = true;
		}
	}

	/**
	 * The first node that answered without a break through the whole of {@code [fromNanos, toNanos]}.
	 * @param fromNanos the start of the span
	 * @param toNanos the end of the span
	 * @return the node's index, or -1 when no node answered all along
	 */
	public int answeringThroughout(long fromNanos, long toNanos) {
		return answeringThroughout(fromNanos, toNanos, null);
	}

	/**
	 * Like {@link #answeringThroughout(long, long)}, among the nodes marked in {@code eligible} only.
	 * @param fromNanos the start of the span
	 * @param toNanos the end of the span
	 * @param eligible which nodes count, by index; {@code null} for all
	 * @return the node's index, or -1 when no eligible node answered all along
	 */
	public synchronized int answeringThroughout(long fromNanos, long toNanos, boolean[] eligible) {
		for (int node = 0; node < this.intervals.size(); node++) {
			if (eligible != null && !eligible[node]) {
				continue;
			}
			for (long[] interval : this.intervals.get(node)) {
				if (interval[0] - fromNanos <= 0 && (interval[1] == Long.MAX_VALUE || toNanos - interval[1] <= 0)) {
					return node;
				}
			}
		}
		return -1;
	}

}
