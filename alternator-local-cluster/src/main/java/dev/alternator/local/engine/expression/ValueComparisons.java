package dev.alternator.local.engine.expression;

import java.util.List;

import dev.alternator.local.engine.value.AttributeType;
import dev.alternator.local.engine.value.AttributeValue;
import dev.alternator.local.engine.value.BinarySetValue;
import dev.alternator.local.engine.value.BinaryValue;
import dev.alternator.local.engine.value.KeyOrdering;
import dev.alternator.local.engine.value.ListValue;
import dev.alternator.local.engine.value.NumberSetValue;
import dev.alternator.local.engine.value.NumberValue;
import dev.alternator.local.engine.value.StringSetValue;
import dev.alternator.local.engine.value.StringValue;

/**
 * DynamoDB's comparison semantics, shared by expressions and legacy conditions. A missing value ({@code null})
 * or values of types that cannot be compared make a comparison false, never an error.
 */
final class ValueComparisons {

	private ValueComparisons() {
	}

	static boolean equal(AttributeValue a, AttributeValue b) {
		return a != null && b != null && a.equals(b);
	}

	/** The sign of a comparison, or {@link Integer#MIN_VALUE} when the values cannot be ordered. */
	static int compare(AttributeValue a, AttributeValue b) {
		if (a == null || b == null) {
			return Integer.MIN_VALUE;
		}
		return KeyOrdering.compareIfComparable(a, b);
	}

	static boolean lessThan(AttributeValue a, AttributeValue b) {
		int c = compare(a, b);
		return c != Integer.MIN_VALUE && c < 0;
	}

	static boolean lessOrEqual(AttributeValue a, AttributeValue b) {
		int c = compare(a, b);
		return c != Integer.MIN_VALUE && c <= 0;
	}

	static boolean greaterThan(AttributeValue a, AttributeValue b) {
		int c = compare(a, b);
		return c != Integer.MIN_VALUE && c > 0;
	}

	static boolean greaterOrEqual(AttributeValue a, AttributeValue b) {
		int c = compare(a, b);
		return c != Integer.MIN_VALUE && c >= 0;
	}

	static boolean between(AttributeValue value, AttributeValue low, AttributeValue high) {
		return greaterOrEqual(value, low) && lessOrEqual(value, high);
	}

	static boolean beginsWith(AttributeValue value, AttributeValue prefix) {
		if (value instanceof StringValue s && prefix instanceof StringValue p) {
			return s.value().startsWith(p.value());
		}
		if (value instanceof BinaryValue b && prefix instanceof BinaryValue p) {
			return b.startsWith(p);
		}
		return false;
	}

	/**
	 * Whether a string contains a substring, a binary a byte sequence, a set an element or a list an equal
	 * element.
	 */
	static boolean contains(AttributeValue container, AttributeValue element) {
		if (container == null || element == null) {
			return false;
		}
		switch (container.type()) {
			case S:
				return element instanceof StringValue e && ((StringValue) container).value().contains(e.value());
			case B:
				return element instanceof BinaryValue e && ((BinaryValue) container).contains(e);
			case SS:
				return element instanceof StringValue e && ((StringSetValue) container).contains(e.value());
			case NS:
				return element instanceof NumberValue e && ((NumberSetValue) container).contains(e);
			case BS:
				return element instanceof BinaryValue e && ((BinarySetValue) container).contains(e);
			case L: {
				List<AttributeValue> elements = ((ListValue) container).value();
				return elements.contains(element);
			}
			default:
				return false;
		}
	}

	/** The long type name DynamoDB uses in some messages, e.g. {@code STRING} or {@code NUMBER_SET}. */
	static String longTypeName(AttributeType type) {
		switch (type) {
			case S:
				return "STRING";
			case N:
				return "NUMBER";
			case B:
				return "BINARY";
			case BOOL:
				return "BOOLEAN";
			case NULL:
				return "NULL";
			case M:
				return "MAP";
			case L:
				return "LIST";
			case SS:
				return "STRING_SET";
			case NS:
				return "NUMBER_SET";
			default:
				return "BINARY_SET";
		}
	}

}
