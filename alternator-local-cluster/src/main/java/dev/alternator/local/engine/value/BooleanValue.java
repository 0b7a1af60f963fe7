package dev.alternator.local.engine.value;

/**
 * A boolean (BOOL) value.
 * @param value the boolean
 */
public record BooleanValue(boolean value) implements AttributeValue {

	private static final BooleanValue TRUE = new BooleanValue(true);

	private static final BooleanValue FALSE = new BooleanValue(false);

	/**
	 * The shared instance for a boolean.
	 * @param value the boolean
	 * @return the value
	 */
	public static BooleanValue of(boolean value) {
		return value ? TRUE : FALSE;
	}

	@Override
	public AttributeType type() {
		return AttributeType.BOOL;
	}

	@Override
	public int size() {
		return 1;
	}

	@Override
	public String toString() {
		return "{BOOL:" + this.value + "}";
	}

}
