package dev.alternator.spring.autoconfigure.timing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.alternator.local.LocalCluster;
import dev.alternator.spring.autoconfigure.HungSeeds;
import dev.alternator.spring.autoconfigure.AlternatorAutoConfiguration;
import dev.alternator.spring.autoconfigure.endpoint.AlternatorEndpointAutoConfiguration;
import dev.alternator.spring.autoconfigure.health.AlternatorHealthContributorAutoConfiguration;
import dev.alternator.spring.autoconfigure.metrics.AlternatorMetricsAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Context start-up and close times of an application that uses the synchronous client only, against a responsive
 * three-node local cluster and against three seeds that accept connections but never answer. Prints medians of five
 * runs per scenario; asserts nothing (a measurement, not a test). Run with
 * {@code ./mvnw -q -o -pl alternator-spring-boot-autoconfigure -am verify -Dtest=ContextTimings
 * -Dsurefire.failIfNoSpecifiedTests=false -Dalternator.timings=true}.
 * <p>
 * Scenarios named "eager" reproduce the behaviour before the lazy async client and the background start by
 * configuration: a bean that takes the async client, and a first-node-list wait long enough to wait for discovery.
 */
@EnabledIfSystemProperty(named = "alternator.timings", matches = "true")
class ContextTimings {

	private static final int RUNS = 5;

	@Test
	void printStartUpAndCloseTimes() throws Exception {
		List<String> report = new ArrayList<>();
		try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 3).start();
				HungSeeds hung = new HungSeeds(3)) {
			String up = "alternator.seeds=" + cluster.seeds().get(0);
			String down = "alternator.seeds=" + String.join(",", hung.seeds());
			// Warm-up: class loading of the first context would weigh on whichever scenario ran first.
			measure(up, false);
			measure(up, true);
			report.add(line("responsive cluster, default", up, false));
			report.add(line("responsive cluster, eager (as before)", up, true));
			report.add(line("3 hung seeds, default", down, false));
			report.add(line("3 hung seeds, eager (as before)", down, true));
		}
		System.out.println("Context timings (median of " + RUNS + ", ms)\n"
				+ String.format(Locale.ROOT, "%-40s %10s %10s%n", "scenario", "start-up", "close")
				+ String.join("\n", report));
	}

	private static String line(String name, String seeds, boolean eager) {
		long[] start = new long[RUNS];
		long[] close = new long[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long[] timing = measure(seeds, eager);
			start[i] = timing[0];
			close[i] = timing[1];
		}
		return String.format(Locale.ROOT, "%-40s %10d %10d", name, median(start), median(close));
	}

	private static long[] measure(String seeds, boolean eager) {
		SpringApplicationBuilder builder = new SpringApplicationBuilder(
				eager ? EagerApplication.class : TimedApplication.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties(seeds, "logging.level.root=warn", "spring.main.banner-mode=off");
		if (eager) {
			builder.properties("alternator.discovery.initial-wait=1h");
		}
		long t0 = System.nanoTime();
		ConfigurableApplicationContext context = builder.run();
		long t1 = System.nanoTime();
		context.getBean(DynamoDbClient.class);
		context.close();
		long t2 = System.nanoTime();
		return new long[] { (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000 };
	}

	private static long median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ AlternatorAutoConfiguration.class, AlternatorHealthContributorAutoConfiguration.class,
			AlternatorMetricsAutoConfiguration.class, AlternatorEndpointAutoConfiguration.class })
	static class TimedApplication {

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ AlternatorAutoConfiguration.class, AlternatorHealthContributorAutoConfiguration.class,
			AlternatorMetricsAutoConfiguration.class, AlternatorEndpointAutoConfiguration.class })
	static class EagerApplication {

		@Configuration(proxyBeanMethods = false)
		static class UsesTheAsyncClient {

			@Bean
			Object asyncClientUser(DynamoDbAsyncClient client) {
				return client;
			}

		}

	}

}
