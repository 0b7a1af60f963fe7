package dev.alternator.local.engine.value;

import java.util.Collection;
import java.util.Set;

/**
 * A number set (NS): not empty, without duplicates, keeping the order in which elements were given.
 * Equality ignores that order.
 */
public final class NumberSetValue implements AttributeValue {

	private final Set<NumberValue> elements;

	private NumberSetValue(Set<NumberValue> elements) {
		this.elements = elements;
	}

	/**
	 * Creates a set.
	 * @param elements the elements
	 * @return the set
	 * @throws dev.alternator.local.engine.ApiException a ValidationException when empty or with duplicates
	 */
	public static NumberSetValue of(Collection<NumberValue> elements) {
		return new NumberSetValue(SetRules.copy(elements, elements, AttributeType.NS));
	}

	/**
	 * Creates a set from the numbers' texts.
	 * @param texts the numbers
	 * @return the set
	 * @throws dev.alternator.local.engine.ApiException a ValidationException when empty, with duplicates
	 * (also {@code 1} and {@code 1.0}) or with a bad number
	 */
	public static NumberSetValue parse(Collection<String> texts) {
		java.util.List<NumberValue> numbers = new java.util.ArrayList<>(texts.size());
		for (String text : texts) {
			numbers.add(NumberValue.parse(text));
		}
		return new NumberSetValue(SetRules.copy(numbers, texts, AttributeType.NS));
	}

	/**
	 * The elements, unmodifiable.
	 * @return the elements in their order
	 */
	public Set<NumberValue> elements() {
		return this.elements;
	}

	/**
	 * Whether an element is in the set.
	 * @param element the element
	 * @return {@code true} when present
	 */
	public boolean contains(NumberValue element) {
		return this.elements.contains(element);
	}

	/**
	 * The union with another set of the same type (the ADD action).
	 * @param other the other set
	 * @return the union
	 */
	public NumberSetValue union(NumberSetValue other) {
		Set<NumberValue> union = SetRules.union(this.elements, other.elements);
		return (union == this.elements) ? this : new NumberSetValue(union);
	}

	/**
	 * This set without the elements of another (the DELETE action).
	 * @param other the elements to remove
	 * @return what is left, or {@code null} when nothing is, since sets cannot be empty
	 */
	public NumberSetValue minus(NumberSetValue other) {
		Set<NumberValue> rest = SetRules.minus(this.elements, other.elements);
		return rest.isEmpty() ? null : new NumberSetValue(rest);
	}

	@Override
	public AttributeType type() {
		return AttributeType.NS;
	}

	@Override
	public int size() {
		int size = 0;
		for (NumberValue element : this.elements) {
			size += element.size();
		}
		return size;
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof NumberSetValue set && this.elements.equals(set.elements));
	}

	@Override
	public int hashCode() {
		return this.elements.hashCode();
	}

	@Override
	public String toString() {
		return "{NS:" + this.elements + "}";
	}

}
