package dev.alternator.local.engine.table;

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
		if (name == null) {
			return null;
		}
		switch (name) {
			case "S":
				return S;
			case "N":
				return N;
			case "B":
				return B;
			default:
				return null;
		}
	}

}
