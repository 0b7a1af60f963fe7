package dev.alternator.local.engine.table;

/**
 * Told of every change to a {@link TableCatalog} and its tables, after the change is made and while the lock
 * that orders it is still held: so a listener sees the changes of one item, and of one table's definition, in
 * the order they were applied. It is how durable storage (a write-ahead log) follows the engine without the
 * operations knowing about it. A listener that throws fails the request that made the change (the change stays
 * in memory).
 */
public interface TableChangeListener {

	/**
	 * A listener that ignores every change: the engine is in memory only.
	 */
	TableChangeListener NONE = new TableChangeListener() {
	};

	/**
	 * A table is about to become visible. Called under the catalogue's lock, before any write can reach it.
	 * @param table the new table
	 */
	default void tableCreated(Table table) {
	}

	/**
	 * A table was removed from the catalogue. Writes still running on it may follow this call.
	 * @param table the removed table
	 */
	default void tableDeleted(Table table) {
	}

	/**
	 * A table's definition changed (an index added or removed, settings or tags changed).
	 * @param table the table, whose {@link Table#definition()} is the new one
	 */
	default void definitionChanged(Table table) {
	}

	/**
	 * An item was written or deleted. Called under the item's lock.
	 * @param table the table
	 * @param key the item's primary key
	 * @param item the new item, or {@code null} when it was deleted
	 */
	default void itemWritten(Table table, PrimaryKey key, StoredItem item) {
	}

}
