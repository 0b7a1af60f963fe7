package dev.alternator.local.engine.table;

import java.util.Objects;

/**
 * The key of a table or index: a partition (hash) attribute and an optional sort (range) attribute.
 * @param hash the partition key attribute
 * @param range the sort key attribute, or {@code null} when there is none
 */
public record KeySchema(KeyAttribute hash, KeyAttribute range) {

	/**
	 * Checks that the partition key is present.
	 * @param hash the partition key attribute
	 * @param range the sort key attribute, or {@code null}
	 */
	public KeySchema {
		Objects.requireNonNull(hash, "hash");
	}

	/**
	 * Whether an attribute name is one of this key's attributes.
	 * @param name the attribute name
	 * @return {@code true} for the partition or sort key name
	 */
	public boolean contains(String name) {
		return this.hash.name().equals(name) || (this.range != null && this.range.name().equals(name));
	}

	/**
	 * The number of key attributes, 1 or 2.
	 * @return the count
	 */
	public int size() {
		return (this.range != null) ? 2 : 1;
	}

}
