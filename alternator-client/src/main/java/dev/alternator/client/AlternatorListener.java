package dev.alternator.client;

import java.time.Duration;
import java.util.List;

/**
 * Receives what the load balancer does, for health and metrics. Every method has a no-op default. Calls come from
 * request threads and from the load balancer's own threads, so implementations must be thread-safe and cheap; an
 * exception thrown by a listener is logged (the first time at WARN, later ones at DEBUG) and otherwise ignored: it
 * never reaches the request.
 * <p>
 * For each attempt of a request the events come in this order: {@link #requestRouted(AlternatorNode, int)} (the node
 * was chosen), {@link #attemptStarted(AlternatorNode, String)} (the request is handed to the HTTP client),
 * {@link #requestFailed(AlternatorNode, Throwable)} if the attempt failed at the transport or with a 5xx status, then
 * {@link #attemptEnded(AttemptResult)}.
 */
public interface AlternatorListener {

	/**
	 * An attempt of a request is about to be sent to a node.
	 * @param node the node chosen for the attempt
	 * @param attempt the attempt number, from 1
	 */
	default void requestRouted(AlternatorNode node, int attempt) {
	}

	/**
	 * An attempt is handed to the HTTP client, on the thread that sends it. With {@link #attemptEnded(AttemptResult)},
	 * for per-node latency.
	 * @param node the node the attempt goes to
	 * @param operation the DynamoDB operation ({@code PutItem}), or {@code null} when unknown
	 */
	default void attemptStarted(AlternatorNode node, String operation) {
	}

	/**
	 * An attempt ended: answered (any status), failed at the transport, or given up by the client. Called once for
	 * each {@link #attemptStarted(AlternatorNode, String)}: for the synchronous client on the request's thread, for the
	 * asynchronous client on the HTTP client's I/O thread, so it must not block.
	 * @param result the node, operation, duration and outcome
	 */
	default void attemptEnded(AttemptResult result) {
	}

	/**
	 * An attempt failed at the transport level (connection refused or reset, timeout) or with a 5xx status.
	 * @param node the node the attempt went to
	 * @param cause the failure; for a 5xx status an exception naming the status
	 */
	default void requestFailed(AlternatorNode node, Throwable cause) {
	}

	/**
	 * A retry of a request went to another node than the previous attempt.
	 * @param from the node of the previous attempt
	 * @param to the node of this attempt
	 */
	default void retryMovedToAnotherNode(AlternatorNode from, AlternatorNode to) {
	}

	/**
	 * A node was taken out of rotation.
	 * @param node the node
	 * @param reason why, for example the connection error
	 */
	default void nodeDown(AlternatorNode node, String reason) {
	}

	/**
	 * A node passed its health probe and takes requests again (or for the first time).
	 * @param node the node
	 */
	default void nodeUp(AlternatorNode node) {
	}

	/**
	 * The set of live nodes of the active scope changed.
	 * @param liveNodes the live nodes now
	 */
	default void nodesChanged(List<AlternatorNode> liveNodes) {
	}

	/**
	 * The active scope changed, for example from a rack to its datacenter.
	 * @param activeScope the scope in use now
	 */
	default void scopeChanged(RoutingScope activeScope) {
	}

	/**
	 * A {@code /localnodes} call succeeded.
	 * @param contacted the node asked
	 * @param took how long the call took
	 */
	default void discoveryCompleted(AlternatorNode contacted, Duration took) {
	}

	/**
	 * A {@code /localnodes} call failed or gave an unusable answer.
	 * @param contacted the node asked
	 * @param error what went wrong
	 */
	default void discoveryFailed(AlternatorNode contacted, String error) {
	}

}
