package dev.alternator.benchmarks;

import java.time.Duration;

/**
 * The timing of a soak: how long the load runs, how often a node is killed and for how long, how often resources
 * are sampled, and after how long the baseline for the bounds is taken. Nodes are killed in turn, one per cycle, at
 * the end of the cycle: up for {@code killEvery - downFor}, then down for {@code downFor}.
 * @param duration how long the load runs
 * @param killEvery the length of one kill cycle
 * @param downFor how long a killed node stays down, less than {@code killEvery}
 * @param sampleEvery how often threads, descriptors and heap are read
 * @param warmUp when the baseline is read: the first sample at or after it, so after at least one kill cycle
 */
record SoakSchedule(Duration duration, Duration killEvery, Duration downFor, Duration sampleEvery, Duration warmUp) {

	SoakSchedule {
		if (downFor.compareTo(killEvery) >= 0) {
			throw new IllegalArgumentException("downFor (" + downFor + ") must be shorter than killEvery (" + killEvery
					+ "), for example 5 s down in a 20 s cycle");
		}
		if (warmUp.compareTo(duration) >= 0) {
			throw new IllegalArgumentException("warmUp (" + warmUp + ") must be shorter than duration (" + duration
					+ ") so that samples remain to check against the baseline");
		}
		if (sampleEvery.isZero() || sampleEvery.isNegative()) {
			throw new IllegalArgumentException("sampleEvery must be positive, was " + sampleEvery);
		}
	}

	/**
	 * The documented soak: the given minutes, a node killed every 20 s for 5 s, a sample every 10 s, the baseline
	 * after 30 s (one kill cycle and a bit).
	 */
	static SoakSchedule minutes(int minutes) {
		if (minutes < 1) {
			throw new IllegalArgumentException("A soak runs for at least 1 minute, was " + minutes + "; for example 10");
		}
		return new SoakSchedule(Duration.ofMinutes(minutes), Duration.ofSeconds(20), Duration.ofSeconds(5),
				Duration.ofSeconds(10), Duration.ofSeconds(30));
	}

}
