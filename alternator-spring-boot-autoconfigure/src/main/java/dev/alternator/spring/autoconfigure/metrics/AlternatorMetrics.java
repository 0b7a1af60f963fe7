package dev.alternator.spring.autoconfigure.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import dev.alternator.client.AlternatorListener;
import dev.alternator.client.AlternatorLoadBalancer;
import dev.alternator.client.AlternatorNode;
import dev.alternator.client.AttemptResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Micrometer meters of an {@link AlternatorLoadBalancer}, all named {@code alternator.client.*}:
 * <ul>
 * <li>{@code alternator.client.requests} (counter, tag {@code node}): attempts sent to each node;</li>
 * <li>{@code alternator.client.errors} (counter, tag {@code node}): attempts that failed at the transport or with a
 * 5xx status;</li>
 * <li>{@code alternator.client.attempts} (timer, tags {@code node} and {@code outcome}): how long each node took to
 * answer each attempt, from the load balancer's attempt events; {@code outcome} is one of {@code SUCCESS},
 * {@code CLIENT_ERROR} (4xx), {@code SERVER_ERROR} (5xx), {@code TRANSPORT_FAILURE} (no answer),
 * {@code CLIENT_SIDE_FAILURE} (the client gave up: SDK timeouts, exhausted pool);</li>
 * <li>{@code alternator.client.retries.moved} (counter): retries sent to another node than the failed attempt;</li>
 * <li>{@code alternator.client.nodes.live} and {@code alternator.client.nodes.quarantined} (gauges);</li>
 * <li>{@code alternator.client.discovery} (timer, tag {@code outcome}): {@code /localnodes} calls;</li>
 * <li>{@code alternator.client.discovery.failures} (counter).</li>
 * </ul>
 * A node's meters are removed when it leaves the node list, so the {@code node} tag stays bounded.
 */
public class AlternatorMetrics implements MeterBinder, AlternatorListener {

	static final String PREFIX = "alternator.client.";

	private final AlternatorLoadBalancer loadBalancer;

	private volatile MeterRegistry registry;

	private final Map<AlternatorNode, Counter> requests = new ConcurrentHashMap<>();

	private final Map<AlternatorNode, Counter> errors = new ConcurrentHashMap<>();

	private final Function<AlternatorNode, Counter> newRequestCounter = (node) -> Counter
		.builder(PREFIX + "requests")
		.description("Request attempts sent to an Alternator node")
		.tags(nodeTag(node))
		.register(this.registry);

	private final Function<AlternatorNode, Counter> newErrorCounter = (node) -> Counter.builder(PREFIX + "errors")
		.description("Request attempts to an Alternator node that failed at the transport or with a 5xx status")
		.tags(nodeTag(node))
		.register(this.registry);

	/** Per node, its attempt timers by outcome ordinal, registered on first use. */
	private final Map<AlternatorNode, Timer[]> attempts = new ConcurrentHashMap<>();

	private final Function<AlternatorNode, Timer[]> newAttemptTimers = (node) -> new Timer[AttemptResult.Outcome
		.values().length];

	private Counter retriesMoved;

	private Counter discoveryFailures;

	private Timer discoverySuccess;

	/**
	 * Creates the meters' owner; {@link #bindTo(MeterRegistry)} registers them and listens to the load balancer.
	 * @param loadBalancer the load balancer to measure
	 */
	public AlternatorMetrics(AlternatorLoadBalancer loadBalancer) {
		this.loadBalancer = loadBalancer;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registry = registry;
		this.retriesMoved = Counter.builder(PREFIX + "retries.moved")
			.description("Retries sent to another Alternator node than the attempt that failed")
			.register(registry);
		this.discoveryFailures = Counter.builder(PREFIX + "discovery.failures")
			.description("Calls to /localnodes that failed or gave an unusable answer")
			.register(registry);
		this.discoverySuccess = Timer.builder(PREFIX + "discovery")
			.description("Successful calls to /localnodes")
			.tags("outcome", "success")
			.register(registry);
		Gauge.builder(PREFIX + "nodes.live", this.loadBalancer, (lb) -> lb.state().liveNodes().size())
			.description("Alternator nodes of the active scope that take requests")
			.register(registry);
		Gauge.builder(PREFIX + "nodes.quarantined", this.loadBalancer, (lb) -> lb.state().quarantinedNodes().size())
			.description("Alternator nodes out of rotation, waiting for a successful health probe")
			.register(registry);
		this.loadBalancer.addListener(this);
	}

	@Override
	public void requestRouted(AlternatorNode node, int attempt) {
		if (this.registry != null) {
			this.requests.computeIfAbsent(node, this.newRequestCounter).increment();
		}
	}

	@Override
	public void requestFailed(AlternatorNode node, Throwable cause) {
		if (this.registry != null) {
			this.errors.computeIfAbsent(node, this.newErrorCounter).increment();
		}
	}

	@Override
	public void attemptEnded(AttemptResult result) {
		MeterRegistry registry = this.registry;
		if (registry == null) {
			return;
		}
		Timer[] timers = this.attempts.computeIfAbsent(result.node(), this.newAttemptTimers);
		int outcome = result.outcome().ordinal();
		Timer timer = timers[outcome];
		if (timer == null) {
			// A race here registers the same timer twice: the registry gives back the one it has.
			timer = Timer.builder(PREFIX + "attempts")
				.description("Request attempts to an Alternator node, from sending to the answer's status, by outcome")
				.tags(nodeTag(result.node()))
				.tag("outcome", result.outcome().name())
				.register(registry);
			timers[outcome] = timer;
		}
		timer.record(result.durationNanos(), TimeUnit.NANOSECONDS);
	}

	@Override
	public void retryMovedToAnotherNode(AlternatorNode from, AlternatorNode to) {
		if (this.retriesMoved != null) {
			this.retriesMoved.increment();
		}
	}

	@Override
	public void discoveryCompleted(AlternatorNode contacted, Duration took) {
		if (this.discoverySuccess != null) {
			this.discoverySuccess.record(took);
		}
	}

	@Override
	public void discoveryFailed(AlternatorNode contacted, String error) {
		if (this.discoveryFailures != null) {
			this.discoveryFailures.increment();
		}
	}

	@Override
	public void nodesChanged(List<AlternatorNode> liveNodes) {
		Set<AlternatorNode> kept = new java.util.HashSet<>(liveNodes);
		kept.addAll(this.loadBalancer.state().quarantinedNodes());
		removeMetersOfNodesNotIn(kept, this.requests);
		removeMetersOfNodesNotIn(kept, this.errors);
		this.attempts.entrySet().removeIf((entry) -> {
			if (kept.contains(entry.getKey())) {
				return false;
			}
			MeterRegistry current = this.registry;
			for (Timer timer : entry.getValue()) {
				if (current != null && timer != null) {
					current.remove(timer);
				}
			}
			return true;
		});
	}

	private void removeMetersOfNodesNotIn(Set<AlternatorNode> kept, Map<AlternatorNode, ? extends Meter> meters) {
		meters.entrySet().removeIf((entry) -> {
			if (kept.contains(entry.getKey())) {
				return false;
			}
			MeterRegistry current = this.registry;
			if (current != null) {
				current.remove(entry.getValue());
			}
			return true;
		});
	}

	private static Tags nodeTag(AlternatorNode node) {
		return Tags.of("node", node.host() + ":" + node.port());
	}

}
