package dev.alternator.local.engine.value;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A list (L) value. Changes make new values ({@link #with}, {@link #without}, {@link #append}), each copying
 * the elements once.
 */
public final class ListValue implements AttributeValue {

	private final List<AttributeValue> elements;

	/**
	 * Creates the value from a copy of the elements.
	 * @param elements the elements, none {@code null}
	 */
	public ListValue(Collection<AttributeValue> elements) {
		this(new ArrayList<>(elements), true);
		for (AttributeValue element : this.elements) {
			Objects.requireNonNull(element, "element");
		}
	}

	// Takes a list nobody else holds, so it needs no second copy.
	private ListValue(ArrayList<AttributeValue> owned, boolean owner) {
		this.elements = Collections.unmodifiableList(owned);
	}

	static ListValue owning(ArrayList<AttributeValue> elements) {
		return new ListValue(elements, true);
	}

	/**
	 * The elements, unmodifiable.
	 * @return the elements
	 */
	public List<AttributeValue> value() {
		return this.elements;
	}

	/**
	 * The element at an index.
	 * @param index the index
	 * @return the element, or {@code null} when the index is past the end
	 */
	public AttributeValue get(int index) {
		return (index < this.elements.size()) ? this.elements.get(index) : null;
	}

	/**
	 * This list with the element at an index replaced, or appended when the index is past the end (as SET of a
	 * list element does).
	 * @param index the index
	 * @param value the element
	 * @return the new list
	 */
	public ListValue with(int index, AttributeValue value) {
		ArrayList<AttributeValue> copy = new ArrayList<>(this.elements.size() + 1);
		copy.addAll(this.elements);
		if (index < copy.size()) {
			copy.set(index, value);
		}
		else {
			copy.add(value);
		}
		return new ListValue(copy, true);
	}

	/**
	 * This list without the element at an index; later elements shift down.
	 * @param index the index
	 * @return the new list, or this one when the index is past the end
	 */
	public ListValue without(int index) {
		if (index >= this.elements.size()) {
			return this;
		}
		ArrayList<AttributeValue> copy = new ArrayList<>(this.elements);
		copy.remove(index);
		return new ListValue(copy, true);
	}

	/**
	 * This list followed by another's elements.
	 * @param other the other list
	 * @return the new list
	 */
	public ListValue append(ListValue other) {
		ArrayList<AttributeValue> copy = new ArrayList<>(this.elements.size() + other.elements.size());
		copy.addAll(this.elements);
		copy.addAll(other.elements);
		return new ListValue(copy, true);
	}

	@Override
	public AttributeType type() {
		return AttributeType.L;
	}

	@Override
	public int size() {
		int size = 3;
		for (AttributeValue element : this.elements) {
			size += 1 + element.size();
		}
		return size;
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof ListValue list && this.elements.equals(list.elements));
	}

	@Override
	public int hashCode() {
		return this.elements.hashCode();
	}

	@Override
	public String toString() {
		return "{L:" + this.elements + "}";
	}

}
