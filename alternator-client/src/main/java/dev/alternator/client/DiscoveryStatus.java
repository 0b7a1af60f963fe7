package dev.alternator.client;

import java.time.Instant;

/**
 * What discovery last found out, published with the node set so that {@link AlternatorState} is one snapshot.
 */
final class DiscoveryStatus {

	static final DiscoveryStatus INITIAL = new DiscoveryStatus(null, null, RackDatacenterSupport.UNKNOWN, null, null);

	final Instant lastRefresh;

	final String lastError;

	final RackDatacenterSupport rackDatacenterSupport;

	final Boolean datacenterKnown;

	final Boolean rackKnown;

	DiscoveryStatus(Instant lastRefresh, String lastError, RackDatacenterSupport rackDatacenterSupport,
			Boolean datacenterKnown, Boolean rackKnown) {
		this.lastRefresh = lastRefresh;
		this.lastError = lastError;
		this.rackDatacenterSupport = rackDatacenterSupport;
		this.datacenterKnown = datacenterKnown;
		this.rackKnown = rackKnown;
	}

	DiscoveryStatus succeeded(Instant when) {
		return new DiscoveryStatus(when, null, this.rackDatacenterSupport, this.datacenterKnown, this.rackKnown);
	}

	DiscoveryStatus failed(String error) {
		return new DiscoveryStatus(this.lastRefresh, error, this.rackDatacenterSupport, this.datacenterKnown,
				this.rackKnown);
	}

	DiscoveryStatus checked(RackDatacenterSupport support, Boolean datacenterKnown, Boolean rackKnown) {
		return new DiscoveryStatus(this.lastRefresh, this.lastError, support, datacenterKnown, rackKnown);
	}

}
