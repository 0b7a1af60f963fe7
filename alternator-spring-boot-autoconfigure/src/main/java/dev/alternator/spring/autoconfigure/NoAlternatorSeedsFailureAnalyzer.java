package dev.alternator.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up without Alternator seeds and how to give them.
 */
class NoAlternatorSeedsFailureAnalyzer extends AbstractFailureAnalyzer<NoAlternatorSeedsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NoAlternatorSeedsException cause) {
		return new FailureAnalysis(
				"The Alternator auto-configuration needs at least one node of the cluster to start from, but the"
						+ " property alternator.seeds is empty and no AlternatorConnectionDetails bean (a service connection"
						+ " or a LocalCluster bean) gives them.",
				"Set alternator.seeds to one or more Alternator nodes, for example alternator.seeds=10.0.0.1:8000 or"
						+ " alternator.seeds=https://node1.example.com:8043. For development and tests without a"
						+ " database, declare a dev.alternator.local.LocalCluster bean in a test configuration and run"
						+ " the application from src/test (SpringApplication.from(...).with(...), spring-boot:test-run)."
						+ " To turn the auto-configuration off, set alternator.enabled=false.",
				cause);
	}

}
