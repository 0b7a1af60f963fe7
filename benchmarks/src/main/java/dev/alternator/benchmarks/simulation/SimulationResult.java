package dev.alternator.benchmarks.simulation;

import java.util.List;

/**
 * What one seeded run found.
 * @param seed the seed that drove every random choice
 * @param layout the cluster and scope
 * @param steps how many scheduled actions ran
 * @param calls calls made
 * @param failedCalls calls that failed, excused or not
 * @param worstMillis the longest call, in milliseconds
 * @param violationCount how many calls broke the invariant
 * @param violations the first of them, described; empty when the run passed
 * @param schedule the schedule, for a report of a failing seed
 */
public record SimulationResult(long seed, SimulationLayout layout, int steps, long calls, long failedCalls,
		long worstMillis, int violationCount, List<String> violations, List<FaultSchedule.Step> schedule) {

	/**
	 * Whether no call broke the invariant.
	 * @return {@code true} when the run passed
	 */
	public boolean passed() {
		return this.violationCount == 0;
	}

	/**
	 * The command that replays this seed with the long runner.
	 * @param durationMillis the schedule's duration
	 * @return a shell command, from the repository's root
	 */
	public String replayCommand(long durationMillis) {
		return "./mvnw -q -pl benchmarks -am package -DskipTests exec:exec -Dbenchmark.args=\"-cp %classpath "
				+ FaultSimulation.class.getName() + " --seed " + this.seed + " --duration-ms " + durationMillis + "\"";
	}

	/**
	 * A one-line summary.
	 * @return the summary
	 */
	public String summary() {
		return "seed " + this.seed + " (" + this.layout.describe() + "): " + this.steps + " actions, " + this.calls
				+ " calls, " + this.failedCalls + " failed, " + this.violationCount + " violations, worst call "
				+ this.worstMillis + " ms";
	}

}
