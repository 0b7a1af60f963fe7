package dev.alternator.sample;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.alternator.local.LocalCluster;
import dev.alternator.local.LocalNode;
import dev.alternator.local.NodeState;
import dev.alternator.sample.demo.DemoNodeControl;

/**
 * The failover demo's buttons on the embedded local cluster. It exists only here, in the test-time configuration:
 * an application on a real cluster has no such bean and its demo page cannot kill anything.
 */
public class LocalClusterNodeControl implements DemoNodeControl {

	private final LocalCluster cluster;

	/**
	 * Controls the nodes of a cluster.
	 * @param cluster the embedded cluster
	 */
	public LocalClusterNodeControl(LocalCluster cluster) {
		this.cluster = cluster;
	}

	@Override
	public Map<String, String> nodeStates() {
		Map<String, String> states = new TreeMap<>();
		for (LocalNode node : this.cluster.nodes()) {
			NodeState state = node.state();
			states.put(address(node), (state == NodeState.RUNNING) ? "live" : state.name().toLowerCase(Locale.ROOT));
		}
		return states;
	}

	@Override
	public boolean apply(String address, NodeAction action) {
		for (LocalNode node : this.cluster.nodes()) {
			if (address(node).equals(address)) {
				switch (action) {
					case KILL -> node.kill();
					case HANG -> node.hang();
					case RESTART -> node.restart();
				}
				return true;
			}
		}
		return false;
	}

	private String address(LocalNode node) {
		return node.endpoint().getHost() + ":" + node.endpoint().getPort();
	}

}
