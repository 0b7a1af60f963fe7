package dev.alternator.benchmarks.chart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import dev.alternator.benchmarks.chart.Svg.Anchor;
import dev.alternator.benchmarks.chart.Svg.Font;
import dev.alternator.benchmarks.chart.Svg.Stroke;

/**
 * A bar chart of groups of vertical bars on one y axis starting at zero. Bars of a group share a colour and stand
 * together over the group's name; each bar has a label under it and may have an annotation above it (one or two
 * lines, for the value and a derived figure such as an efficiency).
 * <pre>{@code
 * BarChart chart = BarChart.builder()
 *     .title("GetItem throughput")
 *     .yAxis("GetItem/s")
 *     .group("load-balanced", (group) -> group.bar("1 node", 191, "191/s").bar("3 nodes", 586, "586/s"))
 *     .build();
 * }</pre>
 */
public final class BarChart {

	private static final int WIDTH = 900;

	private static final int PLOT_LEFT = 84;

	private static final int PLOT_RIGHT = WIDTH - 24;

	private static final int PLOT_HEIGHT = 300;

	private static final int SUBTITLE_CHARACTERS = 122;

	private final String title;

	private final String subtitle;

	private final String yAxisLabel;

	private final List<Group> groups;

	private BarChart(DefaultBuilder builder) {
		this.title = builder.title;
		this.subtitle = builder.subtitle;
		this.yAxisLabel = builder.yAxisLabel;
		this.groups = List.copyOf(builder.groups);
	}

	/**
	 * A builder for a chart; a title and at least one group with one bar are required.
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
		List<String> subtitleLines = TextLines.wrap(this.subtitle, SUBTITLE_CHARACTERS);
		int top = 76 + 18 * subtitleLines.size();
		double bottom = top + PLOT_HEIGHT;
		Svg svg = new Svg(WIDTH, (int) bottom + 64);
		svg.text(PLOT_LEFT, 26, this.title, Font.of(17, Palette.TEXT, Anchor.START).inBold());
		for (int i = 0; i < subtitleLines.size(); i++) {
			svg.text(PLOT_LEFT, 48 + 18 * i, subtitleLines.get(i), Font.of(12.5, Palette.MUTED, Anchor.START));
		}
		double max = 0;
		int slots = -1;
		for (Group group : this.groups) {
			slots += group.bars.size() + 1;
			for (Bar bar : group.bars) {
				max = Math.max(max, bar.value());
			}
		}
		Ticks yTicks = Ticks.covering(0, max * 1.05, 5);
		for (int i = 0; i < yTicks.count(); i++) {
			double y = bottom - yTicks.fraction(yTicks.value(i)) * PLOT_HEIGHT;
			svg.line(PLOT_LEFT, y, PLOT_RIGHT, y, Stroke.solid(Palette.GRID, 1));
			svg.text(PLOT_LEFT - 6, y + 4, yTicks.label(i), Font.of(11, Palette.MUTED, Anchor.END));
		}
		svg.text(PLOT_LEFT - 58, top + PLOT_HEIGHT / 2.0, -90, this.yAxisLabel,
				Font.of(12.5, Palette.TEXT, Anchor.MIDDLE));
		double slot = (PLOT_RIGHT - PLOT_LEFT) / (double) slots;
		double barWidth = Math.min(slot * 0.7, 90);
		double x = PLOT_LEFT;
		int color = 0;
		for (Group group : this.groups) {
			String fill = Palette.series(color++);
			double groupStart = x;
			for (Bar bar : group.bars) {
				double center = x + slot / 2;
				double height = yTicks.fraction(bar.value()) * PLOT_HEIGHT;
				svg.rect(center - barWidth / 2, bottom - height, barWidth, height, fill);
				svg.text(center, bottom + 16, bar.label(), Font.of(11.5, Palette.TEXT, Anchor.MIDDLE));
				if (bar.annotation() != null) {
					String[] lines = bar.annotation().split("\n", 2);
					double lineY = bottom - height - 6 - 14 * (lines.length - 1);
					for (String line : lines) {
						svg.text(center, lineY, line, Font.of(11.5, Palette.TEXT, Anchor.MIDDLE));
						lineY += 14;
					}
				}
				x += slot;
			}
			svg.text((groupStart + x) / 2, bottom + 36, group.name, Font.of(12.5, Palette.TEXT, Anchor.MIDDLE).inBold());
			x += slot;
		}
		svg.line(PLOT_LEFT, bottom, PLOT_RIGHT, bottom, Stroke.solid(Palette.AXIS, 1));
		svg.line(PLOT_LEFT, top, PLOT_LEFT, bottom, Stroke.solid(Palette.AXIS, 1));
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

	/**
	 * Builds a {@link BarChart}.
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
		 * The label of the y axis, with its unit.
		 * @param label the label
		 * @return this builder
		 */
		Builder yAxis(String label);

		/**
		 * Adds a group of bars to the right of the ones added before.
		 * @param name the group's name, drawn under its bars
		 * @param bars adds the group's bars
		 * @return this builder
		 */
		Builder group(String name, Consumer<GroupBuilder> bars);

		/**
		 * Builds the chart.
		 * @return the chart
		 * @throws IllegalStateException when the title or a bar is missing
		 */
		BarChart build();

	}

	/**
	 * Adds bars to one group of a {@link BarChart}.
	 */
	public interface GroupBuilder {

		/**
		 * Adds a bar to the right of the group's bars added before.
		 * @param label drawn under the bar
		 * @param value the bar's height, not negative
		 * @param annotation drawn above the bar, at most two lines separated by {@code \n}, or {@code null}
		 * @return this builder
		 * @throws IllegalArgumentException when the value is negative or not a number
		 */
		GroupBuilder bar(String label, double value, String annotation);

	}

	private record Bar(String label, double value, String annotation) {
	}

	private static final class Group implements GroupBuilder {

		private final String name;

		private final List<Bar> bars = new ArrayList<>();

		Group(String name) {
			this.name = Objects.requireNonNull(name, "name must not be null");
		}

		@Override
		public GroupBuilder bar(String label, double value, String annotation) {
			if (!(value >= 0) || Double.isInfinite(value)) {
				throw new IllegalArgumentException("Bar '" + label + "' of group '" + this.name
						+ "' needs a finite value of 0 or more, was " + value);
			}
			this.bars.add(new Bar(Objects.requireNonNull(label, "label must not be null"), value, annotation));
			return this;
		}

	}

	private static final class DefaultBuilder implements Builder {

		private String title;

		private String subtitle;

		private String yAxisLabel = "";

		private final List<Group> groups = new ArrayList<>();

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
		public Builder yAxis(String label) {
			this.yAxisLabel = Objects.requireNonNull(label, "label must not be null");
			return this;
		}

		@Override
		public Builder group(String name, Consumer<GroupBuilder> bars) {
			Group group = new Group(name);
			bars.accept(group);
			this.groups.add(group);
			return this;
		}

		@Override
		public BarChart build() {
			if (this.title == null || this.title.isBlank()) {
				throw new IllegalStateException("A bar chart needs a title, for example title(\"GetItem/s\")");
			}
			if (this.groups.isEmpty() || this.groups.stream().anyMatch((group) -> group.bars.isEmpty())) {
				throw new IllegalStateException("Every group of bar chart '" + this.title
						+ "' needs at least one bar, for example group(\"3 nodes\", (g) -> g.bar(\"node 1\", 42, null))");
			}
			return new BarChart(this);
		}

	}

}
