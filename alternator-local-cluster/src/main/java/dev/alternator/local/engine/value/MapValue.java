package dev.alternator.local.engine.value;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map (M) value: named attributes in the order they were given.
 * @param value the entries, unmodifiable
 */
public record MapValue(Map<String, AttributeValue> value) implements AttributeValue {

	/**
	 * Creates the value from a copy of the entries.
	 * @param value the entries
	 */
	public MapValue {
		value = Collections.unmodifiableMap(new LinkedHashMap<>(value));
	}

	/**
	 * The entry of a name.
	 * @param name the name
	 * @return the value, or {@code null} when absent
	 */
	public AttributeValue get(String name) {
		return this.value.get(name);
	}

	@Override
	public AttributeType type() {
		return AttributeType.M;
	}

	@Override
	public int size() {
		// DynamoDB counts 3 bytes per document plus 1 per element besides names and values.
		int size = 3;
		for (Map.Entry<String, AttributeValue> entry : this.value.entrySet()) {
			size += 1 + Utf8.length(entry.getKey()) + entry.getValue().size();
		}
		return size;
	}

	@Override
	public String toString() {
		return "{M:" + this.value + "}";
	}

}
