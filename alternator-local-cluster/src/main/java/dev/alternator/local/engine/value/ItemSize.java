package dev.alternator.local.engine.value;

import java.util.Map;

/**
 * The size of an item as DynamoDB counts it toward its 400 KB limit: for each attribute the UTF-8 length of
 * its name plus the {@link AttributeValue#size() size} of its value.
 */
public final class ItemSize {

	/** DynamoDB's limit on the size of an item: 400 KB. */
	public static final int MAX_ITEM_SIZE = 400 * 1024;

	private ItemSize() {
	}

	/**
	 * The size of an item.
	 * @param item the item
	 * @return its size in bytes
	 */
	public static int of(Map<String, AttributeValue> item) {
		int size = 0;
		for (Map.Entry<String, AttributeValue> entry : item.entrySet()) {
			size += Utf8.length(entry.getKey()) + entry.getValue().size();
		}
		return size;
	}

	/**
	 * The UTF-8 length of a string, e.g. of an attribute name.
	 * @param s the string
	 * @return the number of bytes
	 */
	public static int utf8Length(String s) {
		return Utf8.length(s);
	}

}
