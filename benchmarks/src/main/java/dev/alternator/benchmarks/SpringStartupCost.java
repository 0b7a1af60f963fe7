package dev.alternator.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.alternator.local.LocalCluster;

/**
 * What the starter adds to a Spring Boot application's start-up against a running cluster: the same application
 * started in fresh JVMs, alternately without ({@code alternator.enabled=false}) and with the auto-configuration
 * (load balancer, first discovery round, clients, health and metrics beans). Prints the medians.
 * {@code ./mvnw -q -pl benchmarks -am package -DskipTests exec:exec -Djmh.args=...} is for JMH; run this one with
 * {@code exec:exec -Dexec.args="-cp %classpath dev.alternator.benchmarks.SpringStartupCost"}.
 */
public final class SpringStartupCost {

	private static final int RUNS = 7;

	private SpringStartupCost() {
	}

	/**
	 * Runs the comparison.
	 * @param args none
	 * @throws Exception when a child JVM cannot be run
	 */
	public static void main(String[] args) throws Exception {
		try (LocalCluster cluster = LocalCluster.start()) {
			String seed = cluster.seeds().get(0);
			List<Long> bare = new ArrayList<>();
			List<Long> withStarter = new ArrayList<>();
			List<Long> plainClient = new ArrayList<>();
			run("--alternator.enabled=false");
			for (int i = 0; i < RUNS; i++) {
				bare.add(run("--alternator.enabled=false"));
				plainClient.add(run("--alternator.enabled=false", "--bench.plain-endpoint=" + seed));
				withStarter.add(run("--alternator.seeds=" + seed, "--bench.use-client=true"));
			}
			long bareMedian = median(bare);
			long starterMedian = median(withStarter);
			long plainMedian = median(plainClient);
			System.out.printf("Spring Boot start-up, median of %d fresh JVMs: no DynamoDB client %d ms, plain SDK client"
					+ " %d ms, starter %d ms; the starter adds %d ms to the plain-client application%n", RUNS, bareMedian,
					plainMedian, starterMedian, starterMedian - plainMedian);
			System.out.println("  no client:    " + bare);
			System.out.println("  plain client: " + plainClient);
			System.out.println("  starter:      " + withStarter);
		}
	}

	private static long run(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(javaExecutable(), "-cp", System.getProperty("java.class.path"),
				StartupApplication.class.getName()));
		command.addAll(List.of(arguments));
		String argument = String.join(" ", arguments);
		Process process = new ProcessBuilder(command)
			.redirectErrorStream(true)
			.start();
		long millis = -1;
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.startsWith(StartupApplication.MARKER)) {
					millis = Long.parseLong(line.substring(StartupApplication.MARKER.length()).trim());
				}
			}
		}
		if (process.waitFor() != 0 || millis < 0) {
			throw new IllegalStateException("Start-up run with " + argument + " failed");
		}
		return millis;
	}

	private static long median(List<Long> values) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	private static String javaExecutable() {
		return System.getProperty("java.home") + "/bin/java";
	}

}
