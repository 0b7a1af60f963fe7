package dev.alternator.client.internal.affinity;

/**
 * The first draws of {@link GoRandom} for a seed, computed without filling its 607-word state: a key-route vote needs
 * one draw and a permutation of a small ring a few, while seeding the whole generator costs 1,841 Park–Miller steps.
 * <p>
 * Why it is exact: seeding word {@code i} is built from Park–Miller values number {@code 21 + 3i}, {@code 22 + 3i}
 * and {@code 23 + 3i} of the seed, and value {@code n} is {@code seed * 48271^n mod (2^31 - 1)}, so any word can be
 * computed alone from a table of powers. Draw {@code k} of Go's generator adds words {@code 333 - k} and
 * {@code 606 - k}, neither of which an earlier draw has overwritten while {@code k < 273}; from draw 273 on, this
 * class hands over to a full {@link GoRandom} advanced to the same point. Not thread-safe.
 */
public final class GoRandomPrefix implements GoInt31Source {

	private static final long MODULUS = Integer.MAX_VALUE;

	/** Draws that read only the seeded state. */
	public static final int PURE_DRAWS = GoRandom.TAP;

	/** {@code 48271^n mod (2^31 - 1)} for every Park–Miller step the seeding takes. */
	private static final long[] POWERS = powers(21 + 3 * GoRandom.LENGTH);

	private final long seed;

	private int draws;

	private final long reduced;

	private GoRandom full;

	public GoRandomPrefix(long seed) {
		long reduced = seed % MODULUS;
		if (reduced < 0) {
			reduced += MODULUS;
		}
		if (reduced == 0) {
			reduced = 89482311;
		}
		this.seed = seed;
		this.reduced = reduced;
	}

	private static long[] powers(int count) {
		long[] powers = new long[count];
		powers[0] = 1;
		for (int n = 1; n < count; n++) {
			powers[n] = (powers[n - 1] * 48271L) % MODULUS;
		}
		return powers;
	}

	/**
	 * Seeding word {@code index} of Go's generator for this seed, cooked.
	 */
	private long word(int index) {
		int step = 21 + 3 * index;
		long u = ((this.reduced * POWERS[step]) % MODULUS) << 40;
		u ^= ((this.reduced * POWERS[step + 1]) % MODULUS) << 20;
		u ^= (this.reduced * POWERS[step + 2]) % MODULUS;
		return u ^ GoRandom.CookedState.VALUES[index];
	}

	/**
	 * Go's {@code Int31()}.
	 */
	@Override
	public int nextInt31() {
		long value;
		if (this.draws < PURE_DRAWS) {
			int k = this.draws++;
			value = word(GoRandom.LENGTH - GoRandom.TAP - 1 - k) + word(GoRandom.LENGTH - 1 - k);
		}
		else {
			if (this.full == null) {
				this.full = new GoRandom(this.seed);
				for (int i = 0; i < this.draws; i++) {
					this.full.nextUint64();
				}
			}
			this.draws++;
			value = this.full.nextUint64();
		}
		return (int) ((value & Long.MAX_VALUE) >>> 32);
	}

}
