package dev.alternator.benchmarks;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bound check on made-up readings: it must notice growth, or a soak could pass with a leak.
 */
class SoakBoundsTests {

	private static final long MB = 1024 * 1024;

	private static final SoakSchedule SCHEDULE = new SoakSchedule(Duration.ofSeconds(60), Duration.ofSeconds(20),
			Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20));

	private static final SoakBounds BOUNDS = new SoakBounds(25, 40, 64);

	@Test
	void readingsWithinTheMarginsPass() {
		SoakRun run = run(sample(0, 30, 100, 10), sample(20, 50, 170, 26), sample(40, 75, 210, 90));
		assertThat(BOUNDS.violations(run)).isEmpty();
	}

	@Test
	void everyBoundBrokenIsReportedWithItsHighestReading() {
		SoakRun run = run(sample(0, 30, 100, 10), sample(20, 50, 170, 26), sample(40, 76, 211, 91),
				sample(60, 80, 205, 200));
		assertThat(BOUNDS.violations(run)).containsExactly("live threads reached 80 at 60 s, bound 75",
				"open file descriptors reached 211 at 40 s, bound 210", "heap after GC (MB) reached 200.0 at 60 s, bound 90.0");
	}

	@Test
	void readingsBeforeTheWarmUpDoNotCount() {
		// The baseline is the first reading at or after 20 s; the cold start before it is higher or lower, never checked.
		SoakRun run = run(sample(0, 200, 900, 500), sample(20, 50, 170, 26), sample(40, 50, 170, 26));
		assertThat(run.baseline().seconds()).isEqualTo(20);
		assertThat(BOUNDS.violations(run)).isEmpty();
	}

	@Test
	void descriptorsAreNotCheckedWhereThePlatformDoesNotCountThem() {
		SoakRun run = run(sample(20, 50, -1, 26), sample(40, 50, -1, 26));
		assertThat(BOUNDS.violations(run)).isEmpty();
		assertThat(BOUNDS.describe(run.baseline())).contains("open file descriptors <= (not available) + 40");
	}

	private static SoakRun run(SoakSample... samples) {
		return new SoakRun(SCHEDULE, List.of(samples), List.of(15.0, 35.0), 1000, 0, null);
	}

	private static SoakSample sample(double seconds, int threads, long fileDescriptors, long heapMegabytes) {
		return new SoakSample(seconds, 0, 0, new ProcessResources(threads, fileDescriptors, fileDescriptors / 3,
				heapMegabytes * MB));
	}

}
