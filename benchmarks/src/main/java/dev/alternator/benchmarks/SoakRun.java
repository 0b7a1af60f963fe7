package dev.alternator.benchmarks;

import java.util.List;

/**
 * What a soak did and saw.
 * @param schedule the timing it ran with
 * @param samples the readings, in time order
 * @param kills when nodes were killed, in seconds since the load started
 * @param succeeded requests that succeeded
 * @param failed requests that failed
 * @param firstFailure the first failure's exception type and message, or {@code null} when none failed
 */
record SoakRun(SoakSchedule schedule, List<SoakSample> samples, List<Double> kills, long succeeded, long failed,
		String firstFailure) {

	/**
	 * The reading the bounds are relative to: the first one taken at or after the warm-up.
	 */
	SoakSample baseline() {
		double warmUp = this.schedule.warmUp().toMillis() / 1000.0;
		return this.samples.stream()
			.filter((sample) -> sample.seconds() >= warmUp)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No sample after the warm-up of " + warmUp + " s"));
	}

	/**
	 * The readings from the baseline on.
	 */
	List<SoakSample> afterWarmUp() {
		double from = baseline().seconds();
		return this.samples.stream().filter((sample) -> sample.seconds() >= from).toList();
	}

}
