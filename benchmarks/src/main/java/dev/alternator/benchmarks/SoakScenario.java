package dev.alternator.benchmarks;

import java.nio.file.Path;
import java.util.List;

/**
 * Soak: mixed GetItem/PutItem load from 8 threads on a 3-node local cluster for a given number of minutes (default
 * 10), killing the nodes in turn every 20 s and restarting each 5 s later (see {@link SoakSchedule#minutes}). Every
 * 10 s it reads live threads, open file descriptors (sockets included) and heap after a GC; the first reading after
 * 30 s is the baseline. Prints the readings, draws them to {@code soak.svg} in the {@link ChartDirectory}, and exits
 * with status 1, naming what went wrong, when a request failed or a reading went over the {@link SoakBounds#DEFAULT}
 * bounds. All traffic stays on loopback.
 */
public final class SoakScenario {

	private SoakScenario() {
	}

	/**
	 * Runs the soak.
	 * @param args optional: minutes (default 10)
	 * @throws Exception when the soak cannot run
	 */
	public static void main(String[] args) throws Exception {
		int minutes = (args.length > 0) ? Integer.parseInt(args[0]) : 10;
		SoakBounds bounds = SoakBounds.DEFAULT;
		SoakRun run = Soak.run(SoakSchedule.minutes(minutes));
		printReadings(run, bounds);
		Path chart = ChartDirectory.file("soak.svg");
		Charts.writeSvg(SoakChart.of(run, bounds), chart);
		System.out.println("chart: " + chart);
		List<String> violations = bounds.violations(run);
		if (run.failed() > 0) {
			System.out.println("FAILED: " + run.failed() + " requests failed, the first with " + run.firstFailure());
		}
		violations.forEach((violation) -> System.out.println("FAILED: " + violation));
		if (run.failed() > 0 || !violations.isEmpty()) {
			System.exit(1);
		}
		System.out.println("soak passed: no failed request, every bound held");
	}

	/**
	 * Prints every reading, the totals and the bounds with their baseline.
	 */
	static void printReadings(SoakRun run, SoakBounds bounds) {
		System.out.println("seconds, requests, failed, live threads, open fds, sockets, heap MB after GC");
		for (SoakSample sample : run.samples()) {
			ProcessResources resources = sample.resources();
			System.out.printf("%.1f, %d, %d, %d, %d, %d, %.1f%n", sample.seconds(), sample.requests(), sample.failed(),
					resources.threads(), resources.fileDescriptors(), resources.sockets(),
					resources.heapAfterGcMegabytes());
		}
		System.out.printf("requests: %d succeeded, %d failed; %d node kills%n", run.succeeded(), run.failed(),
				run.kills().size());
		System.out.println("bounds " + bounds.describe(run.baseline()));
	}

}
