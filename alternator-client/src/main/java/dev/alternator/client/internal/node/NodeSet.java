package dev.alternator.client.internal.node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.alternator.client.AlternatorNode;
import dev.alternator.client.RoutingScope;

/**
 * One immutable view of the nodes, published by {@link NodeRegistry} with one volatile write: a request plans all
 * its attempts from the snapshot it read first. Levels are tried in order: the scopes of the fallback chain (the
 * configured scope first), then nodes known but no longer listed (and the seeds), then listed nodes not probed yet.
 */
public final class NodeSet {

	public static final NodeEntry[] NONE = new NodeEntry[0];

	/** The routable nodes of each level, in list order. */
	public final NodeEntry[][] levels;

	/** The scope of each level of the fallback chain; shorter than {@link #levels}. */
	public final List<RoutingScope> chain;

	/** The key-route affinity ring: the listed nodes of the datacenter (or cluster), whatever their health. */
	public final NodeEntry[] ring;

	/** Every node known, for finding an attempt's node by the host it was sent to. */
	private final Map<String, NodeEntry[]> byHost;

	/** Every node known, in the order learnt. */
	public final List<NodeEntry> all;

	/** Listed (or seed) nodes that are down, for {@link AlternatorState#quarantinedNodes()}. */
	public final List<AlternatorNode> down;

	/** What discovery last found out. */
	public final DiscoveryStatus status;

	public NodeSet(NodeEntry[][] levels, List<RoutingScope> chain, NodeEntry[] ring, List<NodeEntry> all,
			List<AlternatorNode> down, DiscoveryStatus status) {
		this.status = status;
		this.levels = levels;
		this.chain = chain;
		this.ring = ring;
		this.all = List.copyOf(all);
		this.down = List.copyOf(down);
		Map<String, List<NodeEntry>> hosts = new HashMap<>();
		for (NodeEntry entry : all) {
			hosts.computeIfAbsent(entry.attemptHost, (host) -> new ArrayList<>(1)).add(entry);
		}
		Map<String, NodeEntry[]> byHost = new HashMap<>();
		hosts.forEach((host, entries) -> byHost.put(host, entries.toArray(NONE)));
		this.byHost = byHost;
	}

	/**
	 * The node of an attempt sent to this host and port: one hash lookup, no allocation.
	 */
	public NodeEntry find(String host, int port) {
		NodeEntry[] entries = this.byHost.get(host);
		if (entries != null) {
			for (NodeEntry entry : entries) {
				if (entry.node.port() == port) {
					return entry;
				}
			}
		}
		return null;
	}

	/**
	 * The first level of the chain with a routable node; the last one when none has.
	 */
	public int activeLevel() {
		for (int i = 0; i < this.chain.size(); i++) {
			if (this.levels[i].length > 0) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * The nodes requests go to first now: those of the active level of the chain, else the first non-empty level.
	 */
	public List<AlternatorNode> liveNodes() {
		// The last level holds nodes not probed yet: they are not live.
		for (int i = 0; i < this.levels.length - 1; i++) {
			if (this.levels[i].length > 0) {
				List<AlternatorNode> nodes = new ArrayList<>(this.levels[i].length);
				for (NodeEntry entry : this.levels[i]) {
					nodes.add(entry.node);
				}
				return List.copyOf(nodes);
			}
		}
		return List.of();
	}

	public RoutingScope activeScope(RoutingScope configured) {
		int level = activeLevel();
		return (level >= 0) ? this.chain.get(level) : configured;
	}

	public boolean hasRoutable() {
		for (NodeEntry[] level : this.levels) {
			if (level.length > 0) {
				return true;
			}
		}
		return false;
	}

}
