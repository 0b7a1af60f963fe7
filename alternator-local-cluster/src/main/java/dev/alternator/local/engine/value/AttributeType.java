package dev.alternator.local.engine.value;

/**
 * The ten DynamoDB data types, named by their JSON type descriptor.
 */
public enum AttributeType {

	/** String. */
	S,
	/** Number. */
	N,
	/** Binary. */
	B,
	/** Boolean. */
	BOOL,
	/** Null. */
	NULL,
	/** Map (document). */
	M,
	/** List (document). */
	L,
	/** String set. */
	SS,
	/** Number set. */
	NS,
	/** Binary set. */
	BS;

	/**
	 * The type for a JSON descriptor such as {@code "SS"}.
	 * @param descriptor the descriptor, case-sensitive as in the protocol
	 * @return the type, or {@code null} when the descriptor names none
	 */
	public static AttributeType forDescriptor(String descriptor) {
		switch (descriptor) {
			case "S":
				return S;
			case "N":
				return N;
			case "B":
				return B;
			case "BOOL":
				return BOOL;
			case "NULL":
				return NULL;
			case "M":
				return M;
			case "L":
				return L;
			case "SS":
				return SS;
			case "NS":
				return NS;
			case "BS":
				return BS;
			default:
				return null;
		}
	}

	/**
	 * Whether a value of this type can be a key attribute (S, N or B).
	 * @return {@code true} for the scalar key types
	 */
	public boolean isKeyType() {
		return this == S || this == N || this == B;
	}

	/**
	 * Whether this is one of the three set types.
	 * @return {@code true} for SS, NS and BS
	 */
	public boolean isSet() {
		return this == SS || this == NS || this == BS;
	}

}
