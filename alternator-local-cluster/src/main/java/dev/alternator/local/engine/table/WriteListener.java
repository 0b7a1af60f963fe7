package dev.alternator.local.engine.table;

/**
 * Told of every change to a table's items, inside the writer's item lock, so that changes to one item arrive
 * in the order they were made. A table without a listener pays one null check per write.
 */
@FunctionalInterface
public interface WriteListener {

	/**
	 * One item changed.
	 * @param key the item's primary key
	 * @param old the item before, or {@code null} when it was created
	 * @param item the item after, or {@code null} when it was deleted
	 */
	void written(PrimaryKey key, StoredItem old, StoredItem item);

}
