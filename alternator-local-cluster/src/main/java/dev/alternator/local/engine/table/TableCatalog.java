package dev.alternator.local.engine.table;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The tables of one engine, by name, in name order (the order ListTables pages through).
 */
public final class TableCatalog {

	private final ConcurrentSkipListMap<String, Table> tables = new ConcurrentSkipListMap<>();

	private final TableChangeListener listener;

	/**
	 * Creates an empty catalogue whose changes nobody follows.
	 */
	public TableCatalog() {
		this(TableChangeListener.NONE);
	}

	/**
	 * Creates an empty catalogue.
	 * @param listener told of every change to the catalogue and its tables
	 */
	public TableCatalog(TableChangeListener listener) {
		this.listener = Objects.requireNonNull(listener, "listener");
	}

	/**
	 * Adds a table unless one with its name exists.
	 * @param table the new table
	 * @return {@code true} when added, {@code false} when the name is taken
	 */
	public boolean add(Table table) {
		// Under the lock, the listener hears of the table before any write to it can be made.
		synchronized (this) {
			if (this.tables.containsKey(table.definition().name())) {
				return false;
			}
			this.listener.tableCreated(table);
			table.listen(this.listener);
			this.tables.put(table.definition().name(), table);
			return true;
		}
	}

	/**
	 * A table by name.
	 * @param name the table name
	 * @return the table, or {@code null}
	 */
	public Table get(String name) {
		return this.tables.get(name);
	}

	/**
	 * Removes a table.
	 * @param name the table name
	 * @return the removed table, or {@code null} when there was none
	 */
	public Table remove(String name) {
		synchronized (this) {
			Table removed = this.tables.remove(name);
			if (removed != null) {
				this.listener.tableDeleted(removed);
			}
			return removed;
		}
	}

	/**
	 * Runs an action while no table is added or removed: what a snapshot of the catalogue needs to start from a
	 * well-defined point.
	 * @param action the action
	 */
	public synchronized void whileUnchanged(Runnable action) {
		action.run();
	}

	/**
	 * The tables, in name order.
	 * @return a live, read-only view
	 */
	public Collection<Table> tables() {
		return java.util.Collections.unmodifiableCollection(this.tables.values());
	}

	/**
	 * Table names after a given one, in order.
	 * @param exclusiveStart the name to start after, or {@code null} for the first
	 * @param limit the most names to return
	 * @return the names
	 */
	public List<String> names(String exclusiveStart, int limit) {
		List<String> names = new ArrayList<>(Math.min(limit, 128));
		for (String name : ((exclusiveStart != null) ? this.tables.tailMap(exclusiveStart, false)
				: this.tables).keySet()) {
			if (names.size() >= limit) {
				break;
			}
			names.add(name);
		}
		return names;
	}

	/**
	 * Whether any table follows the given name.
	 * @param name a table name
	 * @return {@code true} when a later name exists
	 */
	public boolean hasAfter(String name) {
		return this.tables.higherKey(name) != null;
	}

}
