package dev.alternator.local.engine.value;

import java.util.Comparator;

/**
 * The order of key values as DynamoDB sorts them: strings by their UTF-8 bytes (unsigned), binaries by their
 * bytes (unsigned), numbers by numeric value. Values of the three key types only, both of one type.
 */
public final class KeyOrdering implements Comparator<AttributeValue> {

	/** The ordering. */
	public static final KeyOrdering INSTANCE = new KeyOrdering();

	private KeyOrdering() {
	}

	/**
	 * Compares two key values of the same type.
	 * @throws IllegalArgumentException when the values are not both S, both N or both B
	 */
	@Override
	public int compare(AttributeValue a, AttributeValue b) {
		if (a instanceof StringValue sa && b instanceof StringValue sb) {
			return Utf8.compare(sa.value(), sb.value());
		}
		if (a instanceof NumberValue na && b instanceof NumberValue nb) {
			return na.compareTo(nb);
		}
		if (a instanceof BinaryValue ba && b instanceof BinaryValue bb) {
			return ba.compareTo(bb);
		}
		throw new IllegalArgumentException("Not comparable as keys: " + a.type() + " and " + b.type());
	}

	/**
	 * Compares two values the way comparison operators do: only S with S, N with N, B with B.
	 * @param a a value
	 * @param b another value
	 * @return the comparison, or {@link Integer#MIN_VALUE} when the two cannot be ordered (different or
	 * non-scalar types), in which case every comparison of them is false
	 */
	public static int compareIfComparable(AttributeValue a, AttributeValue b) {
		if (a instanceof StringValue sa && b instanceof StringValue sb) {
			return Integer.signum(Utf8.compare(sa.value(), sb.value()));
		}
		if (a instanceof NumberValue na && b instanceof NumberValue nb) {
			return na.compareTo(nb);
		}
		if (a instanceof BinaryValue ba && b instanceof BinaryValue bb) {
			return Integer.signum(ba.compareTo(bb));
		}
		return Integer.MIN_VALUE;
	}

}
