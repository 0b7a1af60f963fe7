package dev.alternator.local;

/**
 * Puts a shared test cluster back as it started, after a test that injected faults or stopped nodes.
 */
final class ClusterRestore {

	private ClusterRestore() {
	}

	/**
	 * Clears every node's faults and restarts the nodes that are not running.
	 * @param cluster the cluster to restore
	 */
	static void clearFaultsAndRestart(LocalCluster cluster) {
		for (LocalNode node : cluster.nodes()) {
			node.clearFaults();
			if (node.state() != NodeState.RUNNING) {
				node.restart();
			}
		}
	}

}
