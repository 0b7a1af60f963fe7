package dev.alternator.local.engine.value;

import org.junit.jupiter.api.Test;

import dev.alternator.local.engine.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Numbers: DynamoDB's canonical form, precision and range.
 */
class NumberValueTests {

	@Test
	void differentlyWrittenEqualNumbersAreOneValueWithOneText() {
		NumberValue one = NumberValue.parse("1");
		for (String text : new String[] { "1.0", "1e0", "+1", "0001.000", "10E-1", ".1e1" }) {
			NumberValue other = NumberValue.parse(text);
			assertThat(other).isEqualTo(one).hasSameHashCodeAs(one);
			assertThat(other.text()).isEqualTo("1");
		}
	}

	@Test
	void textIsPlainWithoutTrailingZeros() {
		assertThat(NumberValue.parse("1e2").text()).isEqualTo("100");
		assertThat(NumberValue.parse("-17.4E1").text()).isEqualTo("-174");
		assertThat(NumberValue.parse("5.0e-1").text()).isEqualTo("0.5");
		assertThat(NumberValue.parse("-0.00").text()).isEqualTo("0");
		assertThat(NumberValue.parse("0e1000")).isEqualTo(NumberValue.ZERO);
	}

	@Test
	void theFullRangeAndPrecisionAreAccepted() {
		for (String text : new String[] { "1e125", "-9.99999999e125", "1e-130", "-1e-130",
				"3.1415926535897932384626433832795028841", "31415926535897932384626433832795028841e30" }) {
			assertThat(NumberValue.parse(text).value()).isEqualByComparingTo(new java.math.BigDecimal(text));
		}
	}

	@Test
	void tooLargeNumbersOverflow() {
		assertThatThrownBy(() -> NumberValue.parse("1e126")).isInstanceOf(ApiException.class)
			.hasMessageStartingWith("Number overflow");
		assertThatThrownBy(() -> NumberValue.parse("-11e125")).hasMessageStartingWith("Number overflow");
	}

	@Test
	void tooSmallNumbersUnderflow() {
		assertThatThrownBy(() -> NumberValue.parse("1e-131")).hasMessageStartingWith("Number underflow");
		assertThatThrownBy(() -> NumberValue.parse("0.9e-130")).hasMessageStartingWith("Number underflow");
	}

	@Test
	void moreThan38SignificantDigitsAreRejected() {
		assertThatThrownBy(() -> NumberValue.parse("3.14159265358979323846264338327950288419"))
			.hasMessage("Attempting to store more than 38 significant digits in a Number");
	}

	@Test
	void textThatIsNoNumberIsRejectedAsValidation() {
		for (String text : new String[] { "NaN", "Infinity", "-Infinity", "dog", " 1", "1 ", "", "1e", "--1",
				"\u0661" }) {
			assertThatThrownBy(() -> NumberValue.parse(text)).as(text)
				.isInstanceOfSatisfying(ApiException.class,
						(ex) -> assertThat(ex.type()).isEqualTo("ValidationException"))
				.hasMessageContaining("numeric");
		}
	}

	@Test
	void arithmeticIsExactAndChecked() {
		assertThat(NumberValue.parse("1").add(NumberValue.parse("10000000000000000000000")).text())
			.isEqualTo("10000000000000000000001");
		assertThat(NumberValue.parse("0.1").subtract(NumberValue.parse("0.3")).text()).isEqualTo("-0.2");
		assertThatThrownBy(() -> NumberValue.parse("9e125").add(NumberValue.parse("9e125")))
			.hasMessageStartingWith("Number overflow");
		assertThatThrownBy(() -> NumberValue.parse("1e50").add(NumberValue.parse("1")))
			.hasMessageStartingWith("Number overflow");
	}

	@Test
	void sizeGrowsWithSignificantDigits() {
		assertThat(NumberValue.parse("1").size()).isEqualTo(2);
		assertThat(NumberValue.parse("1000000").size()).isEqualTo(2);
		assertThat(NumberValue.parse("12345").size()).isEqualTo(4);
		assertThat(NumberValue.parse("3.1415926535897932384626433832795028841").size()).isEqualTo(20);
	}

}
