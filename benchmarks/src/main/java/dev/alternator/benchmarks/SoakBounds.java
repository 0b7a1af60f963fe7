package dev.alternator.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * How far above the soak's baseline (its first reading after the warm-up) each later reading may go. A leak grows with
 * every kill cycle or with every request; these margins sit well above the swing a healthy run shows between cycles
 * (connections reset by a kill and opened again, a pool thread waiting out its idle time), so that only growth breaks
 * them, and being relative to the same run's baseline they hold on any machine or JDK.
 * @param extraThreads live threads allowed above the baseline
 * @param extraFileDescriptors open file descriptors allowed above the baseline (sockets are descriptors)
 * @param extraHeapMegabytes MB of heap after GC allowed above the baseline
 */
record SoakBounds(int extraThreads, int extraFileDescriptors, int extraHeapMegabytes) {

	/**
	 * The bounds the soak scenario and its CI test check. Healthy runs on a loaded 2-core machine (one of 10 minutes,
	 * two of 30 s) stayed within -2/+2 threads, -11/+2 descriptors and 0.3 MB of heap of their baselines: the thread and
	 * descriptor margins are more than twice that and below the +30 that one leaked thread or descriptor per kill adds
	 * over the 30 kills of 10 minutes; the heap margin is a hundred times the swing.
	 */
	static final SoakBounds DEFAULT = new SoakBounds(20, 25, 32);

	double threadLimit(SoakSample baseline) {
		return baseline.resources().threads() + this.extraThreads;
	}

	double fileDescriptorLimit(SoakSample baseline) {
		return baseline.resources().fileDescriptors() + this.extraFileDescriptors;
	}

	double heapLimitMegabytes(SoakSample baseline) {
		return baseline.resources().heapAfterGcMegabytes() + this.extraHeapMegabytes;
	}

	/**
	 * The bounds in words, with the baseline's values.
	 */
	String describe(SoakSample baseline) {
		ProcessResources base = baseline.resources();
		return String.format("after %.1f s: live threads <= %d + %d, open file descriptors <= %s + %d,"
				+ " heap after GC <= %.1f + %d MB", baseline.seconds(), base.threads(), this.extraThreads,
				(base.fileDescriptors() >= 0) ? String.valueOf(base.fileDescriptors()) : "(not available)",
				this.extraFileDescriptors, base.heapAfterGcMegabytes(), this.extraHeapMegabytes);
	}

	/**
	 * Every bound a reading after the warm-up went over, each with its highest reading; empty when all held.
	 */
	List<String> violations(SoakRun run) {
		SoakSample baseline = run.baseline();
		List<String> violations = new ArrayList<>();
		check(run, "live threads", (sample) -> sample.resources().threads(), threadLimit(baseline), "%.0f", violations);
		if (baseline.resources().fileDescriptors() >= 0) {
			check(run, "open file descriptors", (sample) -> sample.resources().fileDescriptors(),
					fileDescriptorLimit(baseline), "%.0f", violations);
		}
		check(run, "heap after GC (MB)", (sample) -> sample.resources().heapAfterGcMegabytes(),
				heapLimitMegabytes(baseline), "%.1f", violations);
		return violations;
	}

	private static void check(SoakRun run, String what, ToDoubleFunction<SoakSample> reading, double limit,
			String format, List<String> violations) {
		SoakSample highest = null;
		for (SoakSample sample : run.afterWarmUp()) {
			if (highest == null || reading.applyAsDouble(sample) > reading.applyAsDouble(highest)) {
				highest = sample;
			}
		}
		if (highest != null && reading.applyAsDouble(highest) > limit) {
			violations.add(String.format("%s reached " + format + " at %.0f s, bound " + format, what,
					reading.applyAsDouble(highest), highest.seconds(), limit));
		}
	}

}
