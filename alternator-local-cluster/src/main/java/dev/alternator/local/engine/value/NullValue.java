package dev.alternator.local.engine.value;

/**
 * The null (NULL) value; in JSON always {@code {"NULL": true}}.
 */
public record NullValue() implements AttributeValue {

	/** The only instance needed. */
	public static final NullValue INSTANCE = new NullValue();

	@Override
	public AttributeType type() {
		return AttributeType.NULL;
	}

	@Override
	public int size() {
		return 1;
	}

	@Override
	public String toString() {
		return "{NULL:true}";
	}

}
