package dev.alternator.benchmarks.chart;

import java.util.Locale;

/**
 * An axis range and round tick values on it: steps of 1, 2, 2.5 or 5 times a power of ten, so that labels read as
 * round numbers.
 */
final class Ticks {

	private final double min;

	private final double max;

	private final double first;

	private final double step;

	private final int count;

	private Ticks(double min, double max, double first, double step, int count) {
		this.min = min;
		this.max = max;
		this.first = first;
		this.step = step;
		this.count = count;
	}

	/**
	 * An axis widened to the round ticks around {@code min} and {@code max}, with about {@code wanted} intervals: for
	 * values, where the top gridline should stand above the highest one.
	 */
	static Ticks covering(double min, double max, int wanted) {
		if (!(max > min)) {
			max = min + 1;
		}
		double step = roundStep((max - min) / wanted);
		double first = Math.floor(min / step + 1e-9) * step;
		double last = Math.ceil(max / step - 1e-9) * step;
		int count = (int) Math.round((last - first) / step) + 1;
		return new Ticks(first, last, first, step, count);
	}

	/**
	 * An axis from exactly {@code min} to {@code max} with the round ticks that fall inside it: for time, where the
	 * axis should end where the run ended.
	 */
	static Ticks inside(double min, double max, int wanted) {
		if (!(max > min)) {
			max = min + 1;
		}
		double step = roundStep((max - min) / wanted);
		// A tick a hair outside the range still counts: a run's first reading comes microseconds after 0.
		double first = Math.ceil(min / step - 1e-3) * step;
		int count = (int) Math.floor((max - first) / step + 1e-3) + 1;
		return new Ticks(min, max, first, step, count);
	}

	/**
	 * The smallest round step at least about {@code rough}: 2 % short is close enough, so that 10.0002 minutes in 10
	 * intervals gives steps of 1, not 2.
	 */
	private static double roundStep(double rough) {
		double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
		for (double multiple : new double[] { 1, 2, 2.5, 5 }) {
			if (multiple * magnitude >= rough * 0.98) {
				return multiple * magnitude;
			}
		}
		return 10 * magnitude;
	}

	double min() {
		return this.min;
	}

	double max() {
		return this.max;
	}

	/**
	 * Where a value falls on the axis, from 0 (its minimum) to 1 (its maximum).
	 */
	double fraction(double value) {
		return (value - this.min) / (this.max - this.min);
	}

	int count() {
		return this.count;
	}

	double value(int index) {
		return this.first + index * this.step;
	}

	/**
	 * The tick's label with as many decimals as the step needs and thousands separated by commas.
	 */
	String label(int index) {
		double value = value(index);
		int decimals = 0;
		double scaled = this.step;
		while (decimals < 6 && Math.abs(scaled - Math.rint(scaled)) > 1e-6) {
			scaled *= 10;
			decimals++;
		}
		if (Math.abs(value) < this.step * 1e-6) {
			value = 0;
		}
		return String.format(Locale.ROOT, "%,." + decimals + "f", value);
	}

}
