package dev.alternator.client;

/**
 * MurmurHash3, the x64 128-bit variant with seed 0, of which only the first 64 bits are kept: the partition-key hash
 * of ScyllaDB's Alternator libraries. Hashes a one-byte type prefix followed by the value's bytes, without copying
 * them into one array.
 */
final class Murmur3 {

	private static final long C1 = 0x87c37b91114253d5L;

	private static final long C2 = 0x4cf5ad432745937fL;

	private Murmur3() {
	}

	/**
	 * The first 64 bits of MurmurHash3 x64_128 (seed 0) of {@code prefix} followed by {@code data}.
	 */
	static long hash64(byte prefix, byte[] data) {
		int length = data.length + 1;
		long h1 = 0;
		long h2 = 0;
		int blocks = length / 16;
		for (int block = 0; block < blocks; block++) {
			int offset = block * 16;
			long k1 = littleEndianLong(prefix, data, offset);
			long k2 = littleEndianLong(prefix, data, offset + 8);
			h1 ^= mixK1(k1);
			h1 = Long.rotateLeft(h1, 27) + h2;
			h1 = h1 * 5 + 0x52dce729;
			h2 ^= mixK2(k2);
			h2 = Long.rotateLeft(h2, 31) + h1;
			h2 = h2 * 5 + 0x38495ab5;
		}
		int tail = blocks * 16;
		int remaining = length - tail;
		long k1 = 0;
		long k2 = 0;
		for (int i = remaining - 1; i >= 8; i--) {
			k2 ^= (byteAt(prefix, data, tail + i) & 0xffL) << ((i - 8) * 8);
		}
		for (int i = Math.min(remaining, 8) - 1; i >= 0; i--) {
			k1 ^= (byteAt(prefix, data, tail + i) & 0xffL) << (i * 8);
		}
		if (remaining > 8) {
			h2 ^= mixK2(k2);
		}
		if (remaining > 0) {
			h1 ^= mixK1(k1);
		}
		h1 ^= length;
		h2 ^= length;
		h1 += h2;
		h2 += h1;
		h1 = finalMix(h1);
		h2 = finalMix(h2);
		return h1 + h2;
	}

	private static long mixK1(long k1) {
		return Long.rotateLeft(k1 * C1, 31) * C2;
	}

	private static long mixK2(long k2) {
		return Long.rotateLeft(k2 * C2, 33) * C1;
	}

	private static long finalMix(long k) {
		k ^= k >>> 33;
		k *= 0xff51afd7ed558ccdL;
		k ^= k >>> 33;
		k *= 0xc4ceb9fe1a85ec53L;
		k ^= k >>> 33;
		return k;
	}

	private static long littleEndianLong(byte prefix, byte[] data, int offset) {
		long value = 0;
		for (int i = 7; i >= 0; i--) {
			value = (value << 8) | (byteAt(prefix, data, offset + i) & 0xffL);
		}
		return value;
	}

	private static byte byteAt(byte prefix, byte[] data, int index) {
		return (index == 0) ? prefix : data[index - 1];
	}

}
