package dev.alternator.sample.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.alternator.client.AlternatorLoadBalancer;
import dev.alternator.client.AlternatorNode;
import dev.alternator.client.AlternatorState;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The JSON behind {@code /failover.html}: {@code GET /demo/status} for the page's table, and
 * {@code POST /demo/nodes/{address}/{kill|hang|restart}} for its buttons, which exists only when a
 * {@link DemoNodeControl} bean does (an embedded cluster).
 */
@RestController
class FailoverDemoController {

	private final AlternatorLoadBalancer loadBalancer;

	private final ObjectProvider<DemoLoad> load;

	private final ObjectProvider<DemoNodeControl> control;

	FailoverDemoController(AlternatorLoadBalancer loadBalancer, ObjectProvider<DemoLoad> load,
			ObjectProvider<DemoNodeControl> control) {
		this.loadBalancer = loadBalancer;
		this.load = load;
		this.control = control;
	}

	@GetMapping("/demo/status")
	DemoStatus status() {
		AlternatorState state = this.loadBalancer.state();
		DemoLoad demoLoad = this.load.getIfAvailable();
		DemoNodeControl nodeControl = this.control.getIfAvailable();
		Map<String, String> processes = (nodeControl != null) ? nodeControl.nodeStates() : Map.of();
		Map<String, Long> perSecond = byAddress((demoLoad != null) ? demoLoad.attemptsLastSecond() : Map.of());
		Map<String, Long> totals = byAddress((demoLoad != null) ? demoLoad.attemptsPerNode() : Map.of());
		Map<String, String> states = new TreeMap<>();
		processes.keySet().forEach((address) -> states.put(address, "quarantined"));
		state.quarantinedNodes().forEach((node) -> states.put(address(node), "quarantined"));
		state.liveNodes().forEach((node) -> states.put(address(node), "live"));
		List<DemoStatus.Node> nodes = new ArrayList<>();
		states.forEach((address, routing) -> {
			String process = processes.get(address);
			// A joining node answers 503 and the client quarantines it: the node's own word is the better one.
			String shown = "joining".equals(process) ? "joining" : routing;
			nodes.add(new DemoStatus.Node(address, shown, process, perSecond.getOrDefault(address, 0L),
					totals.getOrDefault(address, 0L)));
		});
		String scope = state.activeScope().describe()
				+ (state.fallbackInUse() ? " (fallback from " + state.configuredScope().describe() + ")" : "");
		return new DemoStatus(scope, demoLoad != null && demoLoad.isRunning(), nodeControl != null,
				(demoLoad != null) ? demoLoad.succeeded() : 0, (demoLoad != null) ? demoLoad.failed() : 0, nodes);
	}

	@PostMapping("/demo/nodes/{address}/{action}")
	ResponseEntity<Void> control(@PathVariable String address, @PathVariable String action) {
		DemoNodeControl nodeControl = Optional.ofNullable(this.control.getIfAvailable())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					"Nodes can only be controlled on the embedded local cluster"));
		DemoNodeControl.NodeAction nodeAction;
		try {
			nodeAction = DemoNodeControl.NodeAction.valueOf(action.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"Unknown action '" + action + "': use kill, hang or restart");
		}
		if (!nodeControl.apply(address, nodeAction)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No node at '" + address + "'");
		}
		return ResponseEntity.noContent().build();
	}

	private static Map<String, Long> byAddress(Map<AlternatorNode, Long> counts) {
		Map<String, Long> result = new TreeMap<>();
		counts.forEach((node, count) -> result.merge(address(node), count, Long::sum));
		return result;
	}

	static String address(AlternatorNode node) {
		return node.host() + ":" + node.port();
	}

}
