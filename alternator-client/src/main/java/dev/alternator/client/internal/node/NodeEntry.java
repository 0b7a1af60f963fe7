package dev.alternator.client.internal.node;

import java.util.concurrent.atomic.AtomicInteger;

import dev.alternator.client.AlternatorNode;

/**
 * One node the load balancer has ever learnt, with everything known about it in one object, so that a node and its
 * counters can never be paired wrongly. The in-flight and failure counters are written by request threads; every
 * other field is written only by {@link NodeRegistry}'s admin thread, and read by request threads through the
 * volatile {@link #routable} flag and the registry's published {@link NodeSet}.
 */
public final class NodeEntry {

	/** Where a node stands; changed only on the admin thread. */
	public enum Health {

		/** Listed, never probed: no request goes to it unless nothing else is left. */
		NEW,

		/** Takes requests. */
		UP,

		/** Out of rotation on evidence about the node, probed until it answers. */
		DOWN

	}

	public final AlternatorNode node;

	/** The host an attempt is sent to, as the SDK's request carries it (IPv6 literals in brackets). */
	public final String attemptHost;

	/** Attempts in flight to this node. */
	public final AtomicInteger inFlight = new AtomicInteger();

	/** Transport failures since the last answer; reset by any answer. */
	public final AtomicInteger consecutiveFailures = new AtomicInteger();

	/** HTTP 5xx answers since the last other answer. */
	public final AtomicInteger consecutiveServerErrors = new AtomicInteger();

	/** Whether requests may go to this node ({@code health == UP}), for request threads. */
	public volatile boolean routable;

	/**
	 * Whether there is evidence the node cannot serve: set at once by the request thread that found it (so that the
	 * call's next attempt and every other call skip it), then confirmed by the admin thread; cleared by a probe.
	 */
	public volatile boolean down;

	// Admin thread only from here on.

	public Health health = Health.NEW;

	public String downReason;

	public long downSinceNanos;

	public long upSinceNanos;

	/** Probing back-off exponent: grows when a node fails again soon after it was re-admitted. */
	public int backoff;

	public long nextProbeNanos;

	public boolean probing;

	/** Why the node is probed while up (a broken connection), or {@code null}. */
	public String suspectReason;

	public long lastListedNanos;

	/** Whether a scope of the chain has ever listed this node: only such a node is routed once it leaves the list. */
	public boolean everInChain;

	public NodeEntry(AlternatorNode node) {
		this.node = node;
		this.attemptHost = (node.host().indexOf(':') >= 0) ? "[" + node.host() + "]" : node.host();
	}

	public boolean matches(String host, int port) {
		return this.node.port() == port && this.attemptHost.equals(host);
	}

	@Override
	public String toString() {
		return this.node + "(" + this.health + ")";
	}

}
