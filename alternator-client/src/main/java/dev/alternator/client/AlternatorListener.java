package dev.alternator.client;

import java.time.Duration;
import java.util.List;

/**
 * Receives what the load balancer does, for health and metrics. Every method has a no-op default. Calls come from
 * request threads and from the load balancer's own threads, so implementations must be thread-safe and cheap; an
 * exception thrown by a listener is logged and otherwise ignored.
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
