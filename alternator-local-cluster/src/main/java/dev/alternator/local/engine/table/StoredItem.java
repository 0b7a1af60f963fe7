package dev.alternator.local.engine.table;

/**
 * An item as storage keeps it: its DynamoDB JSON form in UTF-8 (an object of attribute names to typed values),
 * written once and never changed, so that reads share it without copying and without locks; and its size as
 * DynamoDB counts it.
 * @param json the item's JSON bytes (never modified after construction)
 * @param size the item's size in bytes
 */
public record StoredItem(byte[] json, int size) {

}
