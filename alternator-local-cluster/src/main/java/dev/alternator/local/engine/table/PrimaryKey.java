package dev.alternator.local.engine.table;

import java.util.Objects;

/**
 * An item's primary key, ordered as storage keeps items: by a token spread from the partition key (so that a
 * Scan meets partitions in no meaningful order, as in Alternator, and parallel Scan segments are token
 * ranges), then by partition key, then by sort key. Bounds before or after every sort key of a partition let
 * a Query seek to a partition's first or last item.
 */
public final class PrimaryKey implements Comparable<PrimaryKey> {

	private static final int BEFORE = -1;

	private static final int EXACT = 0;

	private static final int AFTER = 1;

	private final int token;

	private final KeyPart hash;

	private final KeyPart range;

	private final int bound;

	private PrimaryKey(KeyPart hash, KeyPart range, int bound) {
		this.hash = Objects.requireNonNull(hash, "hash");
		this.range = range;
		this.bound = bound;
		this.token = token(hash);
	}

	private PrimaryKey(int token) {
		this.hash = null;
		this.range = null;
		this.bound = BEFORE;
		this.token = token;
	}

	/**
	 * A bound before every key with the given token or a later one: where a parallel Scan segment starts.
	 * @param token the token
	 * @return the bound
	 */
	public static PrimaryKey tokenStart(int token) {
		return new PrimaryKey(token);
	}

	/**
	 * A bound just before (or just after) every key of a partition with the given sort key: with these a Query
	 * expresses its sort key condition as one range of keys.
	 * @param hash the partition key value
	 * @param range the sort key value
	 * @param after {@code true} for the bound after, {@code false} for the bound before
	 * @return the bound
	 */
	public static PrimaryKey rangeBound(KeyPart hash, KeyPart range, boolean after) {
		return new PrimaryKey(hash, Objects.requireNonNull(range, "range"), after ? AFTER : BEFORE);
	}

	/**
	 * The key of an item.
	 * @param hash the partition key value
	 * @param range the sort key value, or {@code null} when the table has no sort key
	 * @return the key
	 */
	public static PrimaryKey of(KeyPart hash, KeyPart range) {
		return new PrimaryKey(hash, range, EXACT);
	}

	/**
	 * A bound before every item of a partition.
	 * @param hash the partition key value
	 * @return the bound
	 */
	public static PrimaryKey partitionStart(KeyPart hash) {
		return new PrimaryKey(hash, null, BEFORE);
	}

	/**
	 * A bound after every item of a partition.
	 * @param hash the partition key value
	 * @return the bound
	 */
	public static PrimaryKey partitionEnd(KeyPart hash) {
		return new PrimaryKey(hash, null, AFTER);
	}

	/**
	 * The token of a partition key: the partition key's hash, spread by the MurmurHash3 finaliser.
	 * @param hash the partition key value
	 * @return the token
	 */
	public static int token(KeyPart hash) {
		int h = hash.hashCode();
		h ^= h >>> 16;
		h *= 0x85ebca6b;
		h ^= h >>> 13;
		h *= 0xc2b2ae35;
		h ^= h >>> 16;
		return h;
	}

	/**
	 * The partition key value ({@code null} only for a {@link #tokenStart(int) token bound}).
	 * @return the partition key
	 */
	public KeyPart hash() {
		return this.hash;
	}

	/**
	 * The sort key value.
	 * @return the sort key, or {@code null}
	 */
	public KeyPart range() {
		return this.range;
	}

	/**
	 * This key's token.
	 * @return the token
	 */
	public int token() {
		return this.token;
	}

	@Override
	public int compareTo(PrimaryKey other) {
		int result = Integer.compare(this.token, other.token);
		if (result != 0) {
			return result;
		}
		if (this.hash == null || other.hash == null) {
			// A token bound comes before every key with its token.
			return (this.hash == null) ? ((other.hash == null) ? 0 : -1) : 1;
		}
		result = this.hash.compareTo(other.hash);
		if (result != 0) {
			return result;
		}
		if (this.range != null && other.range != null) {
			result = this.range.compareTo(other.range);
			return (result != 0) ? result : Integer.compare(this.bound, other.bound);
		}
		if (this.range == null && other.range == null) {
			return Integer.compare(this.bound, other.bound);
		}
		// A partition bound (no sort key) against a key or bound that has one.
		if (this.range == null) {
			return (this.bound == AFTER) ? 1 : -1;
		}
		return (other.bound == AFTER) ? -1 : 1;
	}

	@Override
	public boolean equals(Object other) {
		return (this == other) || (other instanceof PrimaryKey key && compareTo(key) == 0);
	}

	@Override
	public int hashCode() {
		return 31 * ((this.hash != null) ? this.hash.hashCode() : this.token)
				+ ((this.range != null) ? this.range.hashCode() : 0);
	}

	@Override
	public String toString() {
		return "PrimaryKey[token " + this.token + "]";
	}

}
