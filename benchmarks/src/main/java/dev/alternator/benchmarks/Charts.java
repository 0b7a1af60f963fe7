package dev.alternator.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.apache.batik.svggen.SVGGraphics2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYDataRangeAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.CombinedRangeCategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.RangeType;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DatasetUtils;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The scenarios' charts, drawn by JFreeChart and written as SVG by Apache Batik's SVG generator: line charts of
 * stacked panels over a shared x axis with events marked across all panels, and bar charts of groups of bars. This
 * class only holds what every scenario would otherwise repeat: the look (fonts, colours, every y axis starting at
 * zero), the event markers with their legend, and the SVG file. The data are JFreeChart's own types.
 * <pre>{@code
 * JFreeChart chart = Charts.lines("Requests per second per node", "3 nodes, 16 threads", "seconds",
 *     List.of(new Charts.Event("node killed", 9.0, "node 2 killed")),
 *     Charts.panel("requests/s", Charts.series("node 1", seconds, perSecond)));
 * Charts.writeSvg(chart, Path.of("docs/images/failover.svg"));
 * }</pre>
 */
final class Charts {

	/** Width of every chart; wide enough for a readable legend, narrow enough for a README. */
	private static final int WIDTH = 900;

	private static final int PANEL_HEIGHT = 210;

	private static final int BAR_CHART_HEIGHT = 480;

	/** Above this many points a line is drawn without a dot per point, which would only blur it. */
	private static final int MAX_POINTS_WITH_DOTS = 40;

	/** Distinct on screen and in grey print; none of the event colours is also a series colour. */
	private static final Color[] SERIES_COLORS = { new Color(0x4e79a7), new Color(0xf28e2b), new Color(0x59a14f),
			new Color(0xb07aa1), new Color(0x76b7b2), new Color(0xedc948), new Color(0x9c755f), new Color(0xbab0ac) };

	private static final Color[] EVENT_COLORS = { new Color(0xd62728), new Color(0x222222), new Color(0xe377c2),
			new Color(0x17becf) };

	private static final Color TEXT = new Color(0x222222);

	private static final Color MUTED = new Color(0x666666);

	private static final Color GRID = new Color(0xe3e3e3);

	private static final Color LIMIT = new Color(0x444444);

	/** Behind a marker's label, so that it stays readable where it crosses a line. */
	private static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 210);

	private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 17);

	private static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

	private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

	private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

	private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

	static {
		// Rotated text (the y axes' labels) as text rather than glyph outlines: the workaround this switches off is
		// for a JDK 1.3 bug, and outlines could be neither searched nor read by a screen reader.
		TextUtils.setUseDrawRotatedStringWorkaround(false);
	}

	private Charts() {
	}

	/**
	 * A line through the given points, in the order given.
	 * @param name the name shown in the legend, unique within its panel
	 * @param x the x values
	 * @param y the y values, as many as x values
	 * @return the series
	 * @throws IllegalArgumentException when the arrays differ in length or are empty
	 */
	static XYSeries series(String name, double[] x, double[] y) {
		Objects.requireNonNull(name, "name must not be null");
		if (x.length != y.length || x.length == 0) {
			throw new IllegalArgumentException("Series '" + name + "' needs as many x as y values, and at least one;"
					+ " got " + x.length + " x and " + y.length + " y values");
		}
		// Unsorted and with duplicates allowed: the points are drawn exactly in the order measured.
		XYSeries series = new XYSeries(name, false, true);
		for (int i = 0; i < x.length; i++) {
			series.add(x[i], y[i]);
		}
		return series;
	}

	/**
	 * A panel for {@link #lines}: its own y axis, which starts at zero so that a flat line reads as flat.
	 * @param yAxisLabel the label of the y axis, with its unit
	 * @param series the panel's lines, at least one
	 * @return the panel
	 * @throws IllegalArgumentException when there is no series
	 */
	static XYPlot panel(String yAxisLabel, XYSeries... series) {
		if (series.length == 0) {
			throw new IllegalArgumentException("Panel '" + yAxisLabel + "' needs at least one series");
		}
		XYSeriesCollection dataset = new XYSeriesCollection();
		for (XYSeries line : series) {
			dataset.addSeries(line);
		}
		// Headroom above the highest value, so that a line along the top stays visible.
		NumberAxis yAxis = yAxis(yAxisLabel, 0.08);
		XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
		renderer.setDrawSeriesLineAsPath(true);
		XYPlot panel = new XYPlot(dataset, null, yAxis, renderer);
		stylePlot(panel);
		return panel;
	}

	/**
	 * Adds a bound to a panel: a dashed horizontal line with its name at the right end. The panel's y axis reaches
	 * up to the bound even when every value stays far below it.
	 * @param panel a panel from {@link #panel}
	 * @param name the label, for example {@code "bound 400"}
	 * @param y where on the panel's y axis
	 */
	static void limit(XYPlot panel, String name, double y) {
		ValueMarker line = new ValueMarker(y, LIMIT, dashed(1.2f));
		line.setLabel(Objects.requireNonNull(name, "name must not be null"));
		line.setLabelFont(TICK_FONT);
		line.setLabelPaint(LIMIT);
		line.setLabelBackgroundColor(LABEL_BACKGROUND);
		line.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
		line.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
		panel.addRangeMarker(line);
		panel.addAnnotation(new XYDataRangeAnnotation(null, new Range(0, y)));
		// The axis took its range from the data when the panel was made: let it take the bound into account too.
		panel.configureRangeAxes();
	}

	/**
	 * A line chart of panels stacked above each other over a shared x axis, with events drawn as dashed vertical
	 * lines through every panel. No two series of the chart share a colour; events of one kind share a colour and
	 * one legend entry, the first kind in red.
	 * @param title the title, in bold above the chart
	 * @param subtitle the conditions of the run or a key figure, or {@code null} for none
	 * @param xAxisLabel the label of the shared x axis, for example {@code "seconds since the load started"}
	 * @param events the events to mark, in the order their kinds should appear in the legend
	 * @param panels the panels from the top down, from {@link #panel}
	 * @return the chart, for {@link #writeSvg}
	 */
	static JFreeChart lines(String title, String subtitle, String xAxisLabel, List<Event> events,
			XYPlot... panels) {
		if (panels.length == 0) {
			throw new IllegalArgumentException("Line chart '" + title + "' needs at least one panel");
		}
		NumberAxis xAxis = new NumberAxis(xAxisLabel);
		xAxis.setAutoRangeIncludesZero(false);
		xAxis.setLowerMargin(0.01);
		xAxis.setUpperMargin(0.01);
		styleAxis(xAxis);
		CombinedDomainXYPlot plot = new CombinedDomainXYPlot(xAxis);
		plot.setGap(16);
		int color = 0;
		for (XYPlot panel : panels) {
			XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) panel.getRenderer();
			for (int i = 0; i < panel.getDataset().getSeriesCount(); i++) {
				renderer.setSeriesPaint(i, SERIES_COLORS[color++ % SERIES_COLORS.length]);
				renderer.setSeriesStroke(i, new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
				renderer.setSeriesShape(i, new Ellipse2D.Double(-2.6, -2.6, 5.2, 5.2));
				renderer.setSeriesShapesVisible(i, panel.getDataset().getItemCount(i) <= MAX_POINTS_WITH_DOTS);
			}
			plot.add(panel);
		}
		if (countsOnly(panels)) {
			// Rounds 1, 2, 3 rather than 1.0, 1.2, 1.4.
			xAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		}
		markEvents(plot, panels, events);
		return chart(title, subtitle, plot);
	}

	/**
	 * A bar chart on one y axis starting at zero: one group of bars per row of the data, the row key being the
	 * group's name under its bars and the column keys the bars' labels (several lines allowed, separated by
	 * {@code \n}). Each group has its own colour; each bar its value above it, as a whole number.
	 * @param title the title, in bold above the chart
	 * @param subtitle the conditions of the run or a key figure, or {@code null} for none
	 * @param yAxisLabel the label of the y axis, with its unit
	 * @param valueSuffix follows each value above its bar, for example {@code "/s"}, or {@code ""}
	 * @param bars the bars; a group leaves out the columns it has no value for
	 * @return the chart, for {@link #writeSvg}
	 */
	static JFreeChart bars(String title, String subtitle, String yAxisLabel, String valueSuffix,
			DefaultCategoryDataset bars) {
		if (bars.getRowCount() == 0) {
			throw new IllegalArgumentException("Bar chart '" + title + "' needs at least one bar");
		}
		// Room for the value labels above the highest bar.
		CombinedRangeCategoryPlot plot = new CombinedRangeCategoryPlot(yAxis(yAxisLabel, 0.12));
		plot.setGap(12);
		NumberFormat wholeNumbers = NumberFormat.getIntegerInstance(Locale.ROOT);
		for (int row = 0; row < bars.getRowCount(); row++) {
			// A group of its own per row, so that a group has exactly its bars and no gaps for the other rows' bars.
			Comparable<?> group = bars.getRowKey(row);
			DefaultCategoryDataset groupBars = new DefaultCategoryDataset();
			for (int column = 0; column < bars.getColumnCount(); column++) {
				Number value = bars.getValue(row, column);
				if (value != null) {
					groupBars.addValue(value, group, bars.getColumnKey(column));
				}
			}
			CategoryAxis groupAxis = new CategoryAxis(group.toString());
			groupAxis.setLabelFont(LABEL_FONT.deriveFont(Font.BOLD));
			groupAxis.setLabelPaint(TEXT);
			groupAxis.setTickLabelFont(TICK_FONT);
			groupAxis.setTickLabelPaint(TEXT);
			groupAxis.setMaximumCategoryLabelLines(3);
			BarRenderer renderer = new BarRenderer();
			renderer.setBarPainter(new StandardBarPainter());
			renderer.setShadowVisible(false);
			renderer.setDrawBarOutline(false);
			// A share of the group's width per bar: with the groups' widths in proportion to their bars, every bar
			// of the chart is equally wide.
			renderer.setMaximumBarWidth(0.45 / groupBars.getColumnCount());
			renderer.setSeriesPaint(0, SERIES_COLORS[row % SERIES_COLORS.length]);
			renderer.setDefaultItemLabelGenerator(
					new StandardCategoryItemLabelGenerator(valueLabel(valueSuffix), wholeNumbers));
			renderer.setDefaultItemLabelsVisible(true);
			renderer.setDefaultItemLabelFont(TICK_FONT);
			renderer.setDefaultItemLabelPaint(TEXT);
			CategoryPlot groupPlot = new CategoryPlot(groupBars, groupAxis, null, renderer);
			stylePlot(groupPlot);
			plot.add(groupPlot, groupBars.getColumnCount());
		}
		JFreeChart chart = chart(title, subtitle, plot);
		// The group names under the bars say what the colours mean.
		chart.removeLegend();
		return chart;
	}

	/**
	 * Writes a chart as a standalone SVG document, creating the file's directory when needed. The chart is
	 * {@value #WIDTH} pixels wide and as high as its panels need.
	 * @param chart a chart from {@link #lines} or {@link #bars}
	 * @param file where to write, usually ending in {@code .svg}
	 * @throws IOException when the file cannot be written
	 */
	static void writeSvg(JFreeChart chart, Path file) throws IOException {
		Path directory = file.toAbsolutePath().getParent();
		if (directory != null) {
			Files.createDirectories(directory);
		}
		try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			writeSvg(chart, writer);
		}
	}

	/**
	 * Writes a chart as a standalone SVG document, to be encoded as UTF-8, as its XML declaration says.
	 * @param chart a chart from {@link #lines} or {@link #bars}
	 * @param writer where to write, for UTF-8 text; not closed
	 * @throws IOException when writing fails
	 */
	static void writeSvg(JFreeChart chart, Writer writer) throws IOException {
		int height = height(chart.getPlot());
		Document document;
		try {
			document = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException("The JDK's XML parser cannot create a document", ex);
		}
		SVGGraphics2D graphics = new SVGGraphics2D(document);
		graphics.setSVGCanvasSize(new Dimension(WIDTH, height));
		chart.draw(graphics, new Rectangle(0, 0, WIDTH, height));
		Element svg = graphics.getRoot();
		svg.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns", SVG_NAMESPACE);
		svg.setAttribute("viewBox", "0 0 " + WIDTH + " " + height);
		// The JDK's serializer rather than Batik's: it writes no DOCTYPE, whose DTD a reader might try to fetch.
		StringWriter text = new StringWriter();
		try {
			Transformer transformer = TransformerFactory.newInstance().newTransformer();
			transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
			transformer.setOutputProperty(OutputKeys.INDENT, "yes");
			transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "1");
			transformer.transform(new DOMSource(svg), new StreamResult(text));
		}
		catch (TransformerException ex) {
			throw new IOException("Cannot write chart '" + chart.getTitle().getText() + "' as SVG", ex);
		}
		writer.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		writer.write(text.toString().strip());
		writer.write('\n');
	}

	private static JFreeChart chart(String title, String subtitle, Plot plot) {
		JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, true);
		chart.setBackgroundPaint(Color.WHITE);
		chart.setPadding(new RectangleInsets(8, 8, 8, 16));
		chart.getTitle().setPaint(TEXT);
		chart.getTitle().setHorizontalAlignment(HorizontalAlignment.LEFT);
		if (subtitle != null) {
			TextTitle line = new TextTitle(subtitle, SUBTITLE_FONT);
			line.setPaint(MUTED);
			line.setHorizontalAlignment(HorizontalAlignment.LEFT);
			line.setTextAlignment(HorizontalAlignment.LEFT);
			line.setPadding(new RectangleInsets(4, 0, 8, 0));
			chart.addSubtitle(line);
		}
		LegendTitle legend = chart.getLegend();
		if (legend != null) {
			legend.setFrame(BlockBorder.NONE);
			legend.setItemFont(LABEL_FONT);
			legend.setItemPaint(TEXT);
		}
		return chart;
	}

	private static void markEvents(CombinedDomainXYPlot plot, XYPlot[] panels, List<Event> events) {
		if (events.isEmpty()) {
			return;
		}
		Range xRange = null;
		for (XYPlot panel : panels) {
			xRange = Range.combine(xRange, DatasetUtils.findDomainBounds(panel.getDataset()));
		}
		for (Event event : events) {
			xRange = Range.expandToInclude(xRange, event.x());
		}
		// An event after the last sample (a kill in the run's final seconds) still shows: the x axis reaches it.
		panels[0].addAnnotation(new XYDataRangeAnnotation(xRange, null));
		plot.configureDomainAxes();
		LegendItemCollection legend = plot.getLegendItems();
		List<String> kinds = events.stream().map(Event::kind).distinct().toList();
		for (String kind : kinds) {
			legend.add(new LegendItem(kind, null, null, null, new Line2D.Double(-9, 0, 9, 0), dashed(2f),
					eventColor(kinds, kind)));
		}
		plot.setFixedLegendItems(legend);
		for (Event event : events) {
			Color color = eventColor(kinds, event.kind());
			for (int i = 0; i < panels.length; i++) {
				ValueMarker line = new ValueMarker(event.x(), color, dashed(1.5f));
				// The label once, in the top panel; near the right edge it stands left of its line.
				if (i == 0 && event.label() != null) {
					boolean nearRightEdge = event.x() > xRange.getLowerBound() + 0.8 * xRange.getLength();
					line.setLabel(event.label());
					line.setLabelFont(TICK_FONT);
					line.setLabelPaint(color);
					line.setLabelBackgroundColor(LABEL_BACKGROUND);
					line.setLabelAnchor(nearRightEdge ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
					line.setLabelTextAnchor(nearRightEdge ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
				}
				panels[i].addDomainMarker(line);
			}
		}
	}

	private static boolean countsOnly(XYPlot[] panels) {
		for (XYPlot panel : panels) {
			for (int series = 0; series < panel.getDataset().getSeriesCount(); series++) {
				for (int item = 0; item < panel.getDataset().getItemCount(series); item++) {
					double x = panel.getDataset().getXValue(series, item);
					if (x != Math.rint(x)) {
						return false;
					}
				}
			}
		}
		return true;
	}

	private static Color eventColor(List<String> kinds, String kind) {
		return EVENT_COLORS[kinds.indexOf(kind) % EVENT_COLORS.length];
	}

	private static int height(Plot plot) {
		if (plot instanceof CombinedDomainXYPlot lines) {
			// Title, subtitle, x axis and legend, then the panels.
			return 150 + PANEL_HEIGHT * lines.getSubplots().size();
		}
		return BAR_CHART_HEIGHT;
	}

	/**
	 * A y axis from zero. Values here are never negative; a panel of zeros (no failed request) shows 0 to 1 with its
	 * line on the axis, rather than a range of a few billionths around zero.
	 */
	private static NumberAxis yAxis(String label, double upperMargin) {
		NumberAxis axis = new NumberAxis(label);
		axis.setAutoRangeIncludesZero(true);
		axis.setRangeType(RangeType.POSITIVE);
		axis.setAutoRangeMinimumSize(1);
		axis.setUpperMargin(upperMargin);
		styleAxis(axis);
		return axis;
	}

	/**
	 * The {@link java.text.MessageFormat} pattern of a bar's value label: the value ({2}), then the suffix quoted,
	 * so that no character of it is taken for part of the pattern.
	 */
	private static String valueLabel(String suffix) {
		return suffix.isEmpty() ? "{2}" : "{2}'" + suffix.replace("'", "''") + "'";
	}

	private static void styleAxis(NumberAxis axis) {
		axis.setLabelFont(LABEL_FONT);
		axis.setLabelPaint(TEXT);
		axis.setTickLabelFont(TICK_FONT);
		axis.setTickLabelPaint(MUTED);
	}

	private static void stylePlot(XYPlot plot) {
		plot.setBackgroundPaint(Color.WHITE);
		plot.setOutlineVisible(false);
		plot.setDomainGridlinePaint(GRID);
		plot.setDomainGridlineStroke(new BasicStroke(1f));
		plot.setRangeGridlinePaint(GRID);
		plot.setRangeGridlineStroke(new BasicStroke(1f));
	}

	private static void stylePlot(CategoryPlot plot) {
		plot.setBackgroundPaint(Color.WHITE);
		plot.setOutlineVisible(false);
		plot.setRangeGridlinePaint(GRID);
		plot.setRangeGridlineStroke(new BasicStroke(1f));
	}

	private static Stroke dashed(float width) {
		return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] { 6f, 4f }, 0f);
	}

	/**
	 * Something that happened during a run, such as a node killed, marked on a line chart.
	 * @param kind what happened, for the legend, for example {@code "node killed"}
	 * @param x where on the x axis
	 * @param label a short text next to the line in the top panel, for example {@code "node 2 killed"}, or
	 * {@code null} for none
	 */
	record Event(String kind, double x, String label) {

		/**
		 * Checks the kind.
		 * @param kind what happened, not {@code null}
		 * @param x where on the x axis
		 * @param label the text next to the line, or {@code null}
		 */
		Event {
			Objects.requireNonNull(kind, "kind must not be null");
		}

	}

}
