package dev.alternator.benchmarks;

import java.util.List;

import dev.alternator.local.LocalCluster;
import dev.alternator.local.LocalNode;

/**
 * How evenly API requests were spread over the nodes of a cluster, from the nodes' own counters.
 * @param counts requests each node received, in node order
 */
record RequestSpread(List<Long> counts) {

	static RequestSpread of(LocalCluster cluster) {
		return new RequestSpread(cluster.nodes().stream().map(LocalNode::requestCount).toList());
	}

	/**
	 * The busiest node's requests divided by the least busy node's; 1 is a perfect spread, NaN when a node got none.
	 */
	double maxOverMin() {
		long max = this.counts.stream().mapToLong(Long::longValue).max().orElse(0);
		long min = this.counts.stream().mapToLong(Long::longValue).min().orElse(0);
		return (min == 0) ? Double.NaN : (double) max / min;
	}

}
