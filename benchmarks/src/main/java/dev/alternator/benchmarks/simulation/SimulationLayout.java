package dev.alternator.benchmarks.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.alternator.client.AlternatorLoadBalancer;
import dev.alternator.local.LocalCluster;
import dev.alternator.local.LocalNode;

/**
 * The cluster and routing scope of one simulated run, drawn from the run's seed: scope cluster, datacenter or rack;
 * one to three racks of one to three nodes in {@code dc1}, sometimes a second datacenter; sometimes one node on the
 * IPv6 loopback {@code ::1} (the only IPv6 loopback address, so at most one); one seed or all nodes as seeds.
 * @param scope the configured routing scope
 * @param racks how many racks {@code dc1} has
 * @param nodesPerRack nodes in each rack of {@code dc1}
 * @param secondDatacenterNodes nodes of {@code dc2} (one rack), 0 for none
 * @param ipv6 whether the first node listens on {@code ::1}
 * @param allSeeds whether every node is a seed, else only the first
 */
public record SimulationLayout(Scope scope, int racks, int nodesPerRack, int secondDatacenterNodes, boolean ipv6,
		boolean allSeeds) {

	/**
	 * The routing scope a run configures; with the default fallback, the chain is this scope, then the wider ones up
	 * to the whole cluster.
	 */
	public enum Scope {

		/** Every node of the cluster. */
		CLUSTER,

		/** {@code dc1}, falling back to the cluster. */
		DATACENTER,

		/** {@code dc1/rack1}, falling back to {@code dc1}, then the cluster. */
		RACK

	}

	/**
	 * Draws a layout.
	 * @param random the run's random source, seeded
	 * @return the layout
	 */
	public static SimulationLayout draw(Random random) {
		Scope scope = Scope.values()[random.nextInt(Scope.values().length)];
		int racks = (scope == Scope.RACK) ? 2 + random.nextInt(2) : 1 + random.nextInt(3);
		int nodesPerRack = 1 + random.nextInt(3);
		int secondDatacenter = random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0;
		return new SimulationLayout(scope, racks, nodesPerRack, secondDatacenter, random.nextBoolean(),
				random.nextBoolean());
	}

	/**
	 * Starts the cluster this layout describes.
	 * @return the running cluster; its first node is {@code dc1/rack1} (on {@code ::1} when {@link #ipv6()})
	 */
	public LocalCluster startCluster() {
		LocalCluster.Builder builder = LocalCluster.builder();
		for (int rack = 1; rack <= this.racks; rack++) {
			for (int node = 0; node < this.nodesPerRack; node++) {
				if (rack == 1 && node == 0 && this.ipv6) {
					builder.node("dc1", "rack1", "::1");
				}
				else {
					builder.node("dc1", "rack" + rack);
				}
			}
		}
		if (this.secondDatacenterNodes > 0) {
			builder.nodes("dc2", "rack1", this.secondDatacenterNodes);
		}
		return builder.start();
	}

	/**
	 * Sets seeds and scope on a load balancer builder.
	 * @param builder the builder
	 * @param cluster the running cluster
	 * @return the same builder
	 */
	public AlternatorLoadBalancer.Builder configure(AlternatorLoadBalancer.Builder builder, LocalCluster cluster) {
		List<String> seeds = this.allSeeds ? cluster.seeds() : new ArrayList<>(cluster.seeds().subList(0, 1));
		builder.seeds(seeds);
		if (this.scope != Scope.CLUSTER) {
			builder.datacenter("dc1");
		}
		if (this.scope == Scope.RACK) {
			builder.rack("rack1");
		}
		return builder;
	}

	/**
	 * Whether the client can know a node at all: {@code /localnodes} lists the contacted node's datacenter only, so
	 * the nodes of {@code dc2} are known only when they are seeds too. Every node of {@code dc1} is (the first seed
	 * is in {@code dc1}).
	 * @param node the node
	 * @return {@code true} when the node is in the client's reach
	 */
	public boolean reachableByClient(LocalNode node) {
		return "dc1".equals(node.datacenter()) || this.allSeeds;
	}

	/**
	 * A one-line description for reports.
	 * @return the description
	 */
	public String describe() {
		return this.scope.name().toLowerCase() + " scope, dc1 " + this.racks + "x" + this.nodesPerRack
				+ ((this.secondDatacenterNodes > 0) ? ", dc2 " + this.secondDatacenterNodes : "")
				+ (this.ipv6 ? ", ::1" : "") + (this.allSeeds ? ", all seeds" : ", one seed");
	}

}
