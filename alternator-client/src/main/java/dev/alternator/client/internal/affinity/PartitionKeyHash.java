package dev.alternator.client.internal.affinity;

import java.nio.charset.StandardCharsets;

import org.apache.commons.codec.digest.MurmurHash3;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The affinity hash of a partition-key value, as ScyllaDB's Alternator libraries compute it: a type byte
 * ({@code 0x01} string, {@code 0x02} number, {@code 0x03} binary) then the value's bytes (UTF-8 text of strings and of
 * numbers exactly as written, raw bytes of binaries), hashed with MurmurHash3 x64 128 (seed 0, first 64 bits; commons-codec). Numbers are not normalized:
 * {@code 42} and {@code 42.0} hash differently, as in the other libraries.
 */
public final class PartitionKeyHash {

	private static final byte STRING = 0x01;

	private static final byte NUMBER = 0x02;

	private static final byte BINARY = 0x03;

	private PartitionKeyHash() {
	}

	/**
	 * Whether a value can be hashed: a string, number or binary (the only partition-key types).
	 */
	public static boolean isHashable(AttributeValue value) {
		return value != null && (value.s() != null || value.n() != null || value.b() != null);
	}

	/**
	 * The hash of a string, number or binary value.
	 * @throws IllegalArgumentException for any other type
	 */
	public static long of(AttributeValue value) {
		if (value != null) {
			if (value.s() != null) {
				return hash(STRING, value.s().getBytes(StandardCharsets.UTF_8));
			}
			if (value.n() != null) {
				return hash(NUMBER, value.n().getBytes(StandardCharsets.UTF_8));
			}
			if (value.b() != null) {
				return hash(BINARY, value.b().asByteArrayUnsafe());
			}
		}
		throw new IllegalArgumentException("A partition key is a string, number or binary value, was " + value);
	}

	/**
	 * The first 64 bits of MurmurHash3 x64_128 (seed 0) of {@code prefix} followed by {@code data}.
	 */
	public static long hash(byte prefix, byte[] data) {
		byte[] typed = new byte[data.length + 1];
		typed[0] = prefix;
		System.arraycopy(data, 0, typed, 1, data.length);
		return MurmurHash3.hash128x64(typed, 0, typed.length, 0)[0];
	}

}
