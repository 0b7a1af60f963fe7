package dev.alternator.local.engine.value;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A map (M) value: named attributes in the order they were given. Changes make new values
 * ({@link #with}, {@link #without}), each copying the entries once.
 */
public final class MapValue implements AttributeValue {

	private static final MapValue EMPTY = new MapValue(new LinkedHashMap<>(), true);

	private final Map<String, AttributeValue> entries;

	/**
	 * Creates the value from a copy of the entries.
	 * @param entries the entries, none {@code null}
	 */
	public MapValue(Map<String, AttributeValue> entries) {
		this(new LinkedHashMap<>(entries), true);
		for (Map.Entry<String, AttributeValue> entry : this.entries.entrySet()) {
			Objects.requireNonNull(entry.getKey(), "name");
			Objects.requireNonNull(entry.getValue(), "value");
		}
	}

	// Takes a map nobody else holds, so it needs no second copy.
	private MapValue(LinkedHashMap<String, AttributeValue> owned, boolean owner) {
		this.entries = Collections.unmodifiableMap(owned);
	}

	static MapValue owning(LinkedHashMap<String, AttributeValue> entries) {
		return new MapValue(entries, true);
	}

	/**
	 * The empty map.
	 * @return the value
	 */
	public static MapValue empty() {
		return EMPTY;
	}

	/**
	 * The entries, unmodifiable.
	 * @return the entries in their order
	 */
	public Map<String, AttributeValue> value() {
		return this.entries;
	}

	/**
	 * The entry of a name.
	 * @param name the name
	 * @return the value, or {@code null} when absent
	 */
	public AttributeValue get(String name) {
		return this.entries.get(name);
	}

	/**
	 * This map with an entry set (replaced in place, or added at the end).
	 * @param name the name
	 * @param value the value
	 * @return the new map
	 */
	public MapValue with(String name, AttributeValue value) {
		LinkedHashMap<String, AttributeValue> copy = new LinkedHashMap<>(this.entries);
		copy.put(name, value);
		return new MapValue(copy, true);
	}

	/**
	 * This map without an entry.
	 * @param name the name
	 * @return the new map, or this one when it has no such entry
	 */
	public MapValue without(String name) {
		if (!this.entries.containsKey(name)) {
			return this;
		}
		LinkedHashMap<String, AttributeValue> copy = new LinkedHashMap<>(this.entries);
		copy.remove(name);
		return new MapValue(copy, true);
	}

	@Override
	public AttributeType type() {
		return AttributeType.M;
	}

	@Override
	public int size() {
		// DynamoDB counts 3 bytes per document plus 1 per element besides names and values.
		int size = 3;
		for (Map.Entry<String, AttributeValue> entry : this.entries.entrySet()) {
			size += 1 + Utf8.length(entry.getKey()) + entry.getValue().size();
		}
		return size;
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof MapValue map && this.entries.equals(map.entries));
	}

	@Override
	public int hashCode() {
		return this.entries.hashCode();
	}

	@Override
	public String toString() {
		return "{M:" + this.entries + "}";
	}

}
