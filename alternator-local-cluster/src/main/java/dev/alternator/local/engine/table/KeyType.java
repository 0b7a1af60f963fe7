package dev.alternator.local.engine.table;

import dev.alternator.local.engine.value.AttributeType;

/**
 * The three types a key attribute may have: string, number or binary.
 */
public enum KeyType {

	/** A string, ordered by its UTF-8 bytes. */
	S,

	/** A number, ordered by value. */
	N,

	/** A binary value, ordered by its unsigned bytes. */
	B;

	/**
	 * The key type of a DynamoDB attribute type name.
	 * @param name {@code "S"}, {@code "N"} or {@code "B"}
	 * @return the type, or {@code null} when the name is not a key type
	 */
	public static KeyType of(String name) {
		// The key types are the scalar attribute types: one table of descriptors, in AttributeType.
		AttributeType type = (name != null) ? AttributeType.forDescriptor(name) : null;
		if (type == null) {
			return null;
		}
		return switch (type) {
			case S -> S;
			case N -> N;
			case B -> B;
			default -> null;
		};
	}

}
