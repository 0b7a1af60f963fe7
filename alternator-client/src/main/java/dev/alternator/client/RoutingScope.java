package dev.alternator.client;

import java.util.Objects;
import java.util.Optional;

/**
 * Which nodes requests go to: every node reachable through the seeds ({@link #cluster()}), the nodes of one
 * datacenter, or the nodes of one rack of a datacenter. The load balancer's builder takes a chain of them
 * ({@code fallbackScopes}): requests go to the first scope with a live node. Immutable.
 */
public final class RoutingScope {

	private final String datacenter;

	private final String rack;

	private RoutingScope(String datacenter, String rack) {
		this.datacenter = datacenter;
		this.rack = rack;
	}

	/**
	 * Every node of every datacenter the seeds belong to.
	 * @return the cluster scope
	 */
	public static RoutingScope cluster() {
		return new RoutingScope(null, null);
	}

	/**
	 * The nodes of one datacenter.
	 * @param datacenter the datacenter name, matched exactly
	 * @return the datacenter scope
	 */
	public static RoutingScope datacenter(String datacenter) {
		return new RoutingScope(requireName("datacenter", datacenter), null);
	}

	/**
	 * The nodes of one rack of one datacenter.
	 * @param datacenter the datacenter name, matched exactly
	 * @param rack the rack name, matched exactly
	 * @return the rack scope
	 */
	public static RoutingScope rack(String datacenter, String rack) {
		return new RoutingScope(requireName("datacenter", datacenter), requireName("rack", rack));
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

	private static String requireName(String what, String name) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("The " + what + " name must not be empty");
		}
		return name;
	}

	/**
	 * A short description: {@code cluster}, {@code datacenter dc1} or {@code rack dc1/rack1}.
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
		return Objects.equals(this.datacenter, scope.datacenter) && Objects.equals(this.rack, scope.rack);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.datacenter, this.rack);
	}

	@Override
	public String toString() {
		return describe();
	}

}
