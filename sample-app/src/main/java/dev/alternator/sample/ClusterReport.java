package dev.alternator.sample;

import dev.alternator.client.AlternatorLoadBalancer;
import dev.alternator.client.AlternatorNode;
import dev.alternator.client.AlternatorState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Logs, once at start-up, which nodes the application talks to and how it routes.
 */
@Component
class ClusterReport implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(ClusterReport.class);

	private final AlternatorLoadBalancer loadBalancer;

	private final Environment environment;

	ClusterReport(AlternatorLoadBalancer loadBalancer, Environment environment) {
		this.loadBalancer = loadBalancer;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		logger.info(describe(this.loadBalancer.state(), baseUrl(this.environment)));
	}

	/**
	 * Where this application answers: the port the web server actually bound ({@code server.port=0} picks a free one),
	 * on {@code server.address} if one is set.
	 */
	static String baseUrl(Environment environment) {
		String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
		String address = environment.getProperty("server.address", "localhost");
		return "http://" + address + ":" + port;
	}

	static String describe(AlternatorState state, String baseUrl) {
		StringBuilder report = new StringBuilder("\n");
		report.append("  Alternator cluster\n");
		report.append("  ------------------\n");
		report.append("  Routing scope    : ").append(state.activeScope().describe());
		if (state.fallbackInUse()) {
			report.append(" (fallback from ").append(state.configuredScope().describe()).append(')');
		}
		report.append('\n');
		report.append("  Rack/DC filtering: ").append(state.rackDatacenterSupport()).append('\n');
		report.append("  Live nodes (").append(state.liveNodes().size()).append(")   :\n");
		for (AlternatorNode node : state.liveNodes()) {
			report.append("    - ").append(node).append('\n');
		}
		if (!state.quarantinedNodes().isEmpty()) {
			report.append("  Quarantined      : ").append(state.quarantinedNodes()).append('\n');
		}
		state.lastError().ifPresent((error) -> report.append("  Last error       : ").append(error).append('\n'));
		report.append("  Try: curl -X POST '").append(baseUrl).append("/demo/spread?requests=300'\n");
		report.append("  Demo: ").append(baseUrl).append("/failover.html");
		return report.toString();
	}

}
