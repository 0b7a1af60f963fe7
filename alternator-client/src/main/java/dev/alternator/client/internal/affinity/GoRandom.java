package dev.alternator.client.internal.affinity;

/**
 * The pseudo-random source of Go's {@code math/rand} ({@code rand.NewSource(seed)}), reproduced bit for bit: ScyllaDB's
 * Go and Java Alternator libraries choose the node of a key-route-affine request with it, and so must we for all
 * clients of a cluster to agree. An additive lagged Fibonacci generator over 607 words with a tap of 273, seeded by a
 * Park–Miller sequence mixed with a fixed "cooked" state. Not thread-safe: one instance per node choice.
 */
public final class GoRandom implements GoInt31Source {

	public static final int LENGTH = 607;

	public static final int TAP = 273;

	private static final int SEED_MODULUS = Integer.MAX_VALUE;

	private final long[] state = new long[LENGTH];

	private int tap;

	private int feed;

	public GoRandom(long seed) {
		this.tap = 0;
		this.feed = LENGTH - TAP;
		long reduced = seed % SEED_MODULUS;
		if (reduced < 0) {
			reduced += SEED_MODULUS;
		}
		if (reduced == 0) {
			reduced = 89482311;
		}
		fillFromSeed(this.state, (int) reduced, 40, 20);
		long[] cooked = CookedState.VALUES;
		for (int i = 0; i < LENGTH; i++) {
			this.state[i] ^= cooked[i];
		}
	}

	/**
	 * Go's seeding: after 20 discarded steps of {@link #seedStep}, each word mixes three more steps, the first two
	 * shifted left. The generator uses shifts of 40 and 20; the program that built Go's cooked state used 20 and 10.
	 */
	public static void fillFromSeed(long[] state, int seed, int firstShift, int secondShift) {
		int x = seed;
		for (int i = -20; i < LENGTH; i++) {
			x = seedStep(x);
			if (i >= 0) {
				long u = ((long) x) << firstShift;
				x = seedStep(x);
				u ^= ((long) x) << secondShift;
				x = seedStep(x);
				u ^= x;
				state[i] = u;
			}
		}
	}

	/**
	 * Derives Go's cooked state now (a few tens of milliseconds) rather than on first use.
	 */
	public static void prepare() {
		if (CookedState.VALUES.length != LENGTH) {
			throw new IllegalStateException("Go's cooked state has " + LENGTH + " words");
		}
	}

	/**
	 * One step of the Park–Miller "minimal standard" generator, x * 48271 mod (2^31 - 1), without overflow (Schrage).
	 */
	public static int seedStep(int x) {
		int hi = x / 44488;
		int lo = x % 44488;
		int next = 48271 * lo - 3399 * hi;
		return (next < 0) ? next + SEED_MODULUS : next;
	}

	/**
	 * Go's {@code Uint64()}: the next raw 64-bit value.
	 */
	public long nextUint64() {
		this.tap = (this.tap == 0) ? LENGTH - 1 : this.tap - 1;
		this.feed = (this.feed == 0) ? LENGTH - 1 : this.feed - 1;
		long value = this.state[this.feed] + this.state[this.tap];
		this.state[this.feed] = value;
		return value;
	}

	/**
	 * Go's {@code Int63()}.
	 */
	public long nextInt63() {
		return nextUint64() & Long.MAX_VALUE;
	}

	/**
	 * Go's {@code Int31()}: the high 31 bits of {@link #nextInt63()}.
	 */
	@Override
	public int nextInt31() {
		return (int) (nextInt63() >>> 32);
	}

	/**
	 * Go's {@code rngCooked}: the state of the same generator, seeded with 1 by Go's original (smaller) mixing, after
	 * 7.8e12 steps. Rather than carry Go's table of 607 constants, we compute it once: the generator is linear,
	 * {@code v[i] = v[i-273] + v[i-607]} modulo 2^64, so the value n steps ahead is a fixed combination of the first
	 * 607 values, read off {@code x^n mod (x^607 - x^334 - 1)}. That takes about 45 polynomial squarings
	 * (a few tens of milliseconds) instead of 7.8e12 steps.
	 */
	public static final class CookedState {

		public static final long STEPS = 7_800_000_000_000L;

		public static final long[] VALUES = compute(STEPS);

		private CookedState() {
		}

		/**
		 * The raw state after {@code steps} steps from Go's original seeding with 1, index for index.
		 */
		public static long[] compute(long steps) {
			long[] initial = originalSeeding();
			// Step k (from 1) writes position (334 - k) mod 607, from the values written 607 and 273 steps before.
			// Numbering every write, initial values included, as one sequence v[0], v[1], ...: v[i] is found at
			// position (333 - i) mod 607 for i < 607, and v[m] = v[m-273] + v[m-607] beyond.
			long[] sequence = new long[LENGTH];
			for (int i = 0; i < LENGTH; i++) {
				sequence[i] = initial[Math.floorMod(333 - i, LENGTH)];
			}
			long[] result = new long[LENGTH];
			long[] power = powerOfX(steps);
			// After `steps` steps, position p holds the last write to it: step k with k ≡ 334 - p (mod 607) and
			// steps - 606 <= k <= steps, which is v[k + 606]. Walk m = steps .. steps + 606, multiplying by x.
			for (int j = 0; j < LENGTH; j++) {
				long m = steps + j;
				long k = m - 606;
				int position = (int) Math.floorMod(334 - k, (long) LENGTH);
				result[position] = dot(power, sequence);
				power = timesX(power);
			}
			return result;
		}

		/**
		 * Go's generator-building seeding: shifts of 20 and 10 bits, no cooked values.
		 */
		private static long[] originalSeeding() {
			long[] values = new long[LENGTH];
			fillFromSeed(values, 1, 20, 10);
			return values;
		}

		private static long dot(long[] coefficients, long[] values) {
			long sum = 0;
			for (int i = 0; i < LENGTH; i++) {
				sum += coefficients[i] * values[i];
			}
			return sum;
		}

		/**
		 * {@code x^exponent} modulo the characteristic polynomial, by squaring.
		 */
		private static long[] powerOfX(long exponent) {
			long[] result = new long[LENGTH];
			result[0] = 1;
			for (int bit = 63 - Long.numberOfLeadingZeros(exponent); bit >= 0; bit--) {
				result = multiply(result, result);
				if (((exponent >>> bit) & 1) != 0) {
					result = timesX(result);
				}
			}
			return result;
		}

		private static long[] timesX(long[] polynomial) {
			long[] product = new long[LENGTH + 1];
			System.arraycopy(polynomial, 0, product, 1, LENGTH);
			return reduce(product);
		}

		private static long[] multiply(long[] left, long[] right) {
			long[] product = new long[2 * LENGTH - 1];
			for (int i = 0; i < LENGTH; i++) {
				long factor = left[i];
				if (factor != 0) {
					for (int j = 0; j < LENGTH; j++) {
						product[i + j] += factor * right[j];
					}
				}
			}
			return reduce(product);
		}

		/**
		 * Reduces with {@code x^607 = x^334 + 1}, from the highest degree down.
		 */
		private static long[] reduce(long[] polynomial) {
			for (int degree = polynomial.length - 1; degree >= LENGTH; degree--) {
				long coefficient = polynomial[degree];
				if (coefficient != 0) {
					polynomial[degree - TAP] += coefficient;
					polynomial[degree - LENGTH] += coefficient;
					polynomial[degree] = 0;
				}
			}
			long[] reduced = new long[LENGTH];
			System.arraycopy(polynomial, 0, reduced, 0, LENGTH);
			return reduced;
		}

	}

}
