package dev.alternator.benchmarks.chart;

/**
 * Colours for series, bar groups and markers: distinct on screen and in grey print, and none of the marker colours is
 * also a series colour.
 */
final class Palette {

	static final String TEXT = "#222222";

	static final String MUTED = "#666666";

	static final String GRID = "#e3e3e3";

	static final String AXIS = "#888888";

	static final String LIMIT = "#444444";

	private static final String[] SERIES = { "#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948",
			"#9c755f", "#bab0ac" };

	private static final String[] MARKERS = { "#d62728", "#222222", "#e377c2", "#17becf" };

	private Palette() {
	}

	static String series(int index) {
		return SERIES[index % SERIES.length];
	}

	static String marker(int index) {
		return MARKERS[index % MARKERS.length];
	}

}
