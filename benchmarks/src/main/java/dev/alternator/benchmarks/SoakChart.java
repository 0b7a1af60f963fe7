package dev.alternator.benchmarks;

import java.util.List;
import java.util.function.ToDoubleFunction;

import dev.alternator.benchmarks.chart.LineChart;

/**
 * The soak's readings over time, one panel each for threads, file descriptors and heap after GC, with the bounds as
 * dashed lines and the node kills marked.
 */
final class SoakChart {

	private SoakChart() {
	}

	static LineChart of(SoakRun run, SoakBounds bounds) {
		SoakSample baseline = run.baseline();
		List<SoakSample> samples = run.samples();
		double[] minutes = values(samples, (sample) -> sample.seconds() / 60);
		SoakSchedule schedule = run.schedule();
		LineChart.Builder chart = LineChart.builder()
			.title("Soak: what the JVM holds under load with node kills")
			.subtitle(String.format("%d threads of GetItem/PutItem on 3 nodes, a node killed every %d s for %d s;"
					+ " %,d failed of %,d requests (%s)", Soak.THREADS, schedule.killEvery().toSeconds(),
					schedule.downFor().toSeconds(), run.failed(), run.succeeded() + run.failed(),
					RunConditions.describe()))
			.xAxis("minutes since the load started (client and 3 nodes in one JVM)")
			.panel("live threads", (panel) -> panel
				.series("live threads", minutes, values(samples, (sample) -> sample.resources().threads()))
				.limit(String.format("bound %.0f", bounds.threadLimit(baseline)), bounds.threadLimit(baseline)))
			.panel("open file descriptors", (panel) -> panel
				.series("file descriptors", minutes, values(samples, (sample) -> sample.resources().fileDescriptors()))
				.series("of which sockets", minutes, values(samples, (sample) -> sample.resources().sockets()))
				.limit(String.format("bound %.0f", bounds.fileDescriptorLimit(baseline)),
						bounds.fileDescriptorLimit(baseline)))
			.panel("heap after GC (MB)", (panel) -> panel
				.series("heap after GC", minutes, values(samples, (sample) -> sample.resources().heapAfterGcMegabytes()))
				.limit(String.format("bound %.0f MB", bounds.heapLimitMegabytes(baseline)),
						bounds.heapLimitMegabytes(baseline)));
		// Kills first: the first kind of marker gets the first marker colour, red.
		for (double killed : run.kills()) {
			chart.marker("node killed", killed / 60, null);
		}
		return chart.marker("baseline for the bounds", baseline.seconds() / 60, null).build();
	}

	private static double[] values(List<SoakSample> samples, ToDoubleFunction<SoakSample> value) {
		return samples.stream().mapToDouble((sample) -> Math.max(0, value.applyAsDouble(sample))).toArray();
	}

}
