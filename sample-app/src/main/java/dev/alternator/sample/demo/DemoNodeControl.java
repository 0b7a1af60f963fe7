package dev.alternator.sample.demo;

import java.util.Map;

/**
 * Kills, hangs and restarts nodes of an embedded cluster for the failover demo. Only a development or test
 * configuration provides a bean of this type (the sample's {@code LocalClusterConfiguration}); without one, the
 * demo page shows the load but its buttons stay disabled and the control endpoint answers 404.
 */
public interface DemoNodeControl {

	/**
	 * What each node itself says it is doing, by address ({@code host:port}): {@code live}, {@code joining},
	 * {@code killed}, {@code hung} or {@code stopped}.
	 * @return the states
	 */
	Map<String, String> nodeStates();

	/**
	 * Applies an action to one node.
	 * @param address the node's address, {@code host:port}
	 * @param action what to do
	 * @return whether the node exists
	 */
	boolean apply(String address, NodeAction action);

	/**
	 * What the demo's buttons can do to a node.
	 */
	enum NodeAction {

		/** Resets its connections and stops listening, as a crashed process. */
		KILL,

		/** Accepts requests and never answers them. */
		HANG,

		/** Serves again. */
		RESTART

	}

}
