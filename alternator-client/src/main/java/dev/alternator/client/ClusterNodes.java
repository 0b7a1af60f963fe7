package dev.alternator.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nodes of the active scope and their health. Discovery replaces the listed nodes; a transport failure
 * quarantines a node at once; a successful probe admits a new node or restores a quarantined one. Requests read one
 * immutable array of live nodes, so the request path takes no lock; every change, rare by comparison, rebuilds it
 * under this object's monitor.
 */
final class ClusterNodes {

	private static final Logger logger = LoggerFactory.getLogger(ClusterNodes.class);

	private static final AlternatorNode[] NONE = new AlternatorNode[0];

	private final Listeners listeners;

	private static final AtomicInteger[] NO_COUNTERS = new AtomicInteger[0];

	private volatile AlternatorNode[] live = NONE;

	/** In-flight attempts per live node, index-aligned with {@link #live}; replaced together with it. */
	private volatile AtomicInteger[] liveInFlight = NO_COUNTERS;

	private final Map<AlternatorNode, AtomicInteger> inFlight = new ConcurrentHashMap<>();

	private volatile RoutingScope activeScope;

	private List<AlternatorNode> listed = List.of();

	/** The listed nodes in key-route affinity order; replaced with {@link #listed}. */
	private volatile AlternatorNode[] affinityRing = NONE;

	private final Set<AlternatorNode> quarantined = new LinkedHashSet<>();

	private final Set<AlternatorNode> pending = new LinkedHashSet<>();

	ClusterNodes(RoutingScope initialScope, Listeners listeners) {
		this.activeScope = initialScope;
		this.listeners = listeners;
	}

	/**
	 * The live nodes, in list order. The returned array must not be modified.
	 */
	AlternatorNode[] live() {
		return this.live;
	}

	/**
	 * In-flight attempts of each node of {@link #live()}, same order; read {@code live()} first, then this, and check
	 * the lengths agree (a rebuild may fall in between).
	 */
	AtomicInteger[] liveInFlight() {
		return this.liveInFlight;
	}

	/**
	 * The in-flight counter of a listed node, or {@code null} for a node not (or no longer) listed.
	 */
	AtomicInteger inFlight(AlternatorNode node) {
		return this.inFlight.get(node);
	}

	/**
	 * The listed nodes of the active scope, quarantined and new ones included, sorted for key-route affinity
	 * ({@link AffinityKeys#ring}). The returned array must not be modified.
	 */
	AlternatorNode[] affinityRing() {
		return this.affinityRing;
	}

	RoutingScope activeScope() {
		return this.activeScope;
	}

	synchronized List<AlternatorNode> listed() {
		return this.listed;
	}

	synchronized List<AlternatorNode> quarantined() {
		return List.copyOf(this.quarantined);
	}

	/**
	 * Nodes waiting for a probe: quarantined ones and new ones not yet admitted.
	 */
	synchronized List<AlternatorNode> awaitingProbe() {
		List<AlternatorNode> nodes = new ArrayList<>(this.quarantined);
		nodes.addAll(this.pending);
		return nodes;
	}

	/**
	 * Takes a discovery result. Nodes seen before keep their health; new nodes wait for a probe unless
	 * {@code trusted} (the seeds of a client without discovery).
	 */
	void replace(RoutingScope scope, Collection<AlternatorNode> nodes, boolean trusted) {
		List<AlternatorNode> before;
		boolean scopeChanged;
		synchronized (this) {
			before = List.of(this.live);
			Set<AlternatorNode> known = new LinkedHashSet<>(this.listed);
			List<AlternatorNode> listed = List.copyOf(new LinkedHashSet<>(nodes));
			if (!listed.equals(this.listed)) {
				this.affinityRing = AffinityKeys.ring(listed);
			}
			this.listed = listed;
			this.quarantined.retainAll(this.listed);
			this.pending.retainAll(this.listed);
			if (!trusted) {
				for (AlternatorNode node : this.listed) {
					if (!known.contains(node)) {
						this.pending.add(node);
					}
				}
			}
			scopeChanged = !scope.equals(this.activeScope);
			this.activeScope = scope;
			rebuild();
		}
		if (scopeChanged) {
			logger.info("Alternator routing scope is now {}", scope.describe());
			this.listeners.scopeChanged(scope);
		}
		announceIfChanged(before);
	}

	/**
	 * Takes a node out of rotation after a transport failure. Returns whether it was live until now.
	 */
	boolean quarantine(AlternatorNode node, String reason) {
		List<AlternatorNode> before;
		synchronized (this) {
			if (!this.listed.contains(node) || this.quarantined.contains(node)) {
				return false;
			}
			before = List.of(this.live);
			this.quarantined.add(node);
			this.pending.remove(node);
			rebuild();
		}
		logger.warn("Alternator node {} is down ({}); requests go to the other nodes until it answers again", node,
				reason);
		this.listeners.nodeDown(node, reason);
		announceIfChanged(before);
		return true;
	}

	/**
	 * Admits a node that passed its probe.
	 */
	void admit(AlternatorNode node) {
		List<AlternatorNode> before;
		boolean wasQuarantined;
		synchronized (this) {
			wasQuarantined = this.quarantined.remove(node);
			boolean wasPending = this.pending.remove(node);
			if (!wasQuarantined && !wasPending) {
				return;
			}
			before = List.of(this.live);
			rebuild();
		}
		if (wasQuarantined) {
			logger.info("Alternator node {} is back", node);
		}
		else {
			logger.info("Alternator node {} joined the rotation", node);
		}
		this.listeners.nodeUp(node);
		announceIfChanged(before);
	}

	private void rebuild() {
		this.inFlight.keySet().retainAll(this.listed);
		List<AlternatorNode> nodes = new ArrayList<>(this.listed.size());
		List<AtomicInteger> counters = new ArrayList<>(this.listed.size());
		for (AlternatorNode node : this.listed) {
			AtomicInteger counter = this.inFlight.computeIfAbsent(node,
					(key) -> new AtomicInteger());
			if (!this.quarantined.contains(node) && !this.pending.contains(node)) {
				nodes.add(node);
				counters.add(counter);
			}
		}
		this.liveInFlight = counters.toArray(NO_COUNTERS);
		this.live = nodes.toArray(NONE);
	}

	private void announceIfChanged(List<AlternatorNode> before) {
		List<AlternatorNode> now = List.of(this.live);
		if (!now.equals(before)) {
			this.listeners.nodesChanged(now);
		}
	}

}
