package dev.alternator.benchmarks.chart;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.offset;

class BarChartTests {

	@Test
	void barHeightsAreProportionalToTheValues() throws Exception {
		Document svg = SvgDocuments.parse(BarChart.builder()
			.title("Throughput")
			.yAxis("GetItem/s")
			.group("balanced", (group) -> group.bar("1 node", 190, null).bar("3 nodes", 570, null))
			.group("plain", (group) -> group.bar("pinned", 190, null))
			.build()
			.toSvg());
		List<Element> bars = bars(svg);
		assertThat(bars).hasSize(3);
		double one = SvgDocuments.number(bars.get(0), "height");
		assertThat(SvgDocuments.number(bars.get(1), "height")).isCloseTo(3 * one, offset(0.1));
		assertThat(SvgDocuments.number(bars.get(2), "height")).isEqualTo(one);
		// Bars of one group share a colour, the next group has another.
		assertThat(bars.get(1).getAttribute("fill")).isEqualTo(bars.get(0).getAttribute("fill"));
		assertThat(bars.get(2).getAttribute("fill")).isNotEqualTo(bars.get(0).getAttribute("fill"));
	}

	@Test
	void labelsGroupNamesAndTwoLineAnnotationsAreDrawn() throws Exception {
		Document svg = SvgDocuments.parse(BarChart.builder()
			.title("Scale-out")
			.group("load-balanced client", (group) -> group.bar("3 nodes", 586, "586/s\nefficiency 1.02"))
			.build()
			.toSvg());
		assertThat(SvgDocuments.texts(svg)).contains("3 nodes", "load-balanced client", "586/s", "efficiency 1.02");
	}

	@Test
	void negativeValuesAreRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BarChart.builder().group("g", (group) -> group.bar("b", -1, null)))
			.withMessageContaining("'b'")
			.withMessageContaining("-1");
	}

	@Test
	void aChartWithoutBarsIsRejected() {
		assertThatIllegalStateException().isThrownBy(() -> BarChart.builder().title("Nothing").build())
			.withMessageContaining("'Nothing'");
	}

	private static List<Element> bars(Document svg) {
		// The first rectangle is the white background.
		List<Element> rectangles = SvgDocuments.elements(svg, "rect");
		return rectangles.subList(1, rectangles.size());
	}

}
