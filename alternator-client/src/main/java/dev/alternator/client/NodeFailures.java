package dev.alternator.client;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reports what happened to attempts at the transport: a node that cannot be connected to, resets the connection or
 * times out is quarantined at once; a 5xx answer is only reported, since the node is up.
 */
final class NodeFailures {

	private final ClusterNodes nodes;

	private final Listeners listeners;

	NodeFailures(ClusterNodes nodes, Listeners listeners) {
		this.nodes = nodes;
		this.listeners = listeners;
	}

	/**
	 * The node an attempt was sent to, found among the listed nodes by host and port without allocating.
	 */
	AlternatorNode nodeFor(String host, int port) {
		for (AlternatorNode node : this.nodes.live()) {
			if (node.matches(host, port)) {
				return node;
			}
		}
		for (AlternatorNode node : this.nodes.listed()) {
			if (node.matches(host, port)) {
				return node;
			}
		}
		return null;
	}

	/**
	 * Counts an attempt in flight to the node at host and port; returns the counter to decrement when it ends, or
	 * {@code null} for a node that is not listed.
	 */
	AtomicInteger attemptStarted(String host, int port) {
		AlternatorNode node = nodeFor(host, port);
		AtomicInteger counter = (node != null) ? this.nodes.inFlight(node) : null;
		if (counter != null) {
			counter.incrementAndGet();
		}
		return counter;
	}

	void transportFailure(String host, int port, Throwable failure) {
		AlternatorNode node = nodeFor(host, port);
		if (node == null || !isTransportFailure(failure)) {
			return;
		}
		this.listeners.requestFailed(node, failure);
		this.nodes.quarantine(node, describe(failure));
	}

	void serverError(String host, int port, int status) {
		if (status < 500) {
			return;
		}
		AlternatorNode node = nodeFor(host, port);
		if (node != null) {
			this.listeners.requestFailed(node, new IOException("HTTP status " + status + " from " + node));
		}
	}

	static boolean isTransportFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof IOException) {
				return true;
			}
			// Netty's timeouts are not IOExceptions.
			if (cause.getClass().getName().endsWith("TimeoutException")) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	static String describe(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return root.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

}
