package dev.alternator.client;

import java.time.Duration;

/**
 * How one attempt of a request to one node ended, as given to {@link AlternatorListener#attemptEnded(AttemptResult)}:
 * the node, the DynamoDB operation, how long the node took to answer, and the outcome.
 */
public final class AttemptResult {

	/**
	 * What happened to an attempt.
	 */
	public enum Outcome {

		/** The node answered with a 1xx, 2xx or 3xx status. */
		SUCCESS,

		/** The node answered with a 4xx status (a refused request, a failed condition, throttling). */
		CLIENT_ERROR,

		/** The node answered with a 5xx status. */
		SERVER_ERROR,

		/** No answer: the connection was refused or broke, or the node did not answer within the read timeout. */
		TRANSPORT_FAILURE,

		/**
		 * No answer because of the client itself: the SDK's attempt or call timeout, an aborted or interrupted
		 * request, an exhausted connection pool. Says nothing about the node.
		 */
		CLIENT_SIDE_FAILURE

	}

	private final AlternatorNode node;

	private final String operation;

	private final long durationNanos;

	private final Outcome outcome;

	private final int statusCode;

	private final Throwable failure;

	/**
	 * Creates the result of an attempt; the load balancer makes these, and tests of listeners may too.
	 * @param node the node the attempt went to
	 * @param operation the DynamoDB operation ({@code PutItem}), or {@code null} when the request did not name one
	 * @param durationNanos nanoseconds from sending the request to the answer's status and headers, or to the failure
	 * @param outcome what happened
	 * @param statusCode the HTTP status of the answer, {@code 0} without an answer
	 * @param failure the failure of an attempt without an answer, otherwise {@code null}
	 */
	public AttemptResult(AlternatorNode node, String operation, long durationNanos, Outcome outcome, int statusCode,
			Throwable failure) {
		this.node = node;
		this.operation = operation;
		this.durationNanos = durationNanos;
		this.outcome = outcome;
		this.statusCode = statusCode;
		this.failure = failure;
	}

	/**
	 * The outcome of an attempt that the node answered with this status.
	 * @param statusCode an HTTP status
	 * @return {@link Outcome#SUCCESS}, {@link Outcome#CLIENT_ERROR} or {@link Outcome#SERVER_ERROR}
	 */
	public static Outcome outcomeOf(int statusCode) {
		return (statusCode >= 500) ? Outcome.SERVER_ERROR : (statusCode >= 400) ? Outcome.CLIENT_ERROR : Outcome.SUCCESS;
	}

	/**
	 * The node the attempt went to.
	 * @return the node
	 */
	public AlternatorNode node() {
		return this.node;
	}

	/**
	 * The DynamoDB operation, read from the request's {@code X-Amz-Target} header.
	 * @return for example {@code GetItem}, or {@code null} when unknown
	 */
	public String operation() {
		return this.operation;
	}

	/**
	 * How long the attempt took: from handing the request to the HTTP client to the answer's status and headers
	 * (the body that follows is not included), or to the failure.
	 * @return a positive duration
	 */
	public Duration duration() {
		return Duration.ofNanos(this.durationNanos);
	}

	/**
	 * Like {@link #duration()}, without allocating.
	 * @return nanoseconds
	 */
	public long durationNanos() {
		return this.durationNanos;
	}

	/**
	 * What happened.
	 * @return the outcome
	 */
	public Outcome outcome() {
		return this.outcome;
	}

	/**
	 * The status the node answered with.
	 * @return the HTTP status, {@code 0} when the node did not answer
	 */
	public int statusCode() {
		return this.statusCode;
	}

	/**
	 * Why an attempt without an answer failed.
	 * @return the failure, or {@code null} when the node answered
	 */
	public Throwable failure() {
		return this.failure;
	}

	@Override
	public String toString() {
		return "AttemptResult[node=" + this.node + ", operation=" + this.operation + ", duration="
				+ duration() + ", outcome=" + this.outcome
				+ ((this.statusCode != 0) ? ", status=" + this.statusCode : "")
				+ ((this.failure != null) ? ", failure=" + this.failure.getClass().getSimpleName() : "") + "]";
	}

}
