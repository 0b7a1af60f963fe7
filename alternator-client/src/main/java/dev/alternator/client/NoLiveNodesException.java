package dev.alternator.client;

import java.util.List;

import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Thrown for a request when no node of the routing scope is live: every known node failed and waits for its health
 * probe. The load balancer keeps probing the nodes and asking the seeds, and recovers by itself.
 */
public class NoLiveNodesException extends SdkClientException {

	private static final long serialVersionUID = 1L;

	private final transient List<AlternatorNode> triedNodes;

	NoLiveNodesException(String message, List<AlternatorNode> triedNodes) {
		super(SdkClientException.builder().message(message));
		this.triedNodes = List.copyOf(triedNodes);
	}

	/**
	 * The nodes that were tried or are known and down.
	 * @return the nodes
	 */
	public List<AlternatorNode> triedNodes() {
		return this.triedNodes;
	}

	@Override
	public boolean retryable() {
		return false;
	}

}
