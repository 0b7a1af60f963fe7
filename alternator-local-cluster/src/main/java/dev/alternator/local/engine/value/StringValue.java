package dev.alternator.local.engine.value;

import java.util.Objects;

/**
 * A string (S) value. Empty strings are valid values; only key attributes reject them.
 * @param value the string
 */
public record StringValue(String value) implements AttributeValue {

	/**
	 * Creates the value.
	 * @param value the string, not {@code null}
	 */
	public StringValue {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public AttributeType type() {
		return AttributeType.S;
	}

	@Override
	public int size() {
		return Utf8.length(this.value);
	}

	@Override
	public String toString() {
		return "{S:" + this.value + "}";
	}

}
