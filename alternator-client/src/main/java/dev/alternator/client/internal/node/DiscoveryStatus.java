package dev.alternator.client.internal.node;

import java.time.Instant;

import dev.alternator.client.RackDatacenterSupport;

/**
 * What discovery last found out, published with the node set so that {@link AlternatorState} is one snapshot.
 */
public final class DiscoveryStatus {

	public static final DiscoveryStatus INITIAL = new DiscoveryStatus(null, null, RackDatacenterSupport.UNKNOWN, null, null);

	public final Instant lastRefresh;

	public final String lastError;

	public final RackDatacenterSupport rackDatacenterSupport;

	public final Boolean datacenterKnown;

	public final Boolean rackKnown;

	public DiscoveryStatus(Instant lastRefresh, String lastError, RackDatacenterSupport rackDatacenterSupport,
			Boolean datacenterKnown, Boolean rackKnown) {
		this.lastRefresh = lastRefresh;
		this.lastError = lastError;
		this.rackDatacenterSupport = rackDatacenterSupport;
		this.datacenterKnown = datacenterKnown;
		this.rackKnown = rackKnown;
	}

	public DiscoveryStatus succeeded(Instant when) {
		return new DiscoveryStatus(when, null, this.rackDatacenterSupport, this.datacenterKnown, this.rackKnown);
	}

	public DiscoveryStatus failed(String error) {
		return new DiscoveryStatus(this.lastRefresh, error, this.rackDatacenterSupport, this.datacenterKnown,
				this.rackKnown);
	}

	public DiscoveryStatus checked(RackDatacenterSupport support, Boolean datacenterKnown, Boolean rackKnown) {
		return new DiscoveryStatus(this.lastRefresh, this.lastError, support, datacenterKnown, rackKnown);
	}

}
