package dev.alternator.sample;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import dev.alternator.client.AlternatorListener;
import dev.alternator.client.AlternatorLoadBalancer;
import dev.alternator.client.AlternatorNode;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A demonstration: sends a burst of reads and shows, as a table, how the load balancer spread them over the nodes.
 * {@code curl -X POST 'localhost:8080/demo/spread?requests=300'}
 */
@RestController
class SpreadDemoController {

	private static final int MAX_REQUESTS = 10_000;

	private final ProductRepository repository;

	private final AlternatorLoadBalancer loadBalancer;

	SpreadDemoController(ProductRepository repository, AlternatorLoadBalancer loadBalancer) {
		this.repository = repository;
		this.loadBalancer = loadBalancer;
	}

	@PostMapping(path = "/demo/spread", produces = MediaType.TEXT_PLAIN_VALUE)
	String spread(@RequestParam(defaultValue = "300") int requests) {
		if (requests < 1 || requests > MAX_REQUESTS) {
			throw new ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST,
					"requests must be between 1 and " + MAX_REQUESTS + ", was " + requests);
		}
		Map<AlternatorNode, LongAdder> counts = new ConcurrentHashMap<>();
		AlternatorListener counter = new AlternatorListener() {
			@Override
			public void requestRouted(AlternatorNode node, int attempt) {
				counts.computeIfAbsent(node, (key) -> new LongAdder()).increment();
			}
		};
		this.loadBalancer.addListener(counter);
		try {
			for (int i = 0; i < requests; i++) {
				this.repository.findById("demo-" + i);
			}
		}
		finally {
			this.loadBalancer.removeListener(counter);
		}
		return table(counts, requests);
	}

	static String table(Map<AlternatorNode, LongAdder> counts, int requests) {
		Map<String, Long> sorted = new TreeMap<>();
		counts.forEach((node, count) -> sorted.put(node.toString(), count.sum()));
		StringBuilder table = new StringBuilder();
		table.append(String.format("%-32s %9s %7s%n", "Node", "Requests", "Share"));
		sorted.forEach((node, count) -> {
			double share = 100.0 * count / requests;
			table.append(String.format("%-32s %9d %6.1f%% %s%n", node, count, share,
					"#".repeat((int) Math.round(share / 2))));
		});
		table.append(String.format("%-32s %9d%n", "Total", requests));
		return table.toString();
	}

}
