package dev.alternator.local.engine.table;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The tables of one engine, by name, in name order (the order ListTables pages through).
 */
public final class TableCatalog {

	private final ConcurrentSkipListMap<String, Table> tables = new ConcurrentSkipListMap<>();

	/**
	 * Adds a table unless one with its name exists.
	 * @param table the new table
	 * @return {@code true} when added, {@code false} when the name is taken
	 */
	public boolean add(Table table) {
		return this.tables.putIfAbsent(table.definition().name(), table) == null;
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
		return this.tables.remove(name);
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
