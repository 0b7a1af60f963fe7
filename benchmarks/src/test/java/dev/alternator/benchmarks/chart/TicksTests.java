package dev.alternator.benchmarks.chart;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TicksTests {

	@Test
	void coveringWidensTheAxisToRoundTicks() {
		Ticks ticks = Ticks.covering(0, 587, 5);
		assertThat(labels(ticks)).containsExactly("0", "200", "400", "600");
		assertThat(ticks.max()).isEqualTo(600);
	}

	@Test
	void insideKeepsTheAxisAtTheDataAndTicksWithinIt() {
		Ticks ticks = Ticks.inside(0.4, 19.3, 10);
		assertThat(labels(ticks)).containsExactly("2", "4", "6", "8", "10", "12", "14", "16", "18");
		assertThat(ticks.min()).isEqualTo(0.4);
		assertThat(ticks.max()).isEqualTo(19.3);
		assertThat(ticks.fraction(19.3)).isEqualTo(1);
	}

	@Test
	void aTimeAxisStartingJustAfterZeroShowsZeroAndStepsOfOne() {
		Ticks ticks = Ticks.inside(0.00002, 10.0002, 10);
		assertThat(labels(ticks)).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
	}

	@Test
	void labelsHaveTheDecimalsTheStepNeedsAndThousandsSeparators() {
		assertThat(labels(Ticks.covering(0, 0.9, 5))).containsExactly("0.0", "0.2", "0.4", "0.6", "0.8", "1.0");
		assertThat(labels(Ticks.covering(0, 1.2, 5))).containsExactly("0.00", "0.25", "0.50", "0.75", "1.00", "1.25");
		assertThat(labels(Ticks.covering(0, 9_000, 4))).containsExactly("0", "2,500", "5,000", "7,500", "10,000");
	}

	@Test
	void anEmptyRangeStillHasAnAxis() {
		Ticks ticks = Ticks.covering(0, 0, 5);
		assertThat(ticks.max()).isGreaterThan(ticks.min());
	}

	private static List<String> labels(Ticks ticks) {
		List<String> labels = new ArrayList<>();
		for (int i = 0; i < ticks.count(); i++) {
			labels.add(ticks.label(i));
		}
		return labels;
	}

}
