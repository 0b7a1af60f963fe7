package dev.alternator.client;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Sends {@code GET /} to every node that waits for a probe (quarantined after a failure, or new to the list) and
 * admits those that answer 200.
 */
final class NodeProber {

	private final ClusterNodes nodes;

	private final NodeHttp http;

	private final Duration timeout;

	NodeProber(ClusterNodes nodes, NodeHttp http, Duration timeout) {
		this.nodes = nodes;
		this.http = http;
		this.timeout = timeout;
	}

	void probe() {
		List<AlternatorNode> waiting = this.nodes.awaitingProbe();
		for (AlternatorNode node : waiting) {
			if (isHealthy(node)) {
				this.nodes.admit(node);
			}
		}
	}

	boolean isHealthy(AlternatorNode node) {
		try {
			return this.http.get(node, "/", this.timeout).status == 200;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
