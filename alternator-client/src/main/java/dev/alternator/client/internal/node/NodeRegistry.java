package dev.alternator.client.internal.node;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import dev.alternator.client.AlternatorNode;
import dev.alternator.client.RackDatacenterSupport;
import dev.alternator.client.RoutingScope;
import dev.alternator.client.internal.affinity.AffinityKeys;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of node state. Every node ever learnt (seeds, listed nodes, nodes that left the list) has one
 * {@link NodeEntry}; every change of health or listing runs on one admin thread, in the order it was reported, which
 * then publishes a new immutable {@link NodeSet} with one volatile write and only after that tells the listeners, so
 * that events arrive in the order the changes happened. Request threads never lock: they read the published set
 * and report evidence, which the admin thread turns into transitions.
 * <p>
 * Modelled on the DataStax Java driver's admin thread and node state manager ({@code NodeStateManager},
 * {@code DefaultTopologyMonitor}): events on one thread, in order; a load-balancing policy that plans from a
 * snapshot.
 */
public final class NodeRegistry {

	private static final Logger logger = LoggerFactory.getLogger(NodeRegistry.class);

	/** A node that goes down within this time of being re-admitted is probed with a growing back-off. */
	private static final long FLAP_WINDOW_NANOS = Duration.ofSeconds(60).toNanos();

	private static final int MAX_BACKOFF = 6;

	/** The first back-off step of a node that fails again soon after coming back; doubles from there. */
	private static final long FLAP_BASE_NANOS = Duration.ofSeconds(1).toNanos();

	private final List<RoutingScope> chain;

	private final List<AlternatorNode> seeds;

	private final boolean trustSeedsOnly;

	private final Listeners listeners;

	private final long probeIntervalNanos;

	private final Executor admin;

	private final Map<AlternatorNode, NodeEntry> entries = new LinkedHashMap<>();

	/** The latest listing of each scope of the chain; admin thread only. */
	private final List<List<NodeEntry>> listed = new ArrayList<>();

	private List<NodeEntry> ringListing;

	private boolean discovered;

	private DiscoveryStatus status = DiscoveryStatus.INITIAL;

	private Consumer<NodeEntry> prober = (entry) -> {
	};

	/** Completed when probes now running have reported; admin thread only. */
	private final List<CompletableFuture<Void>> probeWaiters = new ArrayList<>();

	private volatile NodeSet snapshot;

	/**
	 * Completed, then replaced, on the admin thread at each transition of a node to UP, after the new set is
	 * published: a call that found no node waits on it (see {@code RequestRouter}). Read it before the snapshot, so
	 * that a transition after that read cannot be missed.
	 */
	private volatile CompletableFuture<Void> nextUp = new CompletableFuture<>();

	/**
	 * @param chain the scopes requests are routed to, in order; the configured one first
	 * @param seeds the seeds: routed to until discovery first succeeds, and asked for the node list
	 * @param trustSeedsOnly whether discovery is off, so that the seeds are the listing of the configured scope
	 * @param admin the single thread that runs every change
	 */
	public NodeRegistry(List<RoutingScope> chain, List<AlternatorNode> seeds, boolean trustSeedsOnly, Listeners listeners,
			Duration probeInterval, Executor admin) {
		this.chain = List.copyOf(chain);
		this.seeds = List.copyOf(seeds);
		this.trustSeedsOnly = trustSeedsOnly;
		this.listeners = listeners;
		this.probeIntervalNanos = probeInterval.toNanos();
		this.admin = admin;
		for (int i = 0; i < this.chain.size(); i++) {
			this.listed.add(List.of());
		}
		for (AlternatorNode seed : this.seeds) {
			// Until discovery answers, the seeds take requests as a last resort, like nodes not probed yet: a seed
			// that serves DynamoDB but not /localnodes must not leave the application without any node. Without
			// discovery they are the configured scope's nodes.
			NodeEntry entry = entry(seed);
			if (trustSeedsOnly) {
				entry.health = NodeEntry.Health.UP;
				entry.routable = true;
			}
		}
		if (trustSeedsOnly) {
			this.listed.set(0, List.copyOf(this.entries.values()));
		}
		publish();
	}

	/**
	 * Sets what probes a node (asynchronously; it reports with {@link #probed}).
	 */
	public void prober(Consumer<NodeEntry> prober) {
		this.prober = prober;
	}

	/**
	 * The current node set; never {@code null}.
	 */
	public NodeSet snapshot() {
		return this.snapshot;
	}

	/**
	 * Completes at the next transition of any node to UP, once the set that routes to it is published. Shared by
	 * every waiter: never complete nor cancel it; wait on a {@link CompletableFuture#copy() copy} to add a timeout.
	 */
	public CompletableFuture<Void> nextUp() {
		return this.nextUp;
	}

	public List<RoutingScope> chain() {
		return this.chain;
	}

	public boolean isSeed(AlternatorNode node) {
		return this.seeds.contains(node);
	}

	/**
	 * Runs a change on the admin thread; a change after close is dropped.
	 */
	public CompletableFuture<Void> run(Runnable change) {
		try {
			return CompletableFuture.runAsync(() -> {
				try {
					change.run();
				}
				catch (RuntimeException ex) {
					logger.warn("Alternator node state change failed: {}", ex.toString(), ex);
				}
			}, this.admin);
		}
		catch (RejectedExecutionException ex) {
			return CompletableFuture.completedFuture(null);
		}
	}

	/**
	 * A discovery round's answers: per scope of the chain, the listed nodes ({@code null} where the scope was not
	 * asked or gave no answer), and the affinity ring's nodes ({@code null} when not asked).
	 */
	public CompletableFuture<Void> listed(List<List<AlternatorNode>> perScope, List<AlternatorNode> ring) {
		return run(() -> applyListing(perScope, ring));
	}

	public CompletableFuture<Void> discoveryFailed(String problem) {
		return run(() -> {
			this.status = this.status.failed(problem);
			publish();
		});
	}

	/**
	 * The cluster answers discovery but lists no node in the configured scope, and the chain has no fallback: the
	 * seeds stop taking requests (they are outside the scope), and requests fail naming the scope and {@code why}.
	 */
	public CompletableFuture<Void> scopeUnknown(String why, Boolean datacenterKnown, Boolean rackKnown) {
		return run(() -> {
			List<AlternatorNode> before = this.snapshot.liveNodes();
			RoutingScope scopeBefore = activeScope();
			this.listed.set(0, List.of());
			this.discovered = true;
			this.status = this.status.scopeUnknown(Instant.now(), why, datacenterKnown, rackKnown);
			publish();
			announce(before, scopeBefore);
		});
	}

	public CompletableFuture<Void> scopeChecked(RackDatacenterSupport support, Boolean datacenterKnown, Boolean rackKnown) {
		return run(() -> {
			this.status = this.status.checked(support, datacenterKnown, rackKnown);
			publish();
		});
	}

	/**
	 * Evidence about a node: it cannot be reached or serves nothing but errors. Takes it out of rotation.
	 * @param onlyIfOthers whether to keep it when it is the last routable node (an error answer, unlike a refused
	 * connection, may still be better than no node at all)
	 */
	public void down(NodeEntry entry, String reason, boolean onlyIfOthers) {
		down(entry, reason, onlyIfOthers, 0);
	}

	/**
	 * Like {@link #down(NodeEntry, String, boolean)}, probing back no sooner than {@code 2^minBackoff} probe
	 * intervals: a node that answers only errors usually passes the probe, which cannot tell.
	 */
	public void down(NodeEntry entry, String reason, boolean onlyIfOthers, int minBackoff) {
		if (!onlyIfOthers) {
			entry.down = true;
		}
		run(() -> markDown(entry, reason, onlyIfOthers, minBackoff));
	}

	/**
	 * Probes every node that is not up now (only those due, unless {@code evenNotDue}), and completes when every
	 * probe running has reported.
	 */
	public CompletableFuture<Void> probeAll(boolean evenNotDue) {
		CompletableFuture<Void> done = new CompletableFuture<>();
		CompletableFuture<Void> queued = run(() -> {
			long now = System.nanoTime();
			boolean starving = !anyUp();
			for (NodeEntry entry : this.entries.values()) {
				// Not due: a node in back-off waits, unless the application asked for a probe now or no node is up.
				boolean due = evenNotDue || starving || entry.health == NodeEntry.Health.NEW
						|| now - entry.nextProbeNanos >= 0;
				if (entry.health != NodeEntry.Health.UP && !entry.probing && due) {
					startProbe(entry);
				}
			}
			if (anyProbing()) {
				this.probeWaiters.add(done);
			}
			else {
				done.complete(null);
			}
		});
		queued.whenComplete((ignored, failure) -> {
			if (this.admin instanceof java.util.concurrent.ExecutorService
					&& ((java.util.concurrent.ExecutorService) this.admin).isShutdown()) {
				done.complete(null);
			}
		});
		return done;
	}

	private boolean anyProbing() {
		for (NodeEntry entry : this.entries.values()) {
			if (entry.probing) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A connection to the node broke: probe it now, and take it out if the probe fails.
	 */
	public void suspect(NodeEntry entry, String reason) {
		run(() -> {
			if (entry.health == NodeEntry.Health.UP && !entry.probing) {
				entry.suspectReason = reason;
				startProbe(entry);
			}
		});
	}

	public void probed(NodeEntry entry, boolean healthy) {
		run(() -> {
			entry.probing = false;
			long now = System.nanoTime();
			if (healthy) {
				if (entry.health != NodeEntry.Health.UP) {
					boolean wasDown = entry.health == NodeEntry.Health.DOWN;
					List<AlternatorNode> before = this.snapshot.liveNodes();
					RoutingScope scopeBefore = activeScope();
					entry.health = NodeEntry.Health.UP;
					entry.upSinceNanos = now;
					entry.consecutiveFailures.set(0);
					entry.consecutiveServerErrors.set(0);
					entry.routable = true;
					entry.down = false;
					publish();
					CompletableFuture<Void> fired = this.nextUp;
					this.nextUp = new CompletableFuture<>();
					fired.complete(null);
					if (wasDown) {
						logger.info("Alternator node {} is back", entry.node);
					}
					else {
						logger.info("Alternator node {} joined the rotation", entry.node);
					}
					this.listeners.nodeUp(entry.node);
					announce(before, scopeBefore);
				}
			}
			else if (entry.health == NodeEntry.Health.UP) {
				if (entry.suspectReason != null) {
					markDown(entry, entry.suspectReason + ", and a probe failed", false, 0);
				}
			}
			else {
				entry.nextProbeNanos = now + probeDelay(entry);
				logger.debug("Alternator node {} failed its probe; next in {} ms", entry.node,
						(entry.nextProbeNanos - now) / 1_000_000);
			}
			entry.suspectReason = null;
			if (!anyProbing()) {
				this.probeWaiters.forEach((waiter) -> waiter.complete(null));
				this.probeWaiters.clear();
			}
		});
	}

	/**
	 * Starts a probe of every node that waits for one and is due; runs on the admin thread.
	 */
	public void probeDue() {
		run(() -> {
			long now = System.nanoTime();
			// With no node up, back-off protects nothing: every down node is due at each tick.
			boolean starving = !anyUp();
			for (NodeEntry entry : this.entries.values()) {
				if (entry.health != NodeEntry.Health.UP && !entry.probing
						&& (starving || now - entry.nextProbeNanos >= 0)) {
					startProbe(entry);
				}
			}
		});
	}

	private void startProbe(NodeEntry entry) {
		entry.probing = true;
		try {
			this.prober.accept(entry);
		}
		catch (RuntimeException ex) {
			entry.probing = false;
		}
	}

	private void applyListing(List<List<AlternatorNode>> perScope, List<AlternatorNode> ring) {
		List<AlternatorNode> before = this.snapshot.liveNodes();
		RoutingScope scopeBefore = activeScope();
		long now = System.nanoTime();
		List<NodeEntry> fresh = new ArrayList<>();
		for (int i = 0; i < this.chain.size() && i < perScope.size(); i++) {
			List<AlternatorNode> nodes = perScope.get(i);
			if (nodes != null) {
				List<NodeEntry> entries = entries(nodes, now, fresh);
				entries.forEach((entry) -> entry.everInChain = true);
				this.listed.set(i, entries);
			}
		}
		if (ring != null) {
			this.ringListing = entries(ring, now, fresh);
		}
		this.discovered = true;
		this.status = this.status.succeeded(Instant.now());
		publish();
		if (logger.isDebugEnabled()) {
			logger.debug("Alternator discovery listed {}; routing levels {}", perScope,
					Arrays.deepToString(this.snapshot.levels));
		}
		announce(before, scopeBefore);
		// A listed node never probed is probed at once, off this thread: it should not wait for the next tick.
		for (NodeEntry entry : fresh) {
			if (!entry.probing) {
				startProbe(entry);
			}
		}
	}

	private List<NodeEntry> entries(List<AlternatorNode> nodes, long now, List<NodeEntry> fresh) {
		List<NodeEntry> result = new ArrayList<>(nodes.size());
		Set<AlternatorNode> seen = new LinkedHashSet<>();
		for (AlternatorNode node : nodes) {
			if (seen.add(node)) {
				boolean known = this.entries.containsKey(node);
				NodeEntry entry = entry(node);
				entry.lastListedNanos = now;
				if (!known) {
					fresh.add(entry);
				}
				result.add(entry);
			}
		}
		return List.copyOf(result);
	}

	private NodeEntry entry(AlternatorNode node) {
		return this.entries.computeIfAbsent(node, NodeEntry::new);
	}

	private void markDown(NodeEntry entry, String reason, boolean onlyIfOthers, int minBackoff) {
		if (entry.health == NodeEntry.Health.DOWN || this.entries.get(entry.node) != entry) {
			return;
		}
		if (onlyIfOthers && !hasOtherRoutable(entry)) {
			entry.down = false;
			return;
		}
		long now = System.nanoTime();
		List<AlternatorNode> before = this.snapshot.liveNodes();
		RoutingScope scopeBefore = activeScope();
		boolean wasUp = entry.health == NodeEntry.Health.UP;
		// A node that fails again soon after coming back (answers probes, fails requests) waits longer each time.
		if (wasUp && entry.upSinceNanos != 0 && entry.downSinceNanos != 0
				&& now - entry.upSinceNanos < FLAP_WINDOW_NANOS) {
			entry.backoff = Math.min(MAX_BACKOFF, entry.backoff + 1);
		}
		else {
			entry.backoff = 0;
		}
		entry.backoff = Math.max(entry.backoff, minBackoff);
		entry.health = NodeEntry.Health.DOWN;
		entry.routable = false;
		entry.down = true;
		entry.downReason = reason;
		entry.downSinceNanos = now;
		entry.nextProbeNanos = now + probeDelay(entry);
		publish();
		if (logger.isDebugEnabled()) {
			logger.debug("Alternator node {} down ({}), next probe in {} ms; routing levels {}", entry.node, reason,
					(entry.nextProbeNanos - now) / 1_000_000, Arrays.deepToString(this.snapshot.levels));
		}
		if (!anyUp()) {
			// The last node that took requests went: a node in back-off may have recovered meanwhile (a restart
			// ends a 503 streak), and nothing is protected by waiting. Ask every down node now.
			for (NodeEntry other : this.entries.values()) {
				if (other != entry && other.health == NodeEntry.Health.DOWN && !other.probing) {
					other.nextProbeNanos = now;
					startProbe(other);
				}
			}
		}
		if (wasUp) {
			logger.warn("Alternator node {} is down ({}); requests go to the other nodes until it answers again",
					entry.node, reason);
			this.listeners.nodeDown(entry.node, reason);
		}
		announce(before, scopeBefore);
	}

	/**
	 * The probe interval, or for a node in back-off 1 s (at least the probe interval) doubled per step. Back-off
	 * holds only while another node takes requests: it spares the application a node that keeps failing, and with
	 * no other node up a down node is the only hope, so it is probed at the plain interval.
	 */
	private long probeDelay(NodeEntry entry) {
		if (entry.backoff == 0 || !anyUp()) {
			return this.probeIntervalNanos;
		}
		return Math.max(this.probeIntervalNanos, FLAP_BASE_NANOS) << (entry.backoff - 1);
	}

	/**
	 * Whether the published set routes to any node that is up: a node of the chain or a remembered one (nodes never
	 * probed do not count).
	 */
	private boolean anyUp() {
		NodeEntry[][] levels = this.snapshot.levels;
		for (int i = 0; i < levels.length - 1; i++) {
			if (levels[i].length > 0) {
				return true;
			}
		}
		return false;
	}

	private boolean hasOtherRoutable(NodeEntry entry) {
		for (NodeEntry other : this.entries.values()) {
			if (other != entry && other.health == NodeEntry.Health.UP) {
				return true;
			}
		}
		return false;
	}

	private RoutingScope activeScope() {
		return this.snapshot.activeScope(this.chain.get(0));
	}

	private void announce(List<AlternatorNode> before, RoutingScope scopeBefore) {
		RoutingScope scope = activeScope();
		if (!scope.equals(scopeBefore)) {
			logger.info("Alternator routing scope is now {}", scope.describe());
			this.listeners.scopeChanged(scope);
		}
		List<AlternatorNode> now = this.snapshot.liveNodes();
		if (!now.equals(before)) {
			this.listeners.nodesChanged(now);
		}
	}

	/**
	 * Builds and publishes the node set from the admin thread's state.
	 */
	private void publish() {
		int chainSize = this.chain.size();
		NodeEntry[][] levels = new NodeEntry[chainSize + 2][];
		Set<NodeEntry> inChain = new LinkedHashSet<>();
		Set<NodeEntry> fresh = new LinkedHashSet<>();
		List<AlternatorNode> down = new ArrayList<>();
		for (int i = 0; i < chainSize; i++) {
			List<NodeEntry> up = new ArrayList<>();
			for (NodeEntry entry : this.listed.get(i)) {
				inChain.add(entry);
				if (entry.health == NodeEntry.Health.UP) {
					up.add(entry);
				}
				else if (entry.health == NodeEntry.Health.NEW) {
					fresh.add(entry);
				}
				else if (!down.contains(entry.node)) {
					down.add(entry.node);
				}
			}
			levels[i] = up.toArray(NodeSet.NONE);
		}
		// Nodes of the chain that left the list (and the seeds, until discovery first answers): the last resort
		// before nodes never probed. A node never listed in the chain stays out: a strict scope stays strict.
		List<NodeEntry> remembered = new ArrayList<>();
		for (NodeEntry entry : this.entries.values()) {
			if (!inChain.contains(entry) && (entry.everInChain || !this.discovered)) {
				if (entry.health == NodeEntry.Health.UP) {
					remembered.add(entry);
				}
				else if (!this.discovered && entry.health == NodeEntry.Health.NEW) {
					fresh.add(entry);
				}
				else if (entry.health == NodeEntry.Health.DOWN && (!this.discovered || entry.upSinceNanos != 0)) {
					// A node that once served is still probed and will return: the error and the state name it.
					down.add(entry.node);
				}
			}
		}
		levels[chainSize] = remembered.toArray(NodeSet.NONE);
		levels[chainSize + 1] = fresh.toArray(NodeSet.NONE);
		List<NodeEntry> ringSource = (this.ringListing != null) ? this.ringListing
				: (this.trustSeedsOnly || !this.discovered) ? seedEntries() : this.listed.get(0);
		NodeEntry[] ring = ringSource.stream()
			.distinct()
			.sorted(Comparator.comparing((NodeEntry entry) -> AffinityKeys.canonical(entry.node)))
			.toArray(NodeEntry[]::new);
		this.snapshot = new NodeSet(levels, this.chain, ring, new ArrayList<>(this.entries.values()), down,
				this.status);
	}

	private List<NodeEntry> seedEntries() {
		List<NodeEntry> seeds = new ArrayList<>();
		for (AlternatorNode seed : this.seeds) {
			seeds.add(this.entries.get(seed));
		}
		return seeds;
	}

	@Override
	public String toString() {
		return "NodeRegistry" + Arrays.toString(this.snapshot.levels);
	}

}
