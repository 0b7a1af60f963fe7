package dev.alternator.local.engine.expression;

import java.util.Arrays;
import java.util.Map;

import dev.alternator.local.engine.value.AttributeValue;
import dev.alternator.local.engine.value.ListValue;
import dev.alternator.local.engine.value.MapValue;

/**
 * A document path such as {@code a.b[3].c}, with every {@code #name} already resolved: a top-level attribute
 * name followed by map keys and list indexes.
 */
public final class DocumentPath {

	// A String is a map key (or the top-level name), an Integer a list index.
	private final Object[] elements;

	DocumentPath(Object[] elements) {
		this.elements = elements;
	}

	/**
	 * The path of a top-level attribute.
	 * @param name the attribute name
	 * @return the path
	 */
	public static DocumentPath of(String name) {
		return new DocumentPath(new Object[] { name });
	}

	/**
	 * The top-level attribute the path starts with.
	 * @return the name
	 */
	public String attributeName() {
		return (String) this.elements[0];
	}

	/**
	 * Whether the path is just a top-level attribute.
	 * @return {@code true} when there is no map key or list index after the name
	 */
	public boolean isTopLevel() {
		return this.elements.length == 1;
	}

	/**
	 * The number of elements, the top-level name included.
	 * @return the length
	 */
	public int length() {
		return this.elements.length;
	}

	/**
	 * Whether the element at a position is a list index.
	 * @param position the position, 0 for the top-level name
	 * @return {@code true} for an index, {@code false} for a name
	 */
	public boolean isIndex(int position) {
		return this.elements[position] instanceof Integer;
	}

	/**
	 * The name at a position.
	 * @param position the position
	 * @return the name
	 * @throws ClassCastException when the element is an index
	 */
	public String name(int position) {
		return (String) this.elements[position];
	}

	/**
	 * The list index at a position.
	 * @param position the position
	 * @return the index
	 * @throws ClassCastException when the element is a name
	 */
	public int index(int position) {
		return (Integer) this.elements[position];
	}

	Object element(int position) {
		return this.elements[position];
	}

	/**
	 * The value at this path in an item.
	 * @param item the item
	 * @return the value, or {@code null} when the item has nothing there (including when an element on the
	 * way has another type than the path needs)
	 */
	public AttributeValue get(Map<String, AttributeValue> item) {
		AttributeValue value = item.get(this.elements[0]);
		for (int i = 1; i < this.elements.length && value != null; i++) {
			value = child(value, this.elements[i]);
		}
		return value;
	}

	static AttributeValue child(AttributeValue container, Object element) {
		if (element instanceof String key) {
			return (container instanceof MapValue map) ? map.get(key) : null;
		}
		return (container instanceof ListValue list) ? list.get((Integer) element) : null;
	}

	/**
	 * Whether one path is the other or a prefix of it.
	 */
	boolean overlaps(DocumentPath other) {
		int n = Math.min(this.elements.length, other.elements.length);
		for (int i = 0; i < n; i++) {
			if (!this.elements[i].equals(other.elements[i])) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether the paths agree up to a position where one has a name and the other an index.
	 */
	boolean conflicts(DocumentPath other) {
		int n = Math.min(this.elements.length, other.elements.length);
		for (int i = 0; i < n; i++) {
			Object a = this.elements[i];
			Object b = other.elements[i];
			if (!a.equals(b)) {
				return (a instanceof Integer) != (b instanceof Integer);
			}
		}
		return false;
	}

	/**
	 * The path as DynamoDB shows it in error messages, e.g. {@code [a, b, [3]]}.
	 * @return the description
	 */
	String describe() {
		StringBuilder out = new StringBuilder("[");
		for (int i = 0; i < this.elements.length; i++) {
			if (i > 0) {
				out.append(", ");
			}
			Object element = this.elements[i];
			if (element instanceof Integer) {
				out.append('[').append(element).append(']');
			}
			else {
				out.append(element);
			}
		}
		return out.append(']').toString();
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof DocumentPath path && Arrays.equals(this.elements, path.elements));
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.elements);
	}

	/**
	 * The path in expression syntax, e.g. {@code a.b[3].c} (names are not escaped).
	 */
	@Override
	public String toString() {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < this.elements.length; i++) {
			Object element = this.elements[i];
			if (element instanceof Integer) {
				out.append('[').append(element).append(']');
			}
			else {
				if (i > 0) {
					out.append('.');
				}
				out.append(element);
			}
		}
		return out.toString();
	}

}
