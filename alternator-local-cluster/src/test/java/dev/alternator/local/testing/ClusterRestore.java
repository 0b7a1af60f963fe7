package dev.alternator.local.testing;

import dev.alternator.local.LocalCluster;
import dev.alternator.local.LocalNode;
import dev.alternator.local.NodeState;

/**
 * Puts a shared test cluster back as it started, after a test that injected faults or stopped nodes.
 */
public final class ClusterRestore {

	private ClusterRestore() {
	}

	/**
	 * Restarts the nodes that a test stopped, killed or hung.
	 * @param cluster the cluster to restore
	 */
	public static void restartStopped(LocalCluster cluster) {
		for (LocalNode node : cluster.nodes()) {
			if (node.state() != NodeState.RUNNING) {
				node.restart();
			}
		}
	}

	/**
	 * Clears every node's faults and restarts the nodes that are not running.
	 * @param cluster the cluster to restore
	 */
	public static void clearFaultsAndRestart(LocalCluster cluster) {
		for (LocalNode node : cluster.nodes()) {
			node.clearFaults();
		}
		restartStopped(cluster);
	}

	/**
	 * Also puts {@code /localnodes} back: the current answer format, and every node listed.
	 * @param cluster the cluster to restore
	 */
	public static void restoreLocalNodes(LocalCluster cluster) {
		cluster.legacyLocalNodes(false);
		for (LocalNode node : cluster.nodes()) {
			node.hiddenFromLocalNodes(false);
		}
		clearFaultsAndRestart(cluster);
	}

}
