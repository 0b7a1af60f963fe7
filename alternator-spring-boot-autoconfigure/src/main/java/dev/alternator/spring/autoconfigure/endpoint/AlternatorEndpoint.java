package dev.alternator.spring.autoconfigure.endpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.alternator.client.AlternatorLoadBalancer;
import dev.alternator.client.AlternatorNode;
import dev.alternator.client.AlternatorState;
import dev.alternator.client.RoutingScope;
import dev.alternator.spring.autoconfigure.endpoint.AlternatorDescriptor.Node;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The {@code alternator} actuator endpoint: every node of the active scope with its state, the configured and active
 * scope, rack/DC support, key-route affinity, and the last discovery result. It reads
 * {@link AlternatorLoadBalancer#state()} only, so a call sends no request to the cluster.
 */
@Endpoint(id = "alternator")
public class AlternatorEndpoint {

	private final AlternatorLoadBalancer loadBalancer;

	/**
	 * Creates the endpoint for the given load balancer.
	 * @param loadBalancer the load balancer whose state is reported
	 */
	public AlternatorEndpoint(AlternatorLoadBalancer loadBalancer) {
		this.loadBalancer = loadBalancer;
	}

	/**
	 * Describes what the load balancer knows now.
	 * @return the description
	 */
	@ReadOperation
	public AlternatorDescriptor alternator() {
		AlternatorState state = this.loadBalancer.state();
		String chain = state.scopeChain().stream().map(RoutingScope::describe).collect(Collectors.joining(" -> "));
		return new AlternatorDescriptor(nodes(state), chain,
				state.activeScope().describe(), state.fallbackInUse(), state.rackDatacenterSupport(),
				state.datacenterKnown().orElse(null), state.rackKnown().orElse(null), state.keyRouteAffinity(),
				state.partitionKeys(), state.lastRefresh().map(Object::toString).orElse(null),
				state.lastError().orElse(null));
	}

	private static List<Node> nodes(AlternatorState state) {
		List<Node> nodes = new ArrayList<>(state.liveNodes().size() + state.quarantinedNodes().size());
		for (AlternatorNode node : state.liveNodes()) {
			nodes.add(new Node(node.toString(), Node.LIVE));
		}
		for (AlternatorNode node : state.quarantinedNodes()) {
			nodes.add(new Node(node.toString(), Node.QUARANTINED));
		}
		return nodes;
	}

}
