package dev.alternator.spring.autoconfigure.health;

import java.util.List;

import dev.alternator.client.AlternatorLoadBalancer;
import dev.alternator.client.AlternatorNode;
import dev.alternator.client.AlternatorState;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the Alternator cluster as the load balancer sees it: UP with at least one live node in the active scope,
 * DOWN with none, UNKNOWN before discovery has first answered or failed and before any node was taken out of rotation
 * (the load balancer starts with the first client that uses it). Reads the load balancer's state only; it sends no request of its own.
 * <p>
 * Details (stable keys): {@code liveNodes} (count), {@code nodes}, {@code quarantinedNodes}, {@code configuredScope},
 * {@code activeScope}, {@code fallbackInUse}, {@code rackDatacenterSupport}, {@code keyRouteAffinity}, and when
 * known {@code datacenterKnown},
 * {@code rackKnown}, {@code lastRefresh}, {@code lastError}.
 */
public class AlternatorHealthIndicator extends AbstractHealthIndicator {

	private final AlternatorLoadBalancer loadBalancer;

	/**
	 * Creates an indicator for the given load balancer.
	 * @param loadBalancer the load balancer whose state is reported
	 */
	public AlternatorHealthIndicator(AlternatorLoadBalancer loadBalancer) {
		super("Alternator health check failed");
		this.loadBalancer = loadBalancer;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		AlternatorState state = this.loadBalancer.state();
		if (state.liveNodes().isEmpty() && state.quarantinedNodes().isEmpty() && state.lastRefresh().isEmpty()
				&& state.lastError().isEmpty()) {
			// Discovery has neither answered nor failed and no node has been found down: not started (no client uses
			// this load balancer yet), or its first round is still waiting for a seed. Neither is known to be down.
			// (With discovery off nothing ever refreshes: a seed taken out of rotation is what says the cluster is down.)
			builder.unknown().withDetail("discovery", "not completed yet");
		}
		else if (state.liveNodes().isEmpty()) {
			builder.down();
		}
		else {
			builder.up();
		}
		builder.withDetail("liveNodes", state.liveNodes().size())
			.withDetail("nodes", addresses(state.liveNodes()))
			.withDetail("quarantinedNodes", addresses(state.quarantinedNodes()))
			.withDetail("configuredScope", state.configuredScope().toString())
			.withDetail("activeScope", state.activeScope().describe())
			.withDetail("fallbackInUse", state.fallbackInUse())
			.withDetail("rackDatacenterSupport", state.rackDatacenterSupport().name())
			.withDetail("keyRouteAffinity", state.keyRouteAffinity().name());
		state.datacenterKnown().ifPresent((known) -> builder.withDetail("datacenterKnown", known));
		state.rackKnown().ifPresent((known) -> builder.withDetail("rackKnown", known));
		state.lastRefresh().ifPresent((time) -> builder.withDetail("lastRefresh", time.toString()));
		state.lastError().ifPresent((error) -> builder.withDetail("lastError", error));
	}

	private static List<String> addresses(List<AlternatorNode> nodes) {
		return nodes.stream().map(AlternatorNode::toString).toList();
	}

}
