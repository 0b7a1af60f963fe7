package dev.alternator.local.engine.table;

import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The entries of one secondary index: every item that has the index's key attributes with the right types,
 * ordered by index key. Entries share the table's stored items (no copies); the projection is applied when
 * the index is read.
 */
public final class SecondaryIndex {

	private final IndexDefinition definition;

	private final ConcurrentSkipListMap<IndexEntryKey, StoredItem> entries = new ConcurrentSkipListMap<>();

	SecondaryIndex(IndexDefinition definition) {
		this.definition = definition;
	}

	/**
	 * What the index was created with.
	 * @return the definition
	 */
	public IndexDefinition definition() {
		return this.definition;
	}

	/**
	 * The entries, in index order.
	 * @return a live view of the entries
	 */
	public ConcurrentNavigableMap<IndexEntryKey, StoredItem> entries() {
		return this.entries;
	}

	void update(PrimaryKey tableKey, StoredItem oldItem, StoredItem newItem, KeyExtractor keys) {
		if (oldItem != null) {
			PrimaryKey oldKey = keys.keyOf(oldItem, this.definition.key());
			if (oldKey != null) {
				this.entries.remove(new IndexEntryKey(oldKey, tableKey));
			}
		}
		if (newItem != null) {
			PrimaryKey newKey = keys.keyOf(newItem, this.definition.key());
			if (newKey != null) {
				this.entries.put(new IndexEntryKey(newKey, tableKey), newItem);
			}
		}
	}

}
