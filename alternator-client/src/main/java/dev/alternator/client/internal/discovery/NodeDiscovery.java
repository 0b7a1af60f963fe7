package dev.alternator.client.internal.discovery;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.alternator.client.AddressTranslator;
import dev.alternator.client.AlternatorNode;
import dev.alternator.client.RackDatacenterSupport;
import dev.alternator.client.RoutingScope;
import dev.alternator.client.internal.node.Listeners;
import dev.alternator.client.internal.node.NodeEntry;
import dev.alternator.client.internal.node.NodeFailures;
import dev.alternator.client.internal.node.NodeRegistry;
import dev.alternator.client.internal.node.NodeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks nodes which nodes are live ({@code GET /localnodes}) for every scope of the fallback chain (and the affinity
 * ring's datacenter), and hands the answers to the {@link NodeRegistry}. It asks any node it has ever learnt, routable
 * ones first in turn, then the others and the seeds, at most {@value #MAX_CONTACTS} per scope and round, each within
 * the discovery timeout. A failed or unusable answer never replaces a good list: the problem is recorded, and logged
 * once per change of problem.
 */
public final class NodeDiscovery {

	private static final Logger logger = LoggerFactory.getLogger(NodeDiscovery.class);

	public static final int MAX_CONTACTS = 4;

	private final List<RoutingScope> chain;

	/** The scope of the affinity ring when it is not in the chain, else {@code null}. */
	private final RoutingScope extraRingScope;

	/** The chain's index of the affinity ring's scope, or -1. */
	private final int ringLevel;

	private final String scheme;

	private final int port;

	private final AddressTranslator translator;

	private final Duration timeout;

	private final NodeHttp http;

	private final NodeRegistry registry;

	private final Listeners listeners;

	private int rotation;

	/** Discovery rounds so far; the fallback scopes are asked every {@value #FALLBACK_EVERY} rounds. */
	private long rounds;

	public static final int FALLBACK_EVERY = 10;

	private String lastLoggedProblem;

	private boolean scopeChecked;

	/**
	 * @param ringScope the scope whose nodes form the affinity ring, or {@code null} without key-route affinity
	 */
	public NodeDiscovery(NodeRegistry registry, RoutingScope ringScope, String scheme, int port, AddressTranslator translator,
			Duration timeout, NodeHttp http, Listeners listeners) {
		this.registry = registry;
		this.chain = registry.chain();
		this.ringLevel = (ringScope != null) ? this.chain.indexOf(ringScope) : -1;
		this.extraRingScope = (ringScope != null && this.ringLevel < 0) ? ringScope : null;
		this.scheme = scheme;
		this.port = port;
		this.translator = translator;
		this.timeout = timeout;
		this.http = http;
		this.listeners = listeners;
	}

	/**
	 * One discovery round; returns once the registry has taken its result. Synchronized: the scheduler and
	 * {@link AlternatorLoadBalancer#refresh()} may overlap.
	 */
	public synchronized void refresh() {
		List<List<AlternatorNode>> perScope = new ArrayList<>();
		boolean anyListed = false;
		Set<String> problems = new LinkedHashSet<>();
		String lastProblem = null;
		NodeSet known = this.registry.snapshot();
		boolean allScopes = this.rounds++ % FALLBACK_EVERY == 0;
		for (int level = 0; level < this.chain.size(); level++) {
			RoutingScope scope = this.chain.get(level);
			// A fallback scope is asked every few rounds to keep its nodes known and probed ahead, and every round
			// while the narrower scopes have no node to route to (or the ring needs it).
			if (level > 0 && !allScopes && anyListed && anyRoutableBefore(known, level) && level != this.ringLevel) {
				perScope.add(null);
				continue;
			}
			try {
				List<AlternatorNode> found = ask(scope);
				perScope.add(found);
				anyListed |= !found.isEmpty();
			}
			catch (DiscoveryException ex) {
				perScope.add(null);
				problems.add(ex.kind);
				lastProblem = ex.getMessage();
			}
		}
		List<AlternatorNode> ring = null;
		if (this.ringLevel >= 0) {
			ring = perScope.get(this.ringLevel);
		}
		else if (this.extraRingScope != null) {
			try {
				ring = ask(this.extraRingScope);
			}
			catch (DiscoveryException ex) {
				ring = null;
			}
		}
		if (!anyListed && problems.isEmpty() && this.chain.size() == 1 && !this.chain.get(0).datacenter().isEmpty()) {
			// A strict scope that answered with no node: either the scope is not in the cluster (the seeds, outside
			// it, must then stop serving) or the nodes asked are broken; only the cluster's own answers can tell.
			UnknownScope unknown = unknownScope(this.chain.get(0));
			if (unknown != null) {
				await(this.registry.scopeUnknown(unknown.why, unknown.datacenterKnown, unknown.rackKnown));
				if (!"unknown scope".equals(this.lastLoggedProblem)) {
					logger.warn("Alternator {}; fallback is off, so requests fail with NoLiveNodesException until it"
							+ " has nodes. Check alternator datacenter and rack (names match exactly)", unknown.why);
				}
				this.lastLoggedProblem = "unknown scope";
				return;
			}
		}
		if (!anyListed) {
			String problem = (lastProblem != null) ? lastProblem
					: "no node is listed in " + this.chain.get(this.chain.size() - 1).describe()
							+ ((this.chain.size() > 1) ? " nor in any narrower scope" : "") + "; keeping the last known nodes";
			failed(problem, problems.isEmpty() ? "empty" : problems.toString());
			return;
		}
		await(this.registry.listed(perScope, (ring != null && !ring.isEmpty()) ? ring : null));
		if (this.lastLoggedProblem != null) {
			logger.info("Alternator discovery works again; live nodes: {}", this.registry.snapshot().liveNodes());
			this.lastLoggedProblem = null;
		}
		if (!this.scopeChecked) {
			this.scopeChecked = true;
			checkScope();
		}
	}

	private static boolean anyRoutableBefore(NodeSet nodes, int level) {
		for (int i = 0; i < level; i++) {
			if (nodes.levels[i].length > 0) {
				return true;
			}
		}
		return false;
	}

	private void failed(String problem, String kind) {
		await(this.registry.discoveryFailed(problem));
		// Logged once per kind of problem, not per wording: the wording names nodes asked, which rotate.
		if (!kind.equals(this.lastLoggedProblem)) {
			logger.warn("Alternator discovery failed: {}", problem);
		}
		this.lastLoggedProblem = kind;
	}

	private void await(java.util.concurrent.CompletableFuture<Void> change) {
		try {
			change.get(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			// The change runs on; discovery does not need to wait for it.
		}
	}

	private List<AlternatorNode> ask(RoutingScope scope) {
		return scope.datacenter().isEmpty() ? askEveryDatacenter() : askOne(query(scope));
	}

	/**
	 * Asks the scope's {@code /localnodes} of one node after another until one gives a usable answer.
	 */
	private List<AlternatorNode> askOne(String query) {
		List<AlternatorNode> contacts = contacts();
		DiscoveryException last = null;
		int asked = 0;
		for (AlternatorNode contact : contacts) {
			if (asked++ == MAX_CONTACTS) {
				break;
			}
			try {
				return askNode(contact, query);
			}
			catch (DiscoveryException ex) {
				last = ex;
			}
		}
		if (last == null) {
			throw new DiscoveryException("no node to ask", "no node to ask");
		}
		throw new DiscoveryException("no node gave a usable /localnodes" + query + " answer; last: " + last.getMessage(),
				last.kind);
	}

	/**
	 * The cluster scope: a node answers for its own datacenter, so the union over one routable node and every seed
	 * (one per datacenter, as configured) is the cluster.
	 */
	private List<AlternatorNode> askEveryDatacenter() {
		Set<AlternatorNode> found = new LinkedHashSet<>();
		List<AlternatorNode> contacts = contacts();
		List<AlternatorNode> asked = new ArrayList<>();
		DiscoveryException last = null;
		boolean answered = false;
		for (AlternatorNode contact : contacts) {
			// Until one node answered, any contact (at most MAX_CONTACTS of them); then only the seeds, each for its
			// own datacenter.
			if (answered ? !this.registry.isSeed(contact) : asked.size() >= MAX_CONTACTS) {
				continue;
			}
			asked.add(contact);
			try {
				found.addAll(askNode(contact, ""));
				answered = true;
			}
			catch (DiscoveryException ex) {
				last = ex;
			}
		}
		if (!answered) {
			throw new DiscoveryException("no node gave a usable /localnodes answer (asked " + asked + "); last: "
					+ ((last != null) ? last.getMessage() : "no node to ask"), (last != null) ? last.kind : "none");
		}
		return new ArrayList<>(found);
	}

	/**
	 * Every node ever learnt: routable ones first, from a rotating start, then the others (seeds included).
	 */
	private List<AlternatorNode> contacts() {
		NodeSet nodes = this.registry.snapshot();
		List<NodeEntry> routable = new ArrayList<>();
		List<AlternatorNode> others = new ArrayList<>();
		for (NodeEntry entry : nodes.all) {
			if (entry.routable) {
				routable.add(entry);
			}
			else {
				others.add(entry.node);
			}
		}
		List<AlternatorNode> contacts = new ArrayList<>(nodes.all.size());
		int start = this.rotation++;
		List<NodeEntry> rotated = new ArrayList<>(routable.size());
		for (int i = 0; i < routable.size(); i++) {
			rotated.add(routable.get(Math.floorMod(start + i, routable.size())));
		}
		// Least loaded first (a stable sort keeps the rotation among equals): a node whose requests hang collects
		// attempts in flight, and asking it first would cost a whole discovery timeout per round.
		rotated.sort(Comparator.comparingInt((NodeEntry entry) -> entry.inFlight.get()));
		rotated.forEach((entry) -> contacts.add(entry.node));
		for (int i = 0; i < others.size(); i++) {
			contacts.add(others.get(Math.floorMod(start + i, others.size())));
		}
		return contacts;
	}

	private List<AlternatorNode> askNode(AlternatorNode contact, String query) {
		long started = System.nanoTime();
		String body = get(contact, "/localnodes" + query);
		List<String> addresses;
		try {
			addresses = LocalNodesAnswer.parse(body);
		}
		catch (IllegalArgumentException ex) {
			throw reportFailure(contact, "unusable /localnodes answer from " + contact + ": " + ex.getMessage(),
					"unusable answer");
		}
		List<AlternatorNode> found = new ArrayList<>(addresses.size());
		for (String address : addresses) {
			found.add(this.translator.translate(AlternatorNode.of(this.scheme, address, this.port)));
		}
		this.listeners.discoveryCompleted(contact, Duration.ofNanos(System.nanoTime() - started));
		return found;
	}

	private String get(AlternatorNode contact, String pathAndQuery) {
		NodeHttp.Answer answer;
		try {
			answer = this.http.get(contact, pathAndQuery, this.timeout);
		}
		catch (IOException ex) {
			throw reportFailure(contact, "cannot reach " + contact + ": " + NodeFailures.describe(ex), "unreachable");
		}
		if (answer.status != 200) {
			throw reportFailure(contact, "HTTP " + answer.status + " from " + contact + pathAndQuery,
					"HTTP " + answer.status);
		}
		return answer.body;
	}

	private DiscoveryException reportFailure(AlternatorNode contact, String problem, String kind) {
		this.listeners.discoveryFailed(contact, problem);
		return new DiscoveryException(problem, kind);
	}

	/**
	 * Whether the cluster honours the {@code dc} and {@code rack} parameters, and whether the configured datacenter
	 * and rack have nodes; published with the node set, and logged when something is wrong.
	 */
	private void checkScope() {
		RoutingScope scope = this.chain.get(0);
		RackDatacenterSupport support;
		try {
			// A rack that cannot exist: a server that honours the parameter answers [], an old one its datacenter.
			support = askOne("?rack=" + encode("alternator-client-check-" + UUID.randomUUID())).isEmpty()
					? RackDatacenterSupport.SUPPORTED : RackDatacenterSupport.UNSUPPORTED;
		}
		catch (DiscoveryException ex) {
			support = RackDatacenterSupport.UNKNOWN;
		}
		Boolean datacenterKnown = null;
		Boolean rackKnown = null;
		if (!scope.datacenter().isEmpty() && support == RackDatacenterSupport.SUPPORTED) {
			String datacenter = scope.datacenter().orElseThrow();
			try {
				datacenterKnown = !askOne("?dc=" + encode(datacenter)).isEmpty();
				if (scope.rack().isPresent()) {
					rackKnown = datacenterKnown ? !askOne(query(scope)).isEmpty() : Boolean.FALSE;
				}
			}
			catch (DiscoveryException ex) {
				// Unknown.
			}
			if (Boolean.FALSE.equals(datacenterKnown)) {
				logger.warn("Datacenter '{}' is not known to the cluster: no node is listed for ?dc={}. Check alternator"
						+ " datacenter (names match exactly){}", datacenter, datacenter, fallbackNote());
			}
			else if (Boolean.FALSE.equals(rackKnown)) {
				logger.warn("Rack '{}' is not known in datacenter '{}': no node is listed for it. Check alternator rack"
						+ " (names match exactly){}", scope.rack().get(), datacenter, fallbackNote());
			}
		}
		if (support == RackDatacenterSupport.UNSUPPORTED && !scope.datacenter().isEmpty()) {
			logger.warn("This Alternator cluster ignores the dc and rack parameters of /localnodes (ScyllaDB before"
					+ " 2025.1): routing to {} really uses the contacted node's datacenter", scope.describe());
		}
		await(this.registry.scopeChecked(support, datacenterKnown, rackKnown));
	}

	/**
	 * Whether the cluster shows that the scope is not in it: its datacenter lists nodes but its rack none, or the
	 * contacted node's datacenter lists nodes but the scope's datacenter none. A node that answers every question
	 * with an empty list (broken) proves nothing, so this needs a non-empty answer to compare with. {@code null}
	 * when it cannot tell.
	 */
	private UnknownScope unknownScope(RoutingScope scope) {
		String datacenter = scope.datacenter().orElseThrow();
		try {
			List<AlternatorNode> inDatacenter = askOne("?dc=" + encode(datacenter));
			if (!inDatacenter.isEmpty()) {
				return (scope.rack().isPresent())
						? new UnknownScope("rack '" + scope.rack().get() + "' is not known in datacenter '" + datacenter
								+ "': /localnodes lists no node in " + scope.describe() + ", while datacenter '"
								+ datacenter + "' lists " + inDatacenter, Boolean.TRUE, Boolean.FALSE)
						: null;
			}
			List<AlternatorNode> contactedDatacenter = askOne("");
			if (!contactedDatacenter.isEmpty()) {
				return new UnknownScope("datacenter '" + datacenter + "' is not known to the cluster: /localnodes"
						+ " lists no node in " + scope.describe() + ", while the contacted nodes' own datacenter lists "
						+ contactedDatacenter, Boolean.FALSE, scope.rack().isPresent() ? Boolean.FALSE : null);
			}
		}
		catch (DiscoveryException ex) {
			// Cannot tell.
		}
		return null;
	}

	/**
	 * What {@link #unknownScope} found: why, and which of the scope's parts the cluster knows.
	 */
	private record UnknownScope(String why, Boolean datacenterKnown, Boolean rackKnown) {
	}

	private String fallbackNote() {
		return (this.chain.size() > 1) ? "; falling back to " + this.chain.subList(1, this.chain.size()) : "";
	}

	private static String query(RoutingScope scope) {
		StringBuilder query = new StringBuilder("?dc=").append(encode(scope.datacenter().orElseThrow()));
		scope.rack().ifPresent((rack) -> query.append("&rack=").append(encode(rack)));
		return query.toString();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * A discovery call that gave no usable answer; its message says which node and why, its kind says why only.
	 */
	public static final class DiscoveryException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		final String kind;

		DiscoveryException(String message, String kind) {
			super(message, null, false, false);
			this.kind = kind;
		}

	}

}
