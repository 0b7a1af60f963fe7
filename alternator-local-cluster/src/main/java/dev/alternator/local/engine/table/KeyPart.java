package dev.alternator.local.engine.table;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One key attribute's value in the form storage compares: the bytes of a string or binary value (compared as
 * unsigned bytes, as DynamoDB orders them) or a number (compared by value). Immutable.
 */
public final class KeyPart implements Comparable<KeyPart> {

	private final KeyType type;

	private final byte[] bytes;

	private final BigDecimal number;

	private final int hash;

	private KeyPart(KeyType type, byte[] bytes, BigDecimal number) {
		this.type = type;
		this.bytes = bytes;
		this.number = number;
		this.hash = (number != null) ? number.stripTrailingZeros().hashCode() : Arrays.hashCode(bytes);
	}

	/**
	 * A string key value.
	 * @param value the string
	 * @return the key part
	 */
	public static KeyPart ofString(String value) {
		return new KeyPart(KeyType.S, value.getBytes(StandardCharsets.UTF_8), null);
	}

	/**
	 * A binary key value.
	 * @param value the bytes (not copied: the caller gives up ownership)
	 * @return the key part
	 */
	public static KeyPart ofBinary(byte[] value) {
		return new KeyPart(KeyType.B, Objects.requireNonNull(value, "value"), null);
	}

	/**
	 * A number key value.
	 * @param value the number
	 * @return the key part
	 */
	public static KeyPart ofNumber(BigDecimal value) {
		return new KeyPart(KeyType.N, null, Objects.requireNonNull(value, "value"));
	}

	/**
	 * The value's type.
	 * @return the type
	 */
	public KeyType type() {
		return this.type;
	}

	/**
	 * The UTF-8 bytes of a string or the bytes of a binary value; {@code null} for a number. Not a copy.
	 * @return the bytes
	 */
	public byte[] bytes() {
		return this.bytes;
	}

	/**
	 * The value of a number; {@code null} for a string or binary value.
	 * @return the number
	 */
	public BigDecimal number() {
		return this.number;
	}

	/**
	 * The key's size as DynamoDB counts it against the key size limits: the bytes of a string or binary value,
	 * roughly one byte per two digits for a number.
	 * @return the size in bytes
	 */
	public int size() {
		if (this.number != null) {
			return (this.number.precision() + 1) / 2 + 1;
		}
		return this.bytes.length;
	}

	/**
	 * Whether this string or binary value starts with the given one.
	 * @param prefix the prefix, of the same type
	 * @return {@code true} when it starts with the prefix
	 */
	public boolean startsWith(KeyPart prefix) {
		if (this.bytes == null || prefix.bytes == null || prefix.bytes.length > this.bytes.length) {
			return false;
		}
		return Arrays.equals(this.bytes, 0, prefix.bytes.length, prefix.bytes, 0, prefix.bytes.length);
	}

	/**
	 * The smallest string or binary value greater than every value that starts with this one: where the values
	 * with this prefix end.
	 * @return the bound, or {@code null} when no value follows them (the prefix is all 0xFF bytes)
	 */
	public KeyPart prefixEnd() {
		if (this.bytes == null) {
			return null;
		}
		for (int i = this.bytes.length - 1; i >= 0; i--) {
			if (this.bytes[i] != (byte) 0xFF) {
				byte[] end = Arrays.copyOf(this.bytes, i + 1);
				end[i]++;
				return new KeyPart(this.type, end, null);
			}
		}
		return null;
	}

	@Override
	public int compareTo(KeyPart other) {
		if (this.type != other.type) {
			return this.type.compareTo(other.type);
		}
		if (this.number != null) {
			return this.number.compareTo(other.number);
		}
		return Arrays.compareUnsigned(this.bytes, other.bytes);
	}

	@Override
	public boolean equals(Object other) {
		return (this == other) || (other instanceof KeyPart part && this.hash == part.hash && compareTo(part) == 0);
	}

	@Override
	public int hashCode() {
		return this.hash;
	}

	@Override
	public String toString() {
		// Keys may hold user data: show only the type and size.
		return "KeyPart[" + this.type + ", " + size() + " bytes]";
	}

}
