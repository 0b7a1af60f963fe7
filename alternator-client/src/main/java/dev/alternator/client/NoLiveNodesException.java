package dev.alternator.client;

import java.util.List;

import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Thrown for a request when no node of the routing scope is live: every known node failed and waits for its health
 * probe. The load balancer keeps probing the nodes and asking the seeds, and recovers by itself.
 * <p>
 * Also thrown when fallback is off and the cluster lists no node in the configured datacenter or rack (a name that
 * does not match): the message then names the scope asked for and the nodes that the datacenter, or the contacted
 * nodes' datacenter, does list.
 */
public class NoLiveNodesException extends SdkClientException {

	private static final long serialVersionUID = 1L;

	private final transient List<AlternatorNode> triedNodes;

	/**
	 * An exception naming the nodes that were tried or are down.
	 * @param message what happened and what to check
	 * @param triedNodes the nodes tried or known down
	 */
	public NoLiveNodesException(String message, List<AlternatorNode> triedNodes) {
		this(SdkClientException.builder().message(message), triedNodes);
	}

	private NoLiveNodesException(SdkClientException.Builder builder, List<AlternatorNode> triedNodes) {
		super(builder);
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

	/**
	 * A builder that keeps this exception's type and tried nodes: the SDK rebuilds the exception that ends a call
	 * with {@code toBuilder()} (to add the attempt count), and without this override the caller would receive a
	 * bare {@link SdkClientException}.
	 * @return a builder of an equal exception
	 */
	@Override
	public SdkClientException.Builder toBuilder() {
		return new Builder(this);
	}

	/**
	 * Rebuilds a {@link NoLiveNodesException} with its tried nodes.
	 */
	private static final class Builder extends SdkClientException.BuilderImpl {

		private final List<AlternatorNode> triedNodes;

		Builder(NoLiveNodesException exception) {
			super(exception);
			this.triedNodes = exception.triedNodes;
		}

		@Override
		public NoLiveNodesException build() {
			return new NoLiveNodesException(this, this.triedNodes);
		}

	}

}
