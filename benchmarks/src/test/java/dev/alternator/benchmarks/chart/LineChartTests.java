package dev.alternator.benchmarks.chart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class LineChartTests {

	private static final double[] SECONDS = { 0, 1, 2, 3, 4 };

	@Test
	void everySeriesOfEveryPanelIsOneLine() throws Exception {
		Document svg = SvgDocuments.parse(twoPanels().build().toSvg());
		assertThat(SvgDocuments.elements(svg, "polyline")).hasSize(3);
		assertThat(SvgDocuments.texts(svg)).contains("node 1", "node 2", "failed", "requests/s", "failures/s");
	}

	@Test
	void aMarkerCrossesEveryPanelAndIsLabelledOnce() throws Exception {
		Document svg = SvgDocuments.parse(twoPanels().marker("node killed", 2, "node 2 killed").build().toSvg());
		List<Element> markerLines = SvgDocuments.elements(svg, "line")
			.stream()
			.filter((line) -> line.getAttribute("stroke").equals(Palette.marker(0)))
			.toList();
		// One line through each of the two panels, one in the legend.
		assertThat(markerLines).hasSize(3);
		assertThat(SvgDocuments.texts(svg)).containsOnlyOnce("node 2 killed").contains("node killed");
	}

	@Test
	void aMarkerLabelNearTheRightEdgeStandsLeftOfItsLine() throws Exception {
		Document svg = SvgDocuments.parse(twoPanels().marker("node restarted", 4, "node 2 restarted").build().toSvg());
		Element label = SvgDocuments.elements(svg, "text")
			.stream()
			.filter((text) -> text.getTextContent().equals("node 2 restarted"))
			.findFirst()
			.orElseThrow();
		assertThat(label.getAttribute("text-anchor")).isEqualTo("end");
	}

	@Test
	void zeroSitsOnTheAxisAndTheHighestValueBelowThePanelTop() throws Exception {
		Document svg = SvgDocuments.parse(LineChart.builder()
			.title("t")
			.panel("y", (panel) -> panel.series("s", new double[] { 0, 1 }, new double[] { 0, 587 }))
			.build()
			.toSvg());
		String[] points = SvgDocuments.elements(svg, "polyline").get(0).getAttribute("points").split(" ");
		double zeroY = Double.parseDouble(points[0].split(",")[1]);
		double highestY = Double.parseDouble(points[1].split(",")[1]);
		Element axis = SvgDocuments.elements(svg, "line")
			.stream()
			.filter((line) -> line.getAttribute("stroke").equals(Palette.AXIS) && line.getAttribute("y1")
				.equals(line.getAttribute("y2")))
			.findFirst()
			.orElseThrow();
		assertThat(zeroY).isEqualTo(SvgDocuments.number(axis, "y1"));
		// 8 % headroom above 587, then widened to the next round tick: 587 stands inside the panel, below its top.
		assertThat(highestY).isLessThan(zeroY).isGreaterThan(zeroY - 190);
		assertThat(SvgDocuments.texts(svg)).contains("600");
	}

	@Test
	void namesAreEscaped() throws Exception {
		Document svg = SvgDocuments.parse(LineChart.builder()
			.title("<script> & \"quotes\"")
			.panel("y", (panel) -> panel.series("a < b", SECONDS, SECONDS))
			.build()
			.toSvg());
		assertThat(SvgDocuments.texts(svg)).contains("<script> & \"quotes\"", "a < b");
		assertThat(SvgDocuments.elements(svg, "script")).isEmpty();
	}

	@Test
	void aLongSubtitleIsWrapped() throws Exception {
		String subtitle = "word ".repeat(60).trim();
		Document svg = SvgDocuments.parse(twoPanels().subtitle(subtitle).build().toSvg());
		assertThat(SvgDocuments.texts(svg).stream().filter((text) -> text.startsWith("word"))).hasSize(3);
	}

	@Test
	void writeToCreatesTheDirectory(@TempDir Path directory) throws Exception {
		Path file = directory.resolve("images").resolve("chart.svg");
		twoPanels().build().writeTo(file);
		assertThat(SvgDocuments.parse(Files.readString(file)).getDocumentElement().getTagName()).isEqualTo("svg");
	}

	@Test
	void seriesNeedAsManyXAsYValues() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LineChart.builder()
				.panel("y", (panel) -> panel.series("short", SECONDS, new double[] { 1, 2 })))
			.withMessageContaining("'short'")
			.withMessageContaining("5 x and 2 y values");
	}

	@Test
	void aPanelWithoutSeriesIsRejected() {
		assertThatIllegalStateException()
			.isThrownBy(() -> LineChart.builder().title("Empty").panel("y", (panel) -> {
			}).build())
			.withMessageContaining("'Empty'");
	}

	private static LineChart.Builder twoPanels() {
		return LineChart.builder()
			.title("Requests")
			.xAxis("seconds")
			.panel("requests/s", (panel) -> panel.series("node 1", SECONDS, new double[] { 10, 12, 11, 0, 9 })
				.series("node 2", SECONDS, new double[] { 9, 11, 12, 20, 10 }))
			.panel("failures/s", (panel) -> panel.series("failed", SECONDS, new double[5]).limit("bound", 1));
	}

}
