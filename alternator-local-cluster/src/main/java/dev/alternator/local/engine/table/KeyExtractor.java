package dev.alternator.local.engine.table;

/**
 * Reads a key out of a stored item, so that storage can maintain indexes without knowing the value model.
 */
@FunctionalInterface
public interface KeyExtractor {

	/**
	 * The item's key for the given key schema.
	 * @param item the stored item
	 * @param key the key schema (of the table or of an index)
	 * @return the key, or {@code null} when the item lacks a key attribute or has it with another type (such an
	 * item is not in the index)
	 */
	PrimaryKey keyOf(StoredItem item, KeySchema key);

}
