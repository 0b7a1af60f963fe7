package dev.alternator.local.engine.table;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One table's items and indexes, in memory.
 * <p>
 * Items live in one skip list ordered by {@link PrimaryKey}; each value is an immutable {@link StoredItem}, so
 * a reader without a lock sees either the old or the new item, never half of one. Writers serialise per item
 * through a fixed set of lock stripes (a read-modify-write such as a conditional update holds the stripe of
 * its key from the read to the write), which keeps the per-item overhead at zero.
 */
public final class Table {

	private static final int LOCK_STRIPES = 1024;

	private final ConcurrentSkipListMap<PrimaryKey, StoredItem> items = new ConcurrentSkipListMap<>();

	private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];

	private final AtomicLong itemCount = new AtomicLong();

	private final AtomicLong sizeBytes = new AtomicLong();

	private final KeyExtractor keys;

	private volatile TableDefinition definition;

	private volatile Map<String, SecondaryIndex> indexes;

	private volatile WriteListener streamListener;

	private volatile TableChangeListener listener = TableChangeListener.NONE;

	/**
	 * Creates an empty table.
	 * @param definition what the table was created with
	 * @param keys reads index keys out of stored items
	 */
	public Table(TableDefinition definition, KeyExtractor keys) {
		this.definition = Objects.requireNonNull(definition, "definition");
		this.keys = Objects.requireNonNull(keys, "keys");
		for (int i = 0; i < LOCK_STRIPES; i++) {
			this.locks[i] = new ReentrantLock();
		}
		Map<String, SecondaryIndex> created = new LinkedHashMap<>();
		definition.indexes().forEach((name, index) -> created.put(name, new SecondaryIndex(index)));
		this.indexes = Map.copyOf(created);
	}

	/**
	 * The table's current definition.
	 * @return the definition
	 */
	public TableDefinition definition() {
		return this.definition;
	}

	/**
	 * The item with the given key.
	 * @param key the primary key
	 * @return the item, or {@code null} when there is none
	 */
	public StoredItem get(PrimaryKey key) {
		return this.items.get(key);
	}

	/**
	 * The lock a writer of the given item must hold around its read-modify-write.
	 * @param key the item's primary key
	 * @return the lock (shared with other keys of the same stripe)
	 */
	public ReentrantLock lockFor(PrimaryKey key) {
		return this.locks[(key.hashCode() & 0x7fffffff) % LOCK_STRIPES];
	}

	/**
	 * Writes or deletes an item and maintains the indexes. The caller holds {@link #lockFor(PrimaryKey)}.
	 * @param key the item's primary key
	 * @param item the new item, or {@code null} to delete it
	 * @return the previous item, or {@code null}
	 */
	public StoredItem write(PrimaryKey key, StoredItem item) {
		StoredItem old = (item != null) ? this.items.put(key, item) : this.items.remove(key);
		if (old == null && item == null) {
			return null;
		}
		long countChange = ((item != null) ? 1 : 0) - ((old != null) ? 1 : 0);
		if (countChange != 0) {
			this.itemCount.addAndGet(countChange);
		}
		this.sizeBytes.addAndGet(((item != null) ? item.size() : 0) - ((old != null) ? old.size() : 0));
		for (SecondaryIndex index : this.indexes.values()) {
			index.update(key, old, item, this.keys);
		}
		// The persistence log first: a write is durable before its stream record can be read.
		this.listener.itemWritten(this, key, item);
		WriteListener streams = this.streamListener;
		if (streams != null) {
			streams.written(key, old, item);
		}
		return old;
	}

	/**
	 * The listener that captures this table's changes for its stream.
	 * @return the listener, or {@code null} when the table has no stream
	 */
	public WriteListener streamListener() {
		return this.streamListener;
	}

	/**
	 * Sets or removes the listener that captures this table's changes for its stream.
	 * @param listener the listener, or {@code null} to stop capturing
	 */
	public void streamListener(WriteListener listener) {
		this.streamListener = listener;
	}

	/**
	 * All items in storage order.
	 * @return a live view of the items
	 */
	public ConcurrentNavigableMap<PrimaryKey, StoredItem> items() {
		return this.items;
	}

	/**
	 * A secondary index by name.
	 * @param name the index name
	 * @return the index, or {@code null} when the table has no such index
	 */
	public SecondaryIndex index(String name) {
		return this.indexes.get(name);
	}

	/**
	 * The number of items.
	 * @return the item count
	 */
	public long itemCount() {
		return this.itemCount.get();
	}

	/**
	 * The total size of the items.
	 * @return the size in bytes
	 */
	public long sizeBytes() {
		return this.sizeBytes.get();
	}

	/**
	 * Adds a global secondary index and fills it with the existing items. Writes that run meanwhile already
	 * maintain the new index; each existing item is indexed under its lock, so none is missed or left stale.
	 * @param index the new index
	 * @param newDefinition the table definition that includes it
	 */
	public void addIndex(IndexDefinition index, TableDefinition newDefinition) {
		SecondaryIndex created = new SecondaryIndex(index);
		synchronized (this) {
			Map<String, SecondaryIndex> updated = new LinkedHashMap<>(this.indexes);
			updated.put(index.name(), created);
			this.indexes = Map.copyOf(updated);
			this.definition = newDefinition;
			this.listener.definitionChanged(this);
		}
		for (PrimaryKey key : this.items.keySet()) {
			ReentrantLock lock = lockFor(key);
			lock.lock();
			try {
				StoredItem item = this.items.get(key);
				if (item != null) {
					created.update(key, null, item, this.keys);
				}
			}
			finally {
				lock.unlock();
			}
		}
	}

	/**
	 * Removes a secondary index.
	 * @param name the index name
	 * @param newDefinition the table definition without it
	 */
	public synchronized void removeIndex(String name, TableDefinition newDefinition) {
		Map<String, SecondaryIndex> updated = new LinkedHashMap<>(this.indexes);
		updated.remove(name);
		this.indexes = Map.copyOf(updated);
		this.definition = newDefinition;
		this.listener.definitionChanged(this);
	}

	/**
	 * Replaces the definition when only settings change.
	 * @param newDefinition the new definition, with the same key and indexes
	 */
	public synchronized void redefine(TableDefinition newDefinition) {
		this.definition = newDefinition;
		this.listener.definitionChanged(this);
	}

	/**
	 * Sets who is told of this table's changes; the catalogue does it when the table is added.
	 * @param listener the listener
	 */
	void listen(TableChangeListener listener) {
		this.listener = Objects.requireNonNull(listener, "listener");
	}

}
