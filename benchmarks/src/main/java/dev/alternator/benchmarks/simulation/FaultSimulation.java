package dev.alternator.benchmarks.simulation;

import java.util.ArrayList;
import java.util.List;

/**
 * The long runner of the randomised fault simulation: runs many seeds one after another and prints, per seed and in
 * total, the schedules run, calls made, calls failed, invariant violations and the worst call latency, then every
 * failing seed with the command that replays it. See {@link SimulationRun} for the invariant.
 * <pre>
 * ./mvnw -q -pl benchmarks -am package -DskipTests exec:exec \
 *     -Dbenchmark.args="-cp %classpath dev.alternator.benchmarks.simulation.FaultSimulation --seeds 50"
 * </pre>
 * Options: {@code --seeds N} (default 20), {@code --from S} (first seed, default 1), {@code --seed S} (only that
 * seed, printing its schedule), {@code --duration-ms D} (each schedule's length, default 8000).
 */
public final class FaultSimulation {

	private FaultSimulation() {
	}

	/**
	 * Runs the seeds the arguments name; exits with status 1 when any seed broke the invariant.
	 * @param args the options
	 * @throws InterruptedException when interrupted
	 */
	public static void main(String[] args) throws InterruptedException {
		long from = 1;
		int count = 20;
		long duration = 8_000;
		boolean single = false;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--seeds" -> count = Integer.parseInt(args[++i]);
				case "--from" -> from = Long.parseLong(args[++i]);
				case "--seed" -> {
					from = Long.parseLong(args[++i]);
					count = 1;
					single = true;
				}
				case "--duration-ms" -> duration = Long.parseLong(args[++i]);
				default -> throw new IllegalArgumentException("Unknown option " + args[i]
						+ "; use --seeds N, --from S, --seed S, --duration-ms D");
			}
		}
		List<SimulationResult> failing = new ArrayList<>();
		long calls = 0;
		long failed = 0;
		long violations = 0;
		long worst = 0;
		for (long seed = from; seed < from + count; seed++) {
			SimulationResult result = SimulationRun.run(seed, duration);
			System.out.println(result.summary());
			if (single) {
				result.schedule().forEach((step) -> System.out.println("  " + step));
			}
			result.violations().forEach((violation) -> System.out.println("  " + violation));
			calls += result.calls();
			failed += result.failedCalls();
			violations += result.violationCount();
			worst = Math.max(worst, result.worstMillis());
			if (!result.passed()) {
				failing.add(result);
			}
		}
		System.out.printf("%nschedules run: %d, calls made: %d, calls failed: %d, violations: %d, worst call: %d ms%n",
				count, calls, failed, violations, worst);
		System.out.printf("failing seeds: %d of %d%n", failing.size(), count);
		for (SimulationResult result : failing) {
			System.out.println("  seed " + result.seed() + ": " + result.replayCommand(duration));
		}
		System.exit(failing.isEmpty() ? 0 : 1);
	}

}
