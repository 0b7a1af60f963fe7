package dev.alternator.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The soak scenario's own code, shortened to 30 s with three node kills, against a real local cluster over real
 * sockets: no request may fail, and threads, descriptors and heap must stay within {@link SoakBounds#DEFAULT}, the
 * bounds of the 10-minute soak. Those bounds are margins over a baseline read in this same run (not absolute figures),
 * and far above the swing of a healthy run, so a slow or loaded machine changes how many requests run, not whether the
 * test passes.
 */
class SoakTests {

	// A kill every 10 s, 3 s down: kills at 7, 17 and 27 s, restarts at 10, 20 and 30 s. The baseline is read at
	// 12.5 s, after the first kill and restart, and checked against 7 more readings.
	private static final SoakSchedule SHORT = new SoakSchedule(Duration.ofSeconds(30), Duration.ofSeconds(10),
			Duration.ofSeconds(3), Duration.ofMillis(2_500), Duration.ofMillis(12_500));

	@Test
	void shortSoakWithNodeKillsFailsNoRequestAndStaysWithinTheBounds(@TempDir Path charts) throws Exception {
		SoakRun run = Soak.run(SHORT);
		SoakScenario.printReadings(run, SoakBounds.DEFAULT);
		assertThat(run.kills()).hasSize(3);
		assertThat(run.succeeded()).as("requests completed").isGreaterThan(1_000);
		assertThat(run.failed()).as("failed requests, the first: %s", run.firstFailure()).isZero();
		assertThat(run.afterWarmUp()).hasSizeGreaterThanOrEqualTo(6);
		assertThat(SoakBounds.DEFAULT.violations(run)).as(SoakBounds.DEFAULT.describe(run.baseline())).isEmpty();
		Path chart = charts.resolve("soak.svg");
		Charts.writeSvg(SoakChart.of(run, SoakBounds.DEFAULT), chart);
		assertThat(Files.readString(chart)).startsWith("<?xml").contains("node killed").endsWith("</svg>\n");
	}

}
