package dev.alternator.benchmarks.chart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import dev.alternator.benchmarks.chart.Svg.Anchor;
import dev.alternator.benchmarks.chart.Svg.Font;
import dev.alternator.benchmarks.chart.Svg.Stroke;

/**
 * A line chart with time (or any other quantity) on a shared x axis, one or more panels stacked above each other,
 * each with its own y axis, and markers for events (a node killed, restarted) drawn across all panels. Every y axis
 * starts at zero, so that a flat line reads as flat. A panel may also show limits as dashed horizontal lines.
 * <pre>{@code
 * LineChart chart = LineChart.builder()
 *     .title("Requests per second per node")
 *     .xAxis("seconds since the load started")
 *     .panel("requests/s", (panel) -> panel.series("node 1", seconds, perSecond))
 *     .marker("node killed", 9.0, "node 2 killed")
 *     .build();
 * chart.writeTo(Path.of("docs/images/failover.svg"));
 * }</pre>
 */
public final class LineChart {

	private static final int WIDTH = 900;

	private static final int PLOT_LEFT = 78;

	private static final int PLOT_RIGHT = WIDTH - 190;

	private static final int PANEL_HEIGHT = 190;

	private static final int PANEL_GAP = 34;

	private static final int MAX_POINTS_WITH_DOTS = 40;

	private static final int SUBTITLE_CHARACTERS = 118;

	/** Width of an average character of 11 px text, to tell whether a label fits. */
	private static final double CHARACTER_WIDTH = 6.2;

	private final String title;

	private final String subtitle;

	private final String xAxisLabel;

	private final List<Panel> panels;

	private final List<Marker> markers;

	private LineChart(DefaultBuilder builder) {
		this.title = builder.title;
		this.subtitle = builder.subtitle;
		this.xAxisLabel = builder.xAxisLabel;
		this.panels = List.copyOf(builder.panels);
		this.markers = List.copyOf(builder.markers);
	}

	/**
	 * A builder for a chart; a title and at least one panel with one series are required.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new DefaultBuilder();
	}

	/**
	 * The chart as a standalone SVG document.
	 * @return the SVG text
	 */
	public String toSvg() {
		Map<String, String> markerColors = new LinkedHashMap<>();
		for (Marker marker : this.markers) {
			markerColors.computeIfAbsent(marker.kind(), (kind) -> Palette.marker(markerColors.size()));
		}
		List<String> subtitleLines = TextLines.wrap(this.subtitle, SUBTITLE_CHARACTERS);
		int top = 46 + 18 * subtitleLines.size();
		if (!markerColors.isEmpty()) {
			top += 22;
		}
		int height = top + this.panels.size() * (PANEL_HEIGHT + PANEL_GAP) + 30;
		Svg svg = new Svg(WIDTH, height);
		svg.text(PLOT_LEFT, 26, this.title, Font.of(17, Palette.TEXT, Anchor.START).inBold());
		for (int i = 0; i < subtitleLines.size(); i++) {
			svg.text(PLOT_LEFT, 48 + 18 * i, subtitleLines.get(i), Font.of(12.5, Palette.MUTED, Anchor.START));
		}
		drawMarkerLegend(svg, markerColors, top - 14);
		Ticks xTicks = Ticks.inside(xMin(), xMax(), 10);
		int series = 0;
		for (int i = 0; i < this.panels.size(); i++) {
			double panelTop = top + i * (PANEL_HEIGHT + PANEL_GAP);
			boolean last = i == this.panels.size() - 1;
			series = this.panels.get(i).draw(svg, panelTop, xTicks, series, last);
			drawMarkers(svg, markerColors, panelTop, xTicks, i == 0);
		}
		double bottom = top + this.panels.size() * (PANEL_HEIGHT + PANEL_GAP) - PANEL_GAP;
		svg.text((PLOT_LEFT + PLOT_RIGHT) / 2.0, bottom + 40, this.xAxisLabel, Font.of(12.5, Palette.TEXT, Anchor.MIDDLE));
		return svg.finish();
	}

	/**
	 * Writes the chart to a file, creating its directory when needed.
	 * @param file where to write, usually ending in {@code .svg}
	 * @throws IOException when the file cannot be written
	 */
	public void writeTo(Path file) throws IOException {
		Path directory = file.toAbsolutePath().getParent();
		if (directory != null) {
			Files.createDirectories(directory);
		}
		Files.writeString(file, toSvg(), StandardCharsets.UTF_8);
	}

	private void drawMarkerLegend(Svg svg, Map<String, String> markerColors, double y) {
		double x = PLOT_LEFT;
		for (Map.Entry<String, String> kind : markerColors.entrySet()) {
			svg.line(x, y - 4, x + 22, y - 4, Stroke.dashed(kind.getValue(), 2));
			svg.text(x + 28, y, kind.getKey(), Font.of(12, Palette.TEXT, Anchor.START));
			x += 40 + 7 * kind.getKey().length();
		}
	}

	private void drawMarkers(Svg svg, Map<String, String> markerColors, double panelTop, Ticks xTicks,
			boolean withText) {
		for (Marker marker : this.markers) {
			double x = xPixel(marker.x(), xTicks);
			String color = markerColors.get(marker.kind());
			svg.line(x, panelTop, x, panelTop + PANEL_HEIGHT, Stroke.dashed(color, 1.5));
			if (withText && marker.text() != null) {
				// Near the right edge the label goes to the left of its line, clear of the legend.
				boolean fitsRight = x + 4 + CHARACTER_WIDTH * marker.text().length() <= PLOT_RIGHT;
				svg.text(fitsRight ? x + 4 : x - 4, panelTop + 12, marker.text(),
						Font.of(11, color, fitsRight ? Anchor.START : Anchor.END));
			}
		}
	}

	private double xMin() {
		double min = Double.POSITIVE_INFINITY;
		for (Panel panel : this.panels) {
			min = Math.min(min, panel.xMin());
		}
		for (Marker marker : this.markers) {
			min = Math.min(min, marker.x());
		}
		return min;
	}

	private double xMax() {
		double max = Double.NEGATIVE_INFINITY;
		for (Panel panel : this.panels) {
			max = Math.max(max, panel.xMax());
		}
		for (Marker marker : this.markers) {
			max = Math.max(max, marker.x());
		}
		return max;
	}

	static double xPixel(double x, Ticks xTicks) {
		return PLOT_LEFT + xTicks.fraction(x) * (PLOT_RIGHT - PLOT_LEFT);
	}

	/**
	 * Builds a {@link LineChart}.
	 */
	public interface Builder {

		/**
		 * The title, drawn in bold above the chart.
		 * @param title the title
		 * @return this builder
		 */
		Builder title(String title);

		/**
		 * A line under the title, for the conditions of the run or a key figure.
		 * @param subtitle the text, or {@code null} for none
		 * @return this builder
		 */
		Builder subtitle(String subtitle);

		/**
		 * The label of the shared x axis, for example {@code "seconds since the load started"}.
		 * @param label the label
		 * @return this builder
		 */
		Builder xAxis(String label);

		/**
		 * Adds a panel below the ones added before.
		 * @param yAxisLabel the label of the panel's y axis, with its unit
		 * @param content adds the panel's series and limits
		 * @return this builder
		 */
		Builder panel(String yAxisLabel, Consumer<PanelBuilder> content);

		/**
		 * Adds an event: a dashed vertical line through every panel. Markers of one kind share a colour and one
		 * legend entry.
		 * @param kind what happened, for the legend, for example {@code "node killed"}
		 * @param x where on the x axis
		 * @param text a short label drawn next to the line in the top panel, or {@code null} for none
		 * @return this builder
		 */
		Builder marker(String kind, double x, String text);

		/**
		 * Builds the chart.
		 * @return the chart
		 * @throws IllegalStateException when the title or a series is missing
		 */
		LineChart build();

	}

	/**
	 * Adds lines to one panel of a {@link LineChart}.
	 */
	public interface PanelBuilder {

		/**
		 * Adds a line through the given points, in the order given.
		 * @param name the name shown in the legend
		 * @param x the x values
		 * @param y the y values, as many as x values, none negative
		 * @return this builder
		 * @throws IllegalArgumentException when the arrays differ in length or are empty
		 */
		PanelBuilder series(String name, double[] x, double[] y);

		/**
		 * Adds a dashed horizontal line across the panel, for example a bound the values must stay below.
		 * @param name the name shown in the legend
		 * @param y where on the panel's y axis
		 * @return this builder
		 */
		PanelBuilder limit(String name, double y);

	}

	private record Series(String name, double[] x, double[] y) {
	}

	private record Limit(String name, double y) {
	}

	private record Marker(String kind, double x, String text) {
	}

	private static final class Panel implements PanelBuilder {

		private final String yAxisLabel;

		private final List<Series> series = new ArrayList<>();

		private final List<Limit> limits = new ArrayList<>();

		Panel(String yAxisLabel) {
			this.yAxisLabel = Objects.requireNonNull(yAxisLabel, "yAxisLabel must not be null");
		}

		@Override
		public PanelBuilder series(String name, double[] x, double[] y) {
			Objects.requireNonNull(name, "name must not be null");
			if (x.length != y.length || x.length == 0) {
				throw new IllegalArgumentException("Series '" + name + "' needs as many x as y values, and at least one;"
						+ " got " + x.length + " x and " + y.length + " y values");
			}
			this.series.add(new Series(name, x.clone(), y.clone()));
			return this;
		}

		@Override
		public PanelBuilder limit(String name, double y) {
			this.limits.add(new Limit(Objects.requireNonNull(name, "name must not be null"), y));
			return this;
		}

		double xMin() {
			double min = Double.POSITIVE_INFINITY;
			for (Series line : this.series) {
				for (double x : line.x()) {
					min = Math.min(min, x);
				}
			}
			return min;
		}

		double xMax() {
			double max = Double.NEGATIVE_INFINITY;
			for (Series line : this.series) {
				for (double x : line.x()) {
					max = Math.max(max, x);
				}
			}
			return max;
		}

		private double yMax() {
			double max = 0;
			for (Series line : this.series) {
				for (double y : line.y()) {
					max = Math.max(max, y);
				}
			}
			for (Limit limit : this.limits) {
				max = Math.max(max, limit.y());
			}
			// Headroom above the highest value, so that a line at the top stays visible.
			return max * 1.08;
		}

		/**
		 * Draws the panel with its top edge at {@code top}; returns the colour index for the next panel's series, so
		 * that no two series of the chart share a colour.
		 */
		int draw(Svg svg, double top, Ticks xTicks, int firstColor, boolean withXLabels) {
			double bottom = top + PANEL_HEIGHT;
			Ticks yTicks = Ticks.covering(0, yMax(), 5);
			for (int i = 0; i < yTicks.count(); i++) {
				double y = bottom - yTicks.fraction(yTicks.value(i)) * PANEL_HEIGHT;
				svg.line(PLOT_LEFT, y, PLOT_RIGHT, y, Stroke.solid(Palette.GRID, 1));
				svg.text(PLOT_LEFT - 6, y + 4, yTicks.label(i), Font.of(11, Palette.MUTED, Anchor.END));
			}
			for (int i = 0; i < xTicks.count(); i++) {
				double x = xPixel(xTicks.value(i), xTicks);
				svg.line(x, top, x, bottom, Stroke.solid(Palette.GRID, 1));
				if (withXLabels) {
					svg.text(x, bottom + 16, xTicks.label(i), Font.of(11, Palette.MUTED, Anchor.MIDDLE));
				}
			}
			svg.line(PLOT_LEFT, bottom, PLOT_RIGHT, bottom, Stroke.solid(Palette.AXIS, 1));
			svg.line(PLOT_LEFT, top, PLOT_LEFT, bottom, Stroke.solid(Palette.AXIS, 1));
			svg.text(PLOT_LEFT - 52, top + PANEL_HEIGHT / 2.0, -90, this.yAxisLabel,
					Font.of(12.5, Palette.TEXT, Anchor.MIDDLE));
			double legendY = top + 14;
			int color = firstColor;
			for (Series line : this.series) {
				String stroke = Palette.series(color++);
				double[] xs = new double[line.x().length];
				double[] ys = new double[line.y().length];
				for (int i = 0; i < xs.length; i++) {
					xs[i] = xPixel(line.x()[i], xTicks);
					ys[i] = bottom - yTicks.fraction(line.y()[i]) * PANEL_HEIGHT;
				}
				svg.polyline(xs, ys, Stroke.solid(stroke, 1.8));
				if (xs.length <= MAX_POINTS_WITH_DOTS) {
					for (int i = 0; i < xs.length; i++) {
						svg.circle(xs[i], ys[i], 2.6, stroke);
					}
				}
				svg.line(PLOT_RIGHT + 14, legendY - 4, PLOT_RIGHT + 36, legendY - 4, Stroke.solid(stroke, 2.5));
				svg.text(PLOT_RIGHT + 42, legendY, line.name(), Font.of(12, Palette.TEXT, Anchor.START));
				legendY += 19;
			}
			for (Limit limit : this.limits) {
				double y = bottom - yTicks.fraction(limit.y()) * PANEL_HEIGHT;
				svg.line(PLOT_LEFT, y, PLOT_RIGHT, y, Stroke.dashed(Palette.LIMIT, 1.2));
				svg.line(PLOT_RIGHT + 14, legendY - 4, PLOT_RIGHT + 36, legendY - 4, Stroke.dashed(Palette.LIMIT, 1.2));
				svg.text(PLOT_RIGHT + 42, legendY, limit.name(), Font.of(12, Palette.TEXT, Anchor.START));
				legendY += 19;
			}
			return color;
		}

	}

	private static final class DefaultBuilder implements Builder {

		private String title;

		private String subtitle;

		private String xAxisLabel = "";

		private final List<Panel> panels = new ArrayList<>();

		private final List<Marker> markers = new ArrayList<>();

		@Override
		public Builder title(String title) {
			this.title = title;
			return this;
		}

		@Override
		public Builder subtitle(String subtitle) {
			this.subtitle = subtitle;
			return this;
		}

		@Override
		public Builder xAxis(String label) {
			this.xAxisLabel = Objects.requireNonNull(label, "label must not be null");
			return this;
		}

		@Override
		public Builder panel(String yAxisLabel, Consumer<PanelBuilder> content) {
			Panel panel = new Panel(yAxisLabel);
			content.accept(panel);
			this.panels.add(panel);
			return this;
		}

		@Override
		public Builder marker(String kind, double x, String text) {
			this.markers.add(new Marker(Objects.requireNonNull(kind, "kind must not be null"), x, text));
			return this;
		}

		@Override
		public LineChart build() {
			if (this.title == null || this.title.isBlank()) {
				throw new IllegalStateException("A line chart needs a title, for example title(\"Requests per node\")");
			}
			if (this.panels.isEmpty() || this.panels.stream().anyMatch((panel) -> panel.series.isEmpty())) {
				throw new IllegalStateException("Every panel of line chart '" + this.title
						+ "' needs at least one series, for example panel(\"requests/s\", (p) -> p.series(...))");
			}
			return new LineChart(this);
		}

	}

}
