package dev.alternator.client;

import java.util.Optional;

/**
 * Whether the configured datacenter and rack are known to the cluster, as far as it can tell.
 */
public final class ScopeCheck {

	private final Boolean datacenterKnown;

	private final Boolean rackKnown;

	private final String message;

	ScopeCheck(Boolean datacenterKnown, Boolean rackKnown, String message) {
		this.datacenterKnown = datacenterKnown;
		this.rackKnown = rackKnown;
		this.message = message;
	}

	/**
	 * Whether the configured datacenter has nodes.
	 * @return empty when no datacenter is configured or the cluster cannot tell (no rack/DC support, no node reached)
	 */
	public Optional<Boolean> datacenterKnown() {
		return Optional.ofNullable(this.datacenterKnown);
	}

	/**
	 * Whether the configured rack has nodes in the configured datacenter.
	 * @return empty when no rack is configured or the cluster cannot tell
	 */
	public Optional<Boolean> rackKnown() {
		return Optional.ofNullable(this.rackKnown);
	}

	/**
	 * Whether nothing configured is known to be unknown.
	 * @return {@code false} when the datacenter or rack is known to have no node
	 */
	public boolean isValid() {
		return !Boolean.FALSE.equals(this.datacenterKnown) && !Boolean.FALSE.equals(this.rackKnown);
	}

	/**
	 * A sentence that describes the result, naming what is unknown.
	 * @return the message
	 */
	public String message() {
		return this.message;
	}

	@Override
	public String toString() {
		return this.message;
	}

}
