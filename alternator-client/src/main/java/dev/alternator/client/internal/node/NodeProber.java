package dev.alternator.client.internal.node;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import dev.alternator.client.AlternatorNode;
import dev.alternator.client.internal.discovery.NodeHttp;

/**
 * Sends {@code GET /} to a node that waits for a probe (down after a failure, or new to the list), on a pool of its
 * own so that probes run side by side and a hung node holds up only its own probe, never discovery; each probe has a
 * deadline for the whole request. The result goes to the {@link NodeRegistry}, which decides.
 */
public final class NodeProber {

	private final NodeRegistry registry;

	private final NodeHttp http;

	private final Duration timeout;

	private final ExecutorService pool;

	public NodeProber(NodeRegistry registry, NodeHttp http, Duration timeout, ExecutorService pool) {
		this.registry = registry;
		this.http = http;
		this.timeout = timeout;
		this.pool = pool;
	}

	/**
	 * Starts a probe of the node; its result is reported to the registry.
	 */
	public void probe(NodeEntry entry) {
		try {
			this.pool.execute(() -> this.registry.probed(entry, isHealthy(entry.node)));
		}
		catch (RejectedExecutionException ex) {
			// Closing.
		}
	}

	public boolean isHealthy(AlternatorNode node) {
		try {
			return this.http.get(node, "/", this.timeout).status == 200;
		}
		catch (IOException | RuntimeException ex) {
			// Whatever went wrong, the registry must hear a result: a probe that never reports leaves its node
			// marked as being probed, and never probed again.
			return false;
		}
	}

}
