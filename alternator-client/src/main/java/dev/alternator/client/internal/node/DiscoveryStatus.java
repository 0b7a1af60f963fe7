package dev.alternator.client.internal.node;

import java.time.Instant;

import dev.alternator.client.RackDatacenterSupport;

/**
 * What discovery last found out, published with the node set so that {@link AlternatorState} is one snapshot.
 */
public final class DiscoveryStatus {

	public static final DiscoveryStatus INITIAL = new DiscoveryStatus(null, null, RackDatacenterSupport.UNKNOWN, null, null,
			null);

	public final Instant lastRefresh;

	public final String lastError;

	public final RackDatacenterSupport rackDatacenterSupport;

	public final Boolean datacenterKnown;

	public final Boolean rackKnown;

	/**
	 * Why a strict scope (no fallback) has no node: the cluster answers, but lists no node in the configured
	 * datacenter or rack; {@code null} otherwise.
	 */
	public final String unknownScope;

	public DiscoveryStatus(Instant lastRefresh, String lastError, RackDatacenterSupport rackDatacenterSupport,
			Boolean datacenterKnown, Boolean rackKnown, String unknownScope) {
		this.lastRefresh = lastRefresh;
		this.lastError = lastError;
		this.rackDatacenterSupport = rackDatacenterSupport;
		this.datacenterKnown = datacenterKnown;
		this.rackKnown = rackKnown;
		this.unknownScope = unknownScope;
	}

	public DiscoveryStatus succeeded(Instant when) {
		return new DiscoveryStatus(when, null, this.rackDatacenterSupport, this.datacenterKnown, this.rackKnown, null);
	}

	public DiscoveryStatus failed(String error) {
		return new DiscoveryStatus(this.lastRefresh, error, this.rackDatacenterSupport, this.datacenterKnown,
				this.rackKnown, this.unknownScope);
	}

	public DiscoveryStatus checked(RackDatacenterSupport support, Boolean datacenterKnown, Boolean rackKnown) {
		return new DiscoveryStatus(this.lastRefresh, this.lastError, support, datacenterKnown, rackKnown,
				this.unknownScope);
	}

	/**
	 * The cluster answered, and the strict scope is not in it: a successful refresh that found nothing to route to.
	 */
	public DiscoveryStatus scopeUnknown(Instant when, String why, Boolean datacenterKnown, Boolean rackKnown) {
		return new DiscoveryStatus(when, why, RackDatacenterSupport.SUPPORTED, datacenterKnown, rackKnown, why);
	}

}
