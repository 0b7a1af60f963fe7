package dev.alternator.sample.demo;

import java.util.List;

/**
 * What the failover page shows, refreshed every second.
 * @param scope the routing scope in use, and the configured one if the load balancer fell back
 * @param loadRunning whether the background load runs
 * @param controls whether nodes can be killed, hung and restarted (embedded cluster only)
 * @param succeeded calls of the load that succeeded
 * @param failed calls of the load that failed after every retry
 * @param nodes every known node
 */
public record DemoStatus(String scope, boolean loadRunning, boolean controls, long succeeded, long failed,
		List<Node> nodes) {

	/**
	 * One node as the page shows it.
	 * @param address {@code host:port}
	 * @param state {@code live}, {@code quarantined} or {@code joining}, as the client routes
	 * @param process what the node itself is doing ({@code live}, {@code killed}, {@code hung}, ...) when an
	 * embedded cluster is controlled, else {@code null}
	 * @param perSecond attempts routed to it during the last second
	 * @param total attempts routed to it since the load started
	 */
	public record Node(String address, String state, String process, long perSecond, long total) {

	}

}
