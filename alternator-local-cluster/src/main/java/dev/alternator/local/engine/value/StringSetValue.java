package dev.alternator.local.engine.value;

import java.util.Collection;
import java.util.Set;

/**
 * A string set (SS): not empty, without duplicates, keeping the order in which elements were given.
 * Equality ignores that order.
 */
public final class StringSetValue implements AttributeValue {

	private final Set<String> elements;

	private StringSetValue(Set<String> elements) {
		this.elements = elements;
	}

	/**
	 * Creates a set.
	 * @param elements the elements
	 * @return the set
	 * @throws dev.alternator.local.engine.ApiException a ValidationException when empty or with duplicates
	 */
	public static StringSetValue of(Collection<String> elements) {
		return new StringSetValue(SetRules.copy(elements, elements, AttributeType.SS));
	}

	/**
	 * The elements, unmodifiable.
	 * @return the elements in their order
	 */
	public Set<String> elements() {
		return this.elements;
	}

	/**
	 * Whether an element is in the set.
	 * @param element the element
	 * @return {@code true} when present
	 */
	public boolean contains(String element) {
		return this.elements.contains(element);
	}

	/**
	 * The union with another set of the same type (the ADD action).
	 * @param other the other set
	 * @return the union
	 */
	public StringSetValue union(StringSetValue other) {
		Set<String> union = SetRules.union(this.elements, other.elements);
		return (union == this.elements) ? this : new StringSetValue(union);
	}

	/**
	 * This set without the elements of another (the DELETE action).
	 * @param other the elements to remove
	 * @return what is left, or {@code null} when nothing is, since sets cannot be empty
	 */
	public StringSetValue minus(StringSetValue other) {
		Set<String> rest = SetRules.minus(this.elements, other.elements);
		return rest.isEmpty() ? null : new StringSetValue(rest);
	}

	@Override
	public AttributeType type() {
		return AttributeType.SS;
	}

	@Override
	public int size() {
		int size = 0;
		for (String element : this.elements) {
			size += Utf8.length(element);
		}
		return size;
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof StringSetValue set && this.elements.equals(set.elements));
	}

	@Override
	public int hashCode() {
		return this.elements.hashCode();
	}

	@Override
	public String toString() {
		return "{SS:" + this.elements + "}";
	}

}
