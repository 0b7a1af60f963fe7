package dev.alternator.client.internal.affinity;

/**
 * A source of Go {@code math/rand} {@code Int31()} values, with Go's {@code Intn(n)} on top: the one place that
 * holds Intn's rejection rule, shared by the full generator and the prefix-only one.
 */
public interface GoInt31Source {

	/**
	 * Go's {@code Int31()}: the next value in {@code [0, 2^31)}.
	 * @return the value
	 */
	int nextInt31();

	/**
	 * Go's {@code Intn(n)} for {@code 0 < n <= 2^31 - 1}, with its exact rejection rule.
	 * @param bound the exclusive upper bound, positive
	 * @return a value in {@code [0, bound)}
	 */
	default int nextInt(int bound) {
		if (bound <= 0) {
			throw new IllegalArgumentException("bound must be positive, was " + bound);
		}
		if ((bound & (bound - 1)) == 0) {
			return nextInt31() & (bound - 1);
		}
		int limit = (int) ((1L << 31) - 1 - ((1L << 31) % bound));
		int value = nextInt31();
		while (value > limit) {
			value = nextInt31();
		}
		return value % bound;
	}

}
