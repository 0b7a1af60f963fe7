package dev.alternator.client.internal.node;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.CancellationException;

/**
 * Turns what happened to each attempt into evidence about its node, and only about its node. A node goes down at once
 * when it cannot be connected to or does not answer within the read timeout; after {@value #FAILURES_TO_DOWN}
 * transport failures in a row otherwise, or at once if a probe after a broken connection fails too (a reset may be
 * one broken connection, or a node that died); after
 * {@value #SERVER_ERRORS_TO_DOWN} 5xx answers in a row while another node can serve. Conditions of the client itself
 * (an SDK attempt or call timeout, an aborted or interrupted request, an exhausted connection pool) say nothing about
 * the node and change nothing.
 */
public final class NodeFailures {

	public static final int FAILURES_TO_DOWN = 3;

	public static final int SERVER_ERRORS_TO_DOWN = 10;

	/** What a failed attempt says about its node. */
	public enum Evidence {

		/** Nothing: the client gave up or could not send. */
		CLIENT_SIDE,

		/** The node cannot be reached, or did not answer in time. */
		UNREACHABLE,

		/** The connection broke: one failure, the node may be fine. */
		BROKEN

	}

	private final NodeRegistry registry;

	private final Listeners listeners;

	public NodeFailures(NodeRegistry registry, Listeners listeners) {
		this.registry = registry;
		this.listeners = listeners;
	}

	/**
	 * @return the listeners that hear about requests and attempts
	 */
	public Listeners listeners() {
		return this.listeners;
	}

	/**
	 * Counts an attempt in flight to the node at host and port; returns its node, or {@code null} for a host that is
	 * not one of ours.
	 */
	public NodeEntry attemptStarted(String host, int port) {
		NodeEntry entry = this.registry.snapshot().find(host, port);
		if (entry != null) {
			entry.inFlight.incrementAndGet();
		}
		return entry;
	}

	public void attemptEnded(NodeEntry entry) {
		if (entry != null) {
			entry.inFlight.decrementAndGet();
		}
	}

	/**
	 * The node answered with this status.
	 */
	public void answered(NodeEntry entry, int status) {
		if (entry == null) {
			return;
		}
		if (entry.consecutiveFailures.get() != 0) {
			entry.consecutiveFailures.set(0);
		}
		if (status < 500) {
			if (entry.consecutiveServerErrors.get() != 0) {
				entry.consecutiveServerErrors.set(0);
			}
			return;
		}
		this.listeners.requestFailed(entry.node, new IOException("HTTP status " + status + " from " + entry.node));
		if (entry.consecutiveServerErrors.incrementAndGet() == SERVER_ERRORS_TO_DOWN) {
			this.registry.down(entry, "answered HTTP " + status + " to " + SERVER_ERRORS_TO_DOWN + " requests in a row",
					true, 3);
		}
	}

	/**
	 * The attempt failed without an answer.
	 * @param aborted whether the SDK aborted the attempt (its own timeout) before it failed
	 */
	public void failed(NodeEntry entry, Throwable failure, boolean aborted) {
		if (entry == null) {
			return;
		}
		Evidence evidence = aborted ? Evidence.CLIENT_SIDE : classify(failure);
		if (evidence == Evidence.CLIENT_SIDE) {
			return;
		}
		this.listeners.requestFailed(entry.node, failure);
		int failures = entry.consecutiveFailures.incrementAndGet();
		if (evidence == Evidence.UNREACHABLE || failures >= FAILURES_TO_DOWN) {
			this.registry.down(entry, describe(failure), false);
		}
		else {
			// One broken connection proves little; a fresh connection that fails too proves the node is gone.
			this.registry.suspect(entry, describe(failure));
		}
	}

	public static Evidence classify(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			String name = cause.getClass().getName();
			String message = String.valueOf(cause.getMessage());
			if (name.equals(CrtEvidence.EXCEPTION)) {
				Evidence crt = CrtEvidence.of(cause);
				if (crt != null) {
					return crt;
				}
			}
			// Client-side first: Apache's pool timeout is a ConnectTimeoutException, Netty's is a TimeoutException.
			if (name.contains("ConnectionPoolTimeout") || message.contains("Acquire operation took longer")
					|| name.endsWith("ApiCallAttemptTimeoutException") || name.endsWith("ApiCallTimeoutException")
					|| name.endsWith("AbortedException") || cause instanceof CancellationException) {
				return Evidence.CLIENT_SIDE;
			}
			if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
					|| cause instanceof UnknownHostException || name.endsWith("ConnectTimeoutException")
					|| name.endsWith("HttpHostConnectException")) {
				return Evidence.UNREACHABLE;
			}
			if (cause instanceof SocketTimeoutException || name.endsWith("ReadTimeoutException")) {
				return Evidence.UNREACHABLE;
			}
			if (cause instanceof InterruptedIOException) {
				// Interrupted or aborted by the application or the SDK.
				return Evidence.CLIENT_SIDE;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause instanceof IOException || cause.getClass().getName().endsWith("TimeoutException")) {
				return Evidence.BROKEN;
			}
		}
		return Evidence.CLIENT_SIDE;
	}

	public static String describe(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return root.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

}
