package dev.alternator.local.engine.value;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * An immutable DynamoDB attribute value of one of the ten {@link AttributeType types}. Values compare equal
 * by content: numbers by numeric value ({@code 1}, {@code 1.0} and {@code 1e0} are equal), binaries by their
 * bytes, sets regardless of element order.
 * <p>
 * An item is a {@code Map<String, AttributeValue>} keeping the order in which attributes were given (a
 * {@link java.util.LinkedHashMap}); see {@link ItemSize} for its size and {@link KeyOrdering} for the order of
 * key values. {@link AttributeValueJson} reads and writes the DynamoDB JSON form.
 */
public sealed interface AttributeValue permits StringValue, NumberValue, BinaryValue, BooleanValue, NullValue,
		MapValue, ListValue, StringSetValue, NumberSetValue, BinarySetValue {

	/**
	 * The type of this value.
	 * @return the type
	 */
	AttributeType type();

	/**
	 * The size of this value as DynamoDB counts it toward the 400 KB item limit.
	 * @return the size in bytes
	 */
	int size();

	/**
	 * A string value.
	 * @param value the string, possibly empty
	 * @return the value
	 */
	static StringValue s(String value) {
		return new StringValue(value);
	}

	/**
	 * A number value from its text.
	 * @param text the number as DynamoDB accepts it, e.g. {@code "-1.5e3"}
	 * @return the value
	 * @throws dev.alternator.local.engine.ApiException when the text is no number or out of DynamoDB's range
	 */
	static NumberValue n(String text) {
		return NumberValue.parse(text);
	}

	/**
	 * A number value.
	 * @param value the number
	 * @return the value
	 */
	static NumberValue n(long value) {
		return NumberValue.of(BigDecimal.valueOf(value));
	}

	/**
	 * A binary value; the bytes are copied.
	 * @param bytes the bytes
	 * @return the value
	 */
	static BinaryValue b(byte[] bytes) {
		return new BinaryValue(bytes);
	}

	/**
	 * A boolean value.
	 * @param value the boolean
	 * @return the value
	 */
	static BooleanValue bool(boolean value) {
		return BooleanValue.of(value);
	}

	/**
	 * The null value.
	 * @return the value
	 */
	static NullValue nul() {
		return NullValue.INSTANCE;
	}

	/**
	 * A map value; the map is copied, keeping its order.
	 * @param entries the entries
	 * @return the value
	 */
	static MapValue m(Map<String, AttributeValue> entries) {
		return new MapValue(entries);
	}

	/**
	 * A list value; the list is copied.
	 * @param elements the elements
	 * @return the value
	 */
	static ListValue l(List<AttributeValue> elements) {
		return new ListValue(elements);
	}

	/**
	 * A list value.
	 * @param elements the elements
	 * @return the value
	 */
	static ListValue l(AttributeValue... elements) {
		return new ListValue(Arrays.asList(elements));
	}

	/**
	 * A string set.
	 * @param elements the elements, not empty and without duplicates
	 * @return the value
	 * @throws dev.alternator.local.engine.ApiException when empty or with duplicates
	 */
	static StringSetValue ss(Collection<String> elements) {
		return StringSetValue.of(elements);
	}

	/**
	 * A number set from the numbers' texts.
	 * @param elements the numbers, not empty and without duplicates
	 * @return the value
	 * @throws dev.alternator.local.engine.ApiException when empty, with duplicates or with a bad number
	 */
	static NumberSetValue ns(Collection<String> elements) {
		return NumberSetValue.parse(elements);
	}

	/**
	 * A binary set; the bytes are copied.
	 * @param elements the elements, not empty and without duplicates
	 * @return the value
	 * @throws dev.alternator.local.engine.ApiException when empty or with duplicates
	 */
	static BinarySetValue bs(Collection<byte[]> elements) {
		return BinarySetValue.ofBytes(elements);
	}

}
