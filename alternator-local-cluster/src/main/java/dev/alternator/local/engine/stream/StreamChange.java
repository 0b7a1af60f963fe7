package dev.alternator.local.engine.stream;

import dev.alternator.local.engine.table.PrimaryKey;
import dev.alternator.local.engine.table.StoredItem;

/**
 * One change of one item, as a stream keeps it: the stored items are immutable, so keeping references costs
 * nothing at write time; the record's JSON is built only when a reader asks for it.
 * @param sequence the change's position in its stream, from 1
 * @param epochMillis when the change was made
 * @param key the item's primary key
 * @param old the item before, or {@code null} when it was created
 * @param item the item after, or {@code null} when it was deleted
 * @param byService whether the engine made the change on its own (a TTL expiry), not a client
 */
public record StreamChange(long sequence, long epochMillis, PrimaryKey key, StoredItem old, StoredItem item,
		boolean byService) {

	/**
	 * The DynamoDB event name of the change.
	 * @return {@code INSERT}, {@code MODIFY} or {@code REMOVE}
	 */
	public String eventName() {
		if (this.old == null) {
			return "INSERT";
		}
		return (this.item == null) ? "REMOVE" : "MODIFY";
	}

}
