package dev.alternator.client;

import java.util.Objects;
import java.util.Optional;

/**
 * Which nodes requests go to: every node reachable through the seeds ({@link #cluster()}), the nodes of one
 * datacenter, or the nodes of one rack of a datacenter. A scope may name a wider scope to fall back to when it has
 * no live node. Immutable.
 */
public final class RoutingScope {

	private final String datacenter;

	private final String rack;

	private final RoutingScope fallback;

	private RoutingScope(String datacenter, String rack, RoutingScope fallback) {
		this.datacenter = datacenter;
		this.rack = rack;
		this.fallback = fallback;
	}

	/**
	 * Every node of every datacenter the seeds belong to.
	 * @return the cluster scope
	 */
	public static RoutingScope cluster() {
		return new RoutingScope(null, null, null);
	}

	/**
	 * The nodes of one datacenter.
	 * @param datacenter the datacenter name, matched exactly
	 * @return the datacenter scope, without fallback
	 */
	public static RoutingScope datacenter(String datacenter) {
		return new RoutingScope(requireName("datacenter", datacenter), null, null);
	}

	/**
	 * The nodes of one rack of one datacenter.
	 * @param datacenter the datacenter name, matched exactly
	 * @param rack the rack name, matched exactly
	 * @return the rack scope, without fallback
	 */
	public static RoutingScope rack(String datacenter, String rack) {
		return new RoutingScope(requireName("datacenter", datacenter), requireName("rack", rack), null);
	}

	/**
	 * This scope, falling back to the given one when it has no live node.
	 * @param fallback the wider scope
	 * @return a new scope
	 */
	public RoutingScope withFallback(RoutingScope fallback) {
		return new RoutingScope(this.datacenter, this.rack, Objects.requireNonNull(fallback, "fallback"));
	}

	/**
	 * The datacenter of a datacenter or rack scope.
	 * @return the datacenter, empty for the cluster scope
	 */
	public Optional<String> datacenter() {
		return Optional.ofNullable(this.datacenter);
	}

	/**
	 * The rack of a rack scope.
	 * @return the rack, empty for other scopes
	 */
	public Optional<String> rack() {
		return Optional.ofNullable(this.rack);
	}

	/**
	 * The scope used when this one has no live node.
	 * @return the fallback, empty when there is none
	 */
	public Optional<RoutingScope> fallback() {
		return Optional.ofNullable(this.fallback);
	}

	/**
	 * This scope without its fallback chain, for reporting the scope in use.
	 */
	RoutingScope withoutFallback() {
		return (this.fallback == null) ? this : new RoutingScope(this.datacenter, this.rack, null);
	}

	boolean isCluster() {
		return this.datacenter == null;
	}

	private static String requireName(String what, String name) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("The " + what + " name must not be empty");
		}
		return name;
	}

	/**
	 * A short description without fallbacks: {@code cluster}, {@code datacenter dc1} or {@code rack dc1/rack1}.
	 * @return the description
	 */
	public String describe() {
		if (this.datacenter == null) {
			return "cluster";
		}
		return (this.rack == null) ? "datacenter " + this.datacenter : "rack " + this.datacenter + "/" + this.rack;
	}

	@Override
	public boolean equals(Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof RoutingScope)) {
			return false;
		}
		RoutingScope scope = (RoutingScope) other;
		return Objects.equals(this.datacenter, scope.datacenter) && Objects.equals(this.rack, scope.rack)
				&& Objects.equals(this.fallback, scope.fallback);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.datacenter, this.rack, this.fallback);
	}

	@Override
	public String toString() {
		return (this.fallback != null) ? describe() + " -> " + this.fallback : describe();
	}

}
