package dev.alternator.client;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.alternator.client.internal.node.DiscoveryStatus;

/**
 * A snapshot of what the load balancer knows: which nodes take requests, which wait for their health probe, the
 * scope in use and what discovery last found. Immutable; taking one costs no I/O.
 */
public final class AlternatorState {

	private final List<AlternatorNode> liveNodes;

	private final List<AlternatorNode> quarantinedNodes;

	private final List<RoutingScope> scopeChain;

	private final RoutingScope configuredScope;

	private final RoutingScope activeScope;

	private final RackDatacenterSupport rackDatacenterSupport;

	private final Boolean datacenterKnown;

	private final Boolean rackKnown;

	private final Instant lastRefresh;

	private final String lastError;

	private final KeyRouteAffinity keyRouteAffinity;

	private final Map<String, String> partitionKeys;

	AlternatorState(List<AlternatorNode> liveNodes, List<AlternatorNode> quarantinedNodes,
			List<RoutingScope> scopeChain, RoutingScope activeScope, DiscoveryStatus status,
			KeyRouteAffinity keyRouteAffinity, Map<String, String> partitionKeys) {
		this.liveNodes = List.copyOf(liveNodes);
		this.quarantinedNodes = List.copyOf(quarantinedNodes);
		this.scopeChain = List.copyOf(scopeChain);
		this.configuredScope = scopeChain.get(0);
		this.activeScope = activeScope;
		this.rackDatacenterSupport = status.rackDatacenterSupport;
		this.datacenterKnown = status.datacenterKnown;
		this.rackKnown = status.rackKnown;
		this.lastRefresh = status.lastRefresh;
		this.lastError = status.lastError;
		this.keyRouteAffinity = keyRouteAffinity;
		this.partitionKeys = Collections.unmodifiableMap(new TreeMap<>(partitionKeys));
	}

	/**
	 * Which writes are routed by their partition key.
	 * @return the key-route affinity mode
	 */
	public KeyRouteAffinity keyRouteAffinity() {
		return this.keyRouteAffinity;
	}

	/**
	 * The partition-key attribute of each table known to key-route affinity so far: configured or looked up.
	 * @return table name to attribute name, sorted by table
	 */
	public Map<String, String> partitionKeys() {
		return this.partitionKeys;
	}

	/**
	 * The nodes of the active scope that take requests.
	 * @return the live nodes
	 */
	public List<AlternatorNode> liveNodes() {
		return this.liveNodes;
	}

	/**
	 * The nodes taken out of rotation after a failure, waiting for a successful health probe.
	 * @return the quarantined nodes
	 */
	public List<AlternatorNode> quarantinedNodes() {
		return this.quarantinedNodes;
	}

	/**
	 * The scopes requests go to, in order: the configured scope, then its fallback scopes.
	 * @return the chain, at least the configured scope
	 */
	public List<RoutingScope> scopeChain() {
		return this.scopeChain;
	}

	/**
	 * The scope as configured (the first of its fallback chain).
	 * @return the configured scope
	 */
	public RoutingScope configuredScope() {
		return this.configuredScope;
	}

	/**
	 * The scope requests go to now: the first of the configured chain with live nodes.
	 * @return the active scope
	 */
	public RoutingScope activeScope() {
		return this.activeScope;
	}

	/**
	 * Whether the active scope is a fallback rather than the configured scope itself.
	 * @return {@code true} when routing fell back to a wider scope
	 */
	public boolean fallbackInUse() {
		return !this.activeScope.equals(this.configuredScope);
	}

	/**
	 * Whether the cluster honours the {@code dc} and {@code rack} parameters of {@code /localnodes}.
	 * @return the support found by the last check
	 */
	public RackDatacenterSupport rackDatacenterSupport() {
		return this.rackDatacenterSupport;
	}

	/**
	 * Whether the configured datacenter has nodes.
	 * @return empty when not configured or not known
	 */
	public Optional<Boolean> datacenterKnown() {
		return Optional.ofNullable(this.datacenterKnown);
	}

	/**
	 * Whether the configured rack has nodes.
	 * @return empty when not configured or not known
	 */
	public Optional<Boolean> rackKnown() {
		return Optional.ofNullable(this.rackKnown);
	}

	/**
	 * When discovery last got a good answer.
	 * @return the time, empty before the first good answer
	 */
	public Optional<Instant> lastRefresh() {
		return Optional.ofNullable(this.lastRefresh);
	}

	/**
	 * The last discovery problem, cleared by the next good answer.
	 * @return the error, empty when the last discovery succeeded
	 */
	public Optional<String> lastError() {
		return Optional.ofNullable(this.lastError);
	}

	@Override
	public String toString() {
		return "AlternatorState[live=" + this.liveNodes + ", quarantined=" + this.quarantinedNodes + ", activeScope="
				+ this.activeScope.describe() + ", rackDatacenterSupport=" + this.rackDatacenterSupport
				+ ", lastRefresh=" + this.lastRefresh + ", lastError=" + this.lastError + "]";
	}

}
