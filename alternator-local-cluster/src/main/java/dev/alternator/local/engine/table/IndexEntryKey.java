package dev.alternator.local.engine.table;

/**
 * The position of an item in a secondary index: the index key first, then the table key to tell apart items
 * with the same index key.
 * @param indexKey the item's key in the index
 * @param tableKey the item's key in the table
 */
public record IndexEntryKey(PrimaryKey indexKey, PrimaryKey tableKey) implements Comparable<IndexEntryKey> {

	/**
	 * A bound before every entry with the given index key position.
	 * @param indexKey the index key or partition bound
	 * @return the bound
	 */
	public static IndexEntryKey lowest(PrimaryKey indexKey) {
		return new IndexEntryKey(indexKey, null);
	}

	@Override
	public int compareTo(IndexEntryKey other) {
		int result = this.indexKey.compareTo(other.indexKey);
		if (result != 0) {
			return result;
		}
		if (this.tableKey == null || other.tableKey == null) {
			return (this.tableKey == null) ? ((other.tableKey == null) ? 0 : -1) : 1;
		}
		return this.tableKey.compareTo(other.tableKey);
	}

}
