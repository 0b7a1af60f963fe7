package dev.alternator.client.internal.sdk;

import dev.alternator.client.AttemptResult;
import dev.alternator.client.internal.node.Listeners;
import dev.alternator.client.internal.node.NodeEntry;
import dev.alternator.client.internal.node.NodeFailures;

import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * One attempt in flight to a node, the part the synchronous and asynchronous HTTP clients share: it counts the attempt
 * in its node's load, turns its answer or failure into evidence about the node, and reports its start and end (with
 * duration and outcome) to the listeners. Made on the thread that sends the attempt; {@link #answered(int)} and
 * {@link #failed(Throwable, boolean)} may come from an I/O thread, hence the volatile fields.
 */
final class NodeAttempt {

	private static final String TARGET_HEADER = "X-Amz-Target";

	private final NodeFailures failures;

	private final Listeners listeners;

	/** The node, or {@code null} for a host outside the node list (then nothing is reported). */
	private final NodeEntry entry;

	private final String operation;

	private final long startNanos;

	private volatile long answeredNanos;

	private volatile int statusCode;

	private volatile Throwable failure;

	private volatile AttemptResult.Outcome failureOutcome;

	private NodeAttempt(NodeFailures failures, Listeners listeners, NodeEntry entry, String operation) {
		this.failures = failures;
		this.listeners = listeners;
		this.entry = entry;
		this.operation = operation;
		this.startNanos = System.nanoTime();
	}

	/**
	 * Starts an attempt of this request: counts it in flight and tells the listeners.
	 */
	static NodeAttempt start(SdkHttpRequest request, NodeFailures failures) {
		Listeners listeners = failures.listeners();
		NodeEntry entry = failures.attemptStarted(request.host(), request.port());
		String operation = null;
		if (entry != null && !listeners.isEmpty()) {
			operation = operation(request);
			listeners.attemptStarted(entry.node, operation);
		}
		return new NodeAttempt(failures, listeners, entry, operation);
	}

	/**
	 * The node answered with this status.
	 */
	void answered(int status) {
		this.answeredNanos = System.nanoTime();
		this.statusCode = status;
		this.failures.answered(this.entry, status);
	}

	/**
	 * The attempt failed; the failure is the node's unless the client gave up on the attempt.
	 * @param aborted whether the client aborted the attempt (its own timeout, an interrupt) before it failed
	 */
	void failed(Throwable failure, boolean aborted) {
		boolean clientSide = aborted || NodeFailures.classify(failure) == NodeFailures.Evidence.CLIENT_SIDE;
		this.failure = failure;
		this.failureOutcome = clientSide ? AttemptResult.Outcome.CLIENT_SIDE_FAILURE
				: AttemptResult.Outcome.TRANSPORT_FAILURE;
		this.failures.failed(this.entry, failure, aborted);
	}

	/**
	 * The attempt is over: no longer in flight; the listeners get its result. A failure after the answer's headers (a
	 * body cut short) wins over the status.
	 */
	void ended() {
		long endNanos = System.nanoTime();
		this.failures.attemptEnded(this.entry);
		if (this.entry == null || this.listeners.isEmpty()) {
			return;
		}
		Throwable failure = this.failure;
		AttemptResult result;
		if (failure != null) {
			result = new AttemptResult(this.entry.node, this.operation, elapsed(endNanos), this.failureOutcome,
					0, failure);
		}
		else {
			int status = this.statusCode;
			long answered = this.answeredNanos;
			result = new AttemptResult(this.entry.node, this.operation, elapsed((status != 0) ? answered : endNanos),
					AttemptResult.outcomeOf(status), status, null);
		}
		this.listeners.attemptEnded(result);
	}

	/** At least one nanosecond: a coarse clock must not report an attempt that took no time. */
	private long elapsed(long untilNanos) {
		return Math.max(1, untilNanos - this.startNanos);
	}

	/**
	 * The operation named by {@code X-Amz-Target: DynamoDB_20120810.PutItem}.
	 */
	private static String operation(SdkHttpRequest request) {
		String target = request.firstMatchingHeader(TARGET_HEADER).orElse(null);
		if (target == null) {
			return null;
		}
		int dot = target.lastIndexOf('.');
		return (dot >= 0) ? target.substring(dot + 1) : target;
	}

}
