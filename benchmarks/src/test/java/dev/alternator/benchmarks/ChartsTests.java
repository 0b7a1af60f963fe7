package dev.alternator.benchmarks;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ChartsTests {

	private static final double[] SECONDS = { 0, 1, 2, 3, 4 };

	/** The first event colour, as Batik writes it. */
	private static final String RED = "rgb(214,39,40)";

	@Test
	void aLineChartIsAnSvgFileWithItsTitleAxesAndEverySeriesByName(@TempDir Path directory) throws Exception {
		Path file = directory.resolve("not-yet").resolve("chart.svg");
		Charts.writeSvg(twoPanels(List.of()), file);
		String text = Files.readString(file, StandardCharsets.UTF_8);
		assertThat(text).startsWith("<?xml").doesNotContain("<!DOCTYPE").endsWith("</svg>\n");
		Document svg = parse(text);
		assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
		assertThat(svg.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
		assertThat(texts(svg)).contains("Failover <&> \"test\"", "3 nodes, 16 threads", "seconds", "requests/s",
				"failures/s", "node 1", "node 2", "failed requests");
	}

	@Test
	void anEventCrossesEveryPanelIsLabelledOnceAndHasOneLegendEntryPerKind() throws Exception {
		Document svg = parse(svg(twoPanels(List.of(new Charts.Event("node killed", 1.5, "node 2 killed"),
				new Charts.Event("node restarted", 3.8, "node 2 restarted"), new Charts.Event("node killed", 2.5, null)))));
		assertThat(texts(svg)).containsOnlyOnce("node 2 killed", "node 2 restarted", "node killed", "node restarted");
		// Two events of the first kind, each through both panels.
		assertThat(verticalDashedLines(svg, RED)).hasSize(4);
	}

	@Test
	void anEventAfterTheLastPointIsStillDrawn() throws Exception {
		Document svg = parse(svg(twoPanels(List.of(new Charts.Event("node killed", 4.5, "node 2 killed")))));
		assertThat(verticalDashedLines(svg, RED)).hasSize(2);
		assertThat(texts(svg)).contains("node 2 killed");
	}

	@Test
	void aPanelsAxisReachesItsLimitAndTheLimitIsNamed() throws Exception {
		XYPlot panel = Charts.panel("threads", Charts.series("live threads", SECONDS, new double[] { 40, 41, 40, 42, 41 }));
		Charts.limit(panel, "bound 400", 400);
		Document svg = parse(svg(Charts.lines("Soak", null, "minutes", List.of(), panel)));
		assertThat(texts(svg)).contains("live threads", "bound 400", "400");
	}

	@Test
	void anAxisOfWholeNumbersHasWholeTicks() throws Exception {
		double[] rounds = { 1, 2, 3, 4, 5, 6 };
		XYPlot panel = Charts.panel("requests/s", Charts.series("node 1", rounds,
				new double[] { 130, 90, 90, 90, 110, 70 }));
		Document svg = parse(svg(Charts.lines("Pairs", null, "round", List.of(), panel)));
		// The y axis (0 to 140 by 10) has no fractions either: any fraction would be an x tick.
		assertThat(texts(svg)).contains("1", "6").noneMatch((text) -> text.contains("."));
	}

	@Test
	void aPanelOfZerosShowsZeroToOne() throws Exception {
		XYPlot panel = Charts.panel("failed requests/s", Charts.series("failed requests", SECONDS, new double[5]));
		Document svg = parse(svg(Charts.lines("Failover", null, "seconds", List.of(), panel)));
		assertThat(texts(svg)).contains("0.0", "1.0").noneMatch((text) -> text.contains("E-"));
	}

	@Test
	void aBarChartNamesItsGroupsAndBarsAndShowsEveryValue() throws Exception {
		DefaultCategoryDataset bars = new DefaultCategoryDataset();
		bars.addValue(191, "load-balanced client", "1 node\nefficiency 1.00");
		bars.addValue(586, "load-balanced client", "3 nodes\nefficiency 1.02");
		bars.addValue(190, "plain SDK client", "pinned to 1 of 6 nodes");
		// Braces and quotes in the suffix are text, not MessageFormat syntax.
		Document svg = parse(svg(Charts.bars("Scale-out", "16 threads", "GetItem/s", "/s {'}", bars)));
		assertThat(texts(svg)).contains("Scale-out", "16 threads", "GetItem/s", "load-balanced client",
				"plain SDK client", "1 node", "efficiency 1.00", "3 nodes", "efficiency 1.02", "pinned to 1 of 6 nodes",
				"191/s {'}", "586/s {'}", "190/s {'}");
		// The plain client has no bar for 1 or 3 nodes: each group shows its own bars only.
		assertThat(texts(svg)).containsOnlyOnce("1 node", "3 nodes");
	}

	@Test
	void aSeriesNeedsAsManyXAsYValues() {
		assertThatIllegalArgumentException().isThrownBy(() -> Charts.series("node 1", SECONDS, new double[] { 1, 2 }))
			.withMessageContaining("node 1");
		assertThatIllegalArgumentException().isThrownBy(() -> Charts.series("node 1", new double[0], new double[0]));
	}

	private static JFreeChart twoPanels(List<Charts.Event> events) {
		XYPlot requests = Charts.panel("requests/s", Charts.series("node 1", SECONDS, new double[] { 5, 6, 7, 6, 5 }),
				Charts.series("node 2", SECONDS, new double[] { 5, 6, 0, 0, 5 }));
		XYPlot failures = Charts.panel("failures/s",
				Charts.series("failed requests", SECONDS, new double[] { 0, 0, 1, 0, 0 }));
		return Charts.lines("Failover <&> \"test\"", "3 nodes, 16 threads", "seconds", events, requests, failures);
	}

	private static String svg(JFreeChart chart) throws Exception {
		StringWriter writer = new StringWriter();
		Charts.writeSvg(chart, writer);
		return writer.toString();
	}

	/**
	 * Parses with the JDK's parser, refusing a DOCTYPE: a chart must not make its reader fetch a DTD.
	 */
	private static Document parse(String svg) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
	}

	private static List<String> texts(Document svg) {
		return elements(svg, "text").stream().map(Element::getTextContent).toList();
	}

	/**
	 * The vertical lines drawn dashed in the given colour.
	 */
	private static List<Element> verticalDashedLines(Document svg, String color) {
		return elements(svg, "line").stream()
			.filter((line) -> line.getAttribute("x1").equals(line.getAttribute("x2")))
			.filter((line) -> inherited(line, "stroke").equals(color))
			.filter((line) -> !inherited(line, "stroke-dasharray").equals("none"))
			.toList();
	}

	/**
	 * The attribute of the element or, as SVG inherits it, of its nearest ancestor that has it: Batik writes most
	 * of the drawing state on enclosing groups.
	 */
	private static String inherited(Element element, String attribute) {
		for (Node node = element; node instanceof Element ancestor; node = node.getParentNode()) {
			if (ancestor.hasAttribute(attribute)) {
				return ancestor.getAttribute(attribute);
			}
		}
		return "none";
	}

	private static List<Element> elements(Document svg, String name) {
		NodeList nodes = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", name);
		List<Element> elements = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			elements.add((Element) nodes.item(i));
		}
		return elements;
	}

}
