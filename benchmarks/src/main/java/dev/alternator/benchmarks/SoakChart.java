package dev.alternator.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;

/**
 * The soak's readings over time, one panel each for threads, file descriptors and heap after GC, with the bounds as
 * dashed lines and the node kills marked.
 */
final class SoakChart {

	private SoakChart() {
	}

	static JFreeChart of(SoakRun run, SoakBounds bounds) {
		SoakSample baseline = run.baseline();
		List<SoakSample> samples = run.samples();
		double[] minutes = values(samples, (sample) -> sample.seconds() / 60);
		SoakSchedule schedule = run.schedule();
		XYPlot threads = Charts.panel("live threads",
				Charts.series("live threads", minutes, values(samples, (sample) -> sample.resources().threads())));
		Charts.limit(threads, String.format("bound %.0f", bounds.threadLimit(baseline)), bounds.threadLimit(baseline));
		XYPlot fileDescriptors = Charts.panel("open file descriptors",
				Charts.series("file descriptors", minutes,
						values(samples, (sample) -> sample.resources().fileDescriptors())),
				Charts.series("of which sockets", minutes, values(samples, (sample) -> sample.resources().sockets())));
		Charts.limit(fileDescriptors, String.format("bound %.0f", bounds.fileDescriptorLimit(baseline)),
				bounds.fileDescriptorLimit(baseline));
		XYPlot heap = Charts.panel("heap after GC (MB)", Charts.series("heap after GC", minutes,
				values(samples, (sample) -> sample.resources().heapAfterGcMegabytes())));
		Charts.limit(heap, String.format("bound %.0f MB", bounds.heapLimitMegabytes(baseline)),
				bounds.heapLimitMegabytes(baseline));
		// Kills first: the first kind of event gets the first event colour, red.
		List<Charts.Event> events = new ArrayList<>();
		for (double killed : run.kills()) {
			events.add(new Charts.Event("node killed", killed / 60, null));
		}
		events.add(new Charts.Event("baseline for the bounds", baseline.seconds() / 60, null));
		return Charts.lines("Soak: what the JVM holds under load with node kills",
				String.format("%d threads of GetItem/PutItem on 3 nodes, a node killed every %d s for %d s; %,d failed"
						+ " of %,d requests (%s)", Soak.THREADS, schedule.killEvery().toSeconds(),
						schedule.downFor().toSeconds(), run.failed(), run.succeeded() + run.failed(),
						RunConditions.describe()),
				"minutes since the load started (client and 3 nodes in one JVM)", events, threads, fileDescriptors,
				heap);
	}

	private static double[] values(List<SoakSample> samples, ToDoubleFunction<SoakSample> value) {
		return samples.stream().mapToDouble((sample) -> Math.max(0, value.applyAsDouble(sample))).toArray();
	}

}
