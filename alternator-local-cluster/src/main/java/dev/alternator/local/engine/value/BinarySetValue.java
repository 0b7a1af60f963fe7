package dev.alternator.local.engine.value;

import java.util.Collection;
import java.util.Set;

/**
 * A binary set (BS): not empty, without duplicates, keeping the order in which elements were given.
 * Equality ignores that order.
 */
public final class BinarySetValue implements AttributeValue {

	private final Set<BinaryValue> elements;

	private BinarySetValue(Set<BinaryValue> elements) {
		this.elements = elements;
	}

	/**
	 * Creates a set.
	 * @param elements the elements
	 * @return the set
	 * @throws dev.alternator.local.engine.ApiException a ValidationException when empty or with duplicates
	 */
	public static BinarySetValue of(Collection<BinaryValue> elements) {
		return new BinarySetValue(SetRules.copy(elements, elements, AttributeType.BS));
	}

	/**
	 * Creates a set from copies of the bytes.
	 * @param elements the elements
	 * @return the set
	 * @throws dev.alternator.local.engine.ApiException a ValidationException when empty or with duplicates
	 */
	public static BinarySetValue ofBytes(Collection<byte[]> elements) {
		java.util.List<BinaryValue> values = new java.util.ArrayList<>(elements.size());
		for (byte[] bytes : elements) {
			values.add(new BinaryValue(bytes));
		}
		return of(values);
	}

	/**
	 * The elements, unmodifiable.
	 * @return the elements in their order
	 */
	public Set<BinaryValue> elements() {
		return this.elements;
	}

	/**
	 * Whether an element is in the set.
	 * @param element the element
	 * @return {@code true} when present
	 */
	public boolean contains(BinaryValue element) {
		return this.elements.contains(element);
	}

	/**
	 * The union with another set of the same type (the ADD action).
	 * @param other the other set
	 * @return the union
	 */
	public BinarySetValue union(BinarySetValue other) {
		Set<BinaryValue> union = SetRules.union(this.elements, other.elements);
		return (union == this.elements) ? this : new BinarySetValue(union);
	}

	/**
	 * This set without the elements of another (the DELETE action).
	 * @param other the elements to remove
	 * @return what is left, or {@code null} when nothing is, since sets cannot be empty
	 */
	public BinarySetValue minus(BinarySetValue other) {
		Set<BinaryValue> rest = SetRules.minus(this.elements, other.elements);
		return rest.isEmpty() ? null : new BinarySetValue(rest);
	}

	@Override
	public AttributeType type() {
		return AttributeType.BS;
	}

	@Override
	public int size() {
		int size = 0;
		for (BinaryValue element : this.elements) {
			size += element.size();
		}
		return size;
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof BinarySetValue set && this.elements.equals(set.elements));
	}

	@Override
	public int hashCode() {
		return this.elements.hashCode();
	}

	@Override
	public String toString() {
		return "{BS:" + this.elements + "}";
	}

}
