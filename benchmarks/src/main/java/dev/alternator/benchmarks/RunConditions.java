package dev.alternator.benchmarks;

import java.time.LocalDate;

/**
 * When and on what a run happened, for the subtitle of its charts: a figure without its machine means little.
 */
final class RunConditions {

	private RunConditions() {
	}

	/**
	 * For example {@code "2026-11-25, 2 cores, Java 17.0.15"}.
	 */
	static String describe() {
		return LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores, Java "
				+ System.getProperty("java.version");
	}

}
