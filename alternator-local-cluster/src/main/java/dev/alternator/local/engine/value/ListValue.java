package dev.alternator.local.engine.value;

import java.util.List;

/**
 * A list (L) value.
 * @param value the elements, unmodifiable
 */
public record ListValue(List<AttributeValue> value) implements AttributeValue {

	/**
	 * Creates the value from a copy of the elements.
	 * @param value the elements, none {@code null}
	 */
	public ListValue {
		value = List.copyOf(value);
	}

	/**
	 * The element at an index.
	 * @param index the index
	 * @return the element, or {@code null} when the index is past the end
	 */
	public AttributeValue get(int index) {
		return (index < this.value.size()) ? this.value.get(index) : null;
	}

	@Override
	public AttributeType type() {
		return AttributeType.L;
	}

	@Override
	public int size() {
		int size = 3;
		for (AttributeValue element : this.value) {
			size += 1 + element.size();
		}
		return size;
	}

	@Override
	public String toString() {
		return "{L:" + this.value + "}";
	}

}
