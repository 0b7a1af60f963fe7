package dev.alternator.local.engine.value;

import java.util.Arrays;
import java.util.Base64;

/**
 * A binary (B) value. The bytes are copied in and out, so the value cannot change; equality is by content.
 */
public final class BinaryValue implements AttributeValue, Comparable<BinaryValue> {

	private final byte[] bytes;

	private final int hash;

	/**
	 * Creates a value from a copy of the bytes.
	 * @param bytes the bytes
	 */
	public BinaryValue(byte[] bytes) {
		this(bytes.clone(), true);
	}

	// For bytes nobody else holds, e.g. freshly decoded ones.
	BinaryValue(byte[] owned, boolean owner) {
		this.bytes = owned;
		this.hash = Arrays.hashCode(owned);
	}

	/**
	 * A copy of the bytes.
	 * @return the bytes
	 */
	public byte[] bytes() {
		return this.bytes.clone();
	}

	/**
	 * The number of bytes.
	 * @return the length
	 */
	public int length() {
		return this.bytes.length;
	}

	/**
	 * The bytes in base64, as in the JSON form.
	 * @return the base64 text
	 */
	public String base64() {
		return Base64.getEncoder().encodeToString(this.bytes);
	}

	/**
	 * Whether the bytes start with the bytes of another value.
	 * @param prefix the other value
	 * @return {@code true} when this value begins with {@code prefix}
	 */
	public boolean startsWith(BinaryValue prefix) {
		return prefix.bytes.length <= this.bytes.length
				&& Arrays.equals(this.bytes, 0, prefix.bytes.length, prefix.bytes, 0, prefix.bytes.length);
	}

	/**
	 * Whether another value's bytes occur in this value's bytes.
	 * @param part the other value
	 * @return {@code true} when {@code part} is a subsequence of consecutive bytes of this value
	 */
	public boolean contains(BinaryValue part) {
		byte[] p = part.bytes;
		outer: for (int i = 0; i + p.length <= this.bytes.length; i++) {
			for (int j = 0; j < p.length; j++) {
				if (this.bytes[i + j] != p[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	@Override
	public AttributeType type() {
		return AttributeType.B;
	}

	@Override
	public int size() {
		return this.bytes.length;
	}

	/**
	 * Orders by unsigned bytes, as DynamoDB orders binary keys.
	 */
	@Override
	public int compareTo(BinaryValue other) {
		return Arrays.compareUnsigned(this.bytes, other.bytes);
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof BinaryValue binary && this.hash == binary.hash
				&& Arrays.equals(this.bytes, binary.bytes));
	}

	@Override
	public int hashCode() {
		return this.hash;
	}

	@Override
	public String toString() {
		return "{B:" + base64() + "}";
	}

}
