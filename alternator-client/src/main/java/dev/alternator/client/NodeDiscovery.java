package dev.alternator.client;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks nodes which nodes are live ({@code GET /localnodes}) and hands the answer of the first scope of the chain that
 * has nodes to {@link ClusterNodes}. It asks live nodes in turn, then the seeds; a failed or unusable answer never
 * replaces the last good list: the problem is recorded, and logged once per change of problem.
 */
final class NodeDiscovery {

	private static final Logger logger = LoggerFactory.getLogger(NodeDiscovery.class);

	private final List<AlternatorNode> seeds;

	private final List<RoutingScope> chain;

	private final RoutingScope configuredScope;

	private final String scheme;

	private final int port;

	private final AddressTranslator translator;

	private final Duration timeout;

	private final NodeHttp http;

	private final ClusterNodes nodes;

	private final Listeners listeners;

	private int rotation;

	private volatile Instant lastRefresh;

	private volatile String lastError;

	private String lastLoggedProblem;

	private volatile RackDatacenterSupport rackDatacenterSupport = RackDatacenterSupport.UNKNOWN;

	private volatile ScopeCheck scopeCheck;

	NodeDiscovery(List<AlternatorNode> seeds, RoutingScope configuredScope, String scheme, int port,
			AddressTranslator translator, Duration timeout, NodeHttp http, ClusterNodes nodes, Listeners listeners) {
		this.seeds = seeds;
		this.configuredScope = configuredScope;
		this.chain = chain(configuredScope);
		this.scheme = scheme;
		this.port = port;
		this.translator = translator;
		this.timeout = timeout;
		this.http = http;
		this.nodes = nodes;
		this.listeners = listeners;
	}

	private static List<RoutingScope> chain(RoutingScope scope) {
		List<RoutingScope> chain = new ArrayList<>();
		for (RoutingScope current = scope; current != null; current = current.fallback().orElse(null)) {
			chain.add(current.withoutFallback());
		}
		return List.copyOf(chain);
	}

	Instant lastRefresh() {
		return this.lastRefresh;
	}

	String lastError() {
		return this.lastError;
	}

	RackDatacenterSupport rackDatacenterSupport() {
		return this.rackDatacenterSupport;
	}

	ScopeCheck scopeCheck() {
		return this.scopeCheck;
	}

	/**
	 * One discovery round. Synchronized: the scheduler and {@link AlternatorLoadBalancer#refresh()} may overlap.
	 */
	synchronized void refresh() {
		String problem = null;
		for (int i = 0; i < this.chain.size(); i++) {
			RoutingScope scope = this.chain.get(i);
			boolean widest = i == this.chain.size() - 1;
			List<AlternatorNode> found;
			try {
				found = scope.isCluster() ? askEveryDatacenter() : ask(query(scope));
			}
			catch (DiscoveryException ex) {
				problem = ex.getMessage();
				break;
			}
			if (!found.isEmpty() && (hasUsableNode(found) || widest)) {
				this.nodes.replace(scope, found, false);
				succeeded();
				return;
			}
			if (found.isEmpty() && widest) {
				problem = "no node is listed in " + scope.describe()
						+ ((this.chain.size() > 1) ? " nor in any narrower scope" : "")
						+ "; keeping the last known nodes";
			}
		}
		failed(problem);
	}

	private boolean hasUsableNode(List<AlternatorNode> found) {
		List<AlternatorNode> quarantined = this.nodes.quarantined();
		for (AlternatorNode node : found) {
			if (!quarantined.contains(node)) {
				return true;
			}
		}
		return false;
	}

	private void succeeded() {
		this.lastRefresh = Instant.now();
		this.lastError = null;
		if (this.lastLoggedProblem != null) {
			logger.info("Alternator discovery works again; live nodes: {}", List.of(this.nodes.live()));
			this.lastLoggedProblem = null;
		}
		if (this.rackDatacenterSupport == RackDatacenterSupport.UNKNOWN) {
			checkSupportAndScope();
		}
	}

	private void failed(String problem) {
		this.lastError = problem;
		if (problem != null && !problem.equals(this.lastLoggedProblem)) {
			logger.warn("Alternator discovery failed: {}", problem);
		}
		this.lastLoggedProblem = problem;
	}

	/**
	 * Asks the scope's {@code /localnodes} of one node after another until one gives a usable answer.
	 */
	private List<AlternatorNode> ask(String query) {
		List<AlternatorNode> contacts = contacts();
		String lastProblem = "no node to ask";
		for (AlternatorNode contact : contacts) {
			try {
				return askNode(contact, query);
			}
			catch (DiscoveryException ex) {
				lastProblem = ex.getMessage();
			}
		}
		throw new DiscoveryException("no node gave a usable /localnodes answer (asked " + contacts + "); last: "
				+ lastProblem);
	}

	/**
	 * The cluster scope: each seed answers for its own datacenter, a live node for its own; the union is the cluster.
	 */
	private List<AlternatorNode> askEveryDatacenter() {
		Set<AlternatorNode> found = new LinkedHashSet<>();
		List<AlternatorNode> contacts = new ArrayList<>();
		AlternatorNode[] live = this.nodes.live();
		if (live.length > 0) {
			contacts.add(live[Math.floorMod(this.rotation++, live.length)]);
		}
		for (AlternatorNode seed : this.seeds) {
			if (!contacts.contains(seed)) {
				contacts.add(seed);
			}
		}
		String lastProblem = null;
		boolean answered = false;
		for (AlternatorNode contact : contacts) {
			try {
				found.addAll(askNode(contact, ""));
				answered = true;
			}
			catch (DiscoveryException ex) {
				lastProblem = ex.getMessage();
			}
		}
		if (!answered) {
			throw new DiscoveryException(
					"no node gave a usable /localnodes answer (asked " + contacts + "); last: " + lastProblem);
		}
		return new ArrayList<>(found);
	}

	private List<AlternatorNode> contacts() {
		List<AlternatorNode> contacts = new ArrayList<>();
		AlternatorNode[] live = this.nodes.live();
		int start = this.rotation++;
		for (int i = 0; i < live.length; i++) {
			contacts.add(live[Math.floorMod(start + i, live.length)]);
		}
		for (AlternatorNode seed : this.seeds) {
			if (!contacts.contains(seed)) {
				contacts.add(seed);
			}
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
			throw reportFailure(contact, "unusable /localnodes answer from " + contact + ": " + ex.getMessage());
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
			throw reportFailure(contact, "cannot reach " + contact + ": " + NodeFailures.describe(ex));
		}
		if (answer.status != 200) {
			throw reportFailure(contact, "HTTP " + answer.status + " from " + contact + pathAndQuery);
		}
		return answer.body;
	}

	private DiscoveryException reportFailure(AlternatorNode contact, String problem) {
		this.listeners.discoveryFailed(contact, problem);
		return new DiscoveryException(problem);
	}

	/**
	 * Asks for a rack that cannot exist: a server that honours the parameter answers {@code []}, an old one its whole
	 * datacenter.
	 */
	RackDatacenterSupport checkRackDatacenterSupport() {
		String impossibleRack = "alternator-client-check-" + UUID.randomUUID();
		try {
			List<AlternatorNode> answer = ask("?rack=" + encode(impossibleRack));
			this.rackDatacenterSupport = answer.isEmpty() ? RackDatacenterSupport.SUPPORTED
					: RackDatacenterSupport.UNSUPPORTED;
		}
		catch (DiscoveryException ex) {
			this.rackDatacenterSupport = RackDatacenterSupport.UNKNOWN;
		}
		return this.rackDatacenterSupport;
	}

	/**
	 * Asks whether the configured datacenter and rack have nodes.
	 */
	ScopeCheck checkScope() {
		RoutingScope scope = this.configuredScope;
		RackDatacenterSupport support = checkRackDatacenterSupport();
		if (scope.isCluster()) {
			return remember(new ScopeCheck(null, null, "No datacenter or rack is configured"));
		}
		if (support != RackDatacenterSupport.SUPPORTED) {
			return remember(new ScopeCheck(null, null, "The cluster cannot tell whether " + scope.describe()
					+ " exists: " + ((this.rackDatacenterSupport == RackDatacenterSupport.UNSUPPORTED)
							? "its /localnodes ignores the dc and rack parameters (ScyllaDB before 2025.1)"
							: "no node could be asked")));
		}
		String datacenter = scope.datacenter().orElseThrow();
		Boolean datacenterKnown;
		try {
			datacenterKnown = !ask("?dc=" + encode(datacenter)).isEmpty();
		}
		catch (DiscoveryException ex) {
			return remember(new ScopeCheck(null, null, "Could not check " + scope.describe() + ": " + ex.getMessage()));
		}
		Boolean rackKnown = null;
		if (scope.rack().isPresent() && datacenterKnown) {
			try {
				rackKnown = !ask(query(scope)).isEmpty();
			}
			catch (DiscoveryException ex) {
				rackKnown = null;
			}
		}
		else if (scope.rack().isPresent()) {
			rackKnown = false;
		}
		String message;
		if (!datacenterKnown) {
			message = "Datacenter '" + datacenter + "' is not known to the cluster: no node is listed for ?dc="
					+ datacenter + ". Check alternator datacenter (names match exactly)";
		}
		else if (Boolean.FALSE.equals(rackKnown)) {
			message = "Rack '" + scope.rack().get() + "' is not known in datacenter '" + datacenter
					+ "': no node is listed for it. Check alternator rack (names match exactly)";
		}
		else {
			message = scope.describe() + " is known to the cluster";
		}
		return remember(new ScopeCheck(datacenterKnown, rackKnown, message));
	}

	private ScopeCheck remember(ScopeCheck check) {
		this.scopeCheck = check;
		return check;
	}

	private void checkSupportAndScope() {
		ScopeCheck check = checkScope();
		if (this.rackDatacenterSupport == RackDatacenterSupport.UNSUPPORTED && !this.configuredScope.isCluster()) {
			logger.warn("This Alternator cluster ignores the dc and rack parameters of /localnodes (ScyllaDB before"
					+ " 2025.1): routing to {} really uses the contacted node's datacenter",
					this.configuredScope.describe());
		}
		if (!check.isValid()) {
			logger.warn("{}{}", check.message(), this.configuredScope.fallback().isPresent()
					? "; falling back to " + this.configuredScope.fallback().get() : "");
		}
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
	 * A discovery call that gave no usable answer; its message says which node and why.
	 */
	static final class DiscoveryException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		DiscoveryException(String message) {
			super(message, null, false, false);
		}

	}

}
