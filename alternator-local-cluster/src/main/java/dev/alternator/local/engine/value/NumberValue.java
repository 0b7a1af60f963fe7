package dev.alternator.local.engine.value;

import java.math.BigDecimal;

import dev.alternator.local.engine.ApiException;

/**
 * A number (N) value with DynamoDB's rules: at most 38 significant digits and a magnitude from
 * {@code 1E-130} to {@code 9.9999999999999999999999999999999999999E+125} (or zero). The value is kept in a
 * canonical form, so {@code 1}, {@code 1.0}, {@code +1} and {@code 1e0} are one value: equal, with the same
 * hash code and the same {@link #text() text}.
 */
public final class NumberValue implements AttributeValue, Comparable<NumberValue> {

	static final String NOT_A_NUMBER = "The parameter cannot be converted to a numeric value";

	static final String OVERFLOW = "Number overflow. Attempting to store a number with magnitude larger than supported range";

	static final String UNDERFLOW = "Number underflow. Attempting to store a number with magnitude smaller than supported range";

	static final String TOO_PRECISE = "Attempting to store more than 38 significant digits in a Number";

	private static final int MAX_DIGITS = 38;

	private static final int MAX_EXPONENT = 125;

	private static final int MIN_EXPONENT = -130;

	/** Zero. */
	public static final NumberValue ZERO = new NumberValue(BigDecimal.ZERO);

	private final BigDecimal value;

	// Computed on first use; racing threads compute the same string.
	private String text;

	private NumberValue(BigDecimal canonical) {
		this.value = canonical;
	}

	/**
	 * Parses a number as DynamoDB accepts it: an optional sign, digits with an optional decimal point, an
	 * optional exponent ({@code "+3"}, {@code ".5"}, {@code "1e+5"} are fine; spaces, {@code "NaN"} and
	 * {@code "Infinity"} are not).
	 * @param text the text
	 * @return the value
	 * @throws ApiException a ValidationException when the text is no number, has more than 38 significant
	 * digits, or its magnitude is out of range
	 */
	public static NumberValue parse(String text) {
		int n = text.length();
		if (n == 0 || n > 4096) {
			throw ApiException.validation(NOT_A_NUMBER);
		}
		for (int i = 0; i < n; i++) {
			char c = text.charAt(i);
			// BigDecimal would also take non-ASCII digits; DynamoDB does not.
			if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
				throw ApiException.validation(NOT_A_NUMBER);
			}
		}
		BigDecimal value;
		try {
			value = new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			throw ApiException.validation(NOT_A_NUMBER);
		}
		return of(value, TOO_PRECISE);
	}

	/**
	 * The number value of a decimal.
	 * @param value the decimal
	 * @return the value
	 * @throws ApiException a ValidationException when out of DynamoDB's precision or range
	 */
	public static NumberValue of(BigDecimal value) {
		return of(value, TOO_PRECISE);
	}

	private static NumberValue of(BigDecimal value, String tooPrecise) {
		if (value.signum() == 0) {
			return ZERO;
		}
		BigDecimal canonical = value.stripTrailingZeros();
		int exponent = canonical.precision() - canonical.scale() - 1;
		if (exponent > MAX_EXPONENT) {
			throw ApiException.validation(OVERFLOW);
		}
		if (exponent < MIN_EXPONENT) {
			throw ApiException.validation(UNDERFLOW);
		}
		if (canonical.precision() > MAX_DIGITS) {
			throw ApiException.validation(tooPrecise);
		}
		return new NumberValue(canonical);
	}

	/**
	 * The sum of this and another number.
	 * @param other the other number
	 * @return the sum
	 * @throws ApiException a ValidationException when the sum is out of range or too precise (DynamoDB calls
	 * both an overflow)
	 */
	public NumberValue add(NumberValue other) {
		return of(this.value.add(other.value), OVERFLOW);
	}

	/**
	 * The difference of this and another number.
	 * @param other the number to subtract
	 * @return the difference
	 * @throws ApiException a ValidationException when the difference is out of range or too precise
	 */
	public NumberValue subtract(NumberValue other) {
		return of(this.value.subtract(other.value), OVERFLOW);
	}

	/**
	 * The number in canonical form: no trailing zeros in the fraction.
	 * @return the decimal
	 */
	public BigDecimal value() {
		return this.value;
	}

	/**
	 * The canonical text, as written in responses: plain notation without trailing zeros, e.g. {@code "100"}
	 * for {@code 1e2} and {@code "0.5"} for {@code 5.0e-1}.
	 * @return the text
	 */
	public String text() {
		String text = this.text;
		if (text == null) {
			text = this.value.toPlainString();
			this.text = text;
		}
		return text;
	}

	@Override
	public AttributeType type() {
		return AttributeType.N;
	}

	@Override
	public int size() {
		// About one byte per two significant digits, plus one.
		return (this.value.precision() + 1) / 2 + 1;
	}

	@Override
	public int compareTo(NumberValue other) {
		return this.value.compareTo(other.value);
	}

	@Override
	public boolean equals(Object other) {
		// Canonical forms make BigDecimal.equals (which also compares scales) a numeric comparison.
		return this == other || (other instanceof NumberValue number && this.value.equals(number.value));
	}

	@Override
	public int hashCode() {
		return this.value.hashCode();
	}

	@Override
	public String toString() {
		return "{N:" + text() + "}";
	}

}
