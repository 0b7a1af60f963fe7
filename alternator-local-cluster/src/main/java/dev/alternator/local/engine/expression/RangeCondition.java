package dev.alternator.local.engine.expression;

import dev.alternator.local.engine.value.AttributeValue;

/**
 * The condition a Query puts on the sort key, with its operand(s) already type-checked against the key schema.
 * @param operator the operator
 * @param value the operand, or the lower bound of BETWEEN
 * @param upper the upper bound of BETWEEN, else {@code null}
 */
public record RangeCondition(Operator operator, AttributeValue value, AttributeValue upper) {

	/**
	 * The operators a sort-key condition can use.
	 */
	public enum Operator {

		/** Equal to the value. */
		EQ,
		/** Less than the value. */
		LT,
		/** Less than or equal to the value. */
		LE,
		/** Greater than the value. */
		GT,
		/** Greater than or equal to the value. */
		GE,
		/** From the value to the upper bound, both included. */
		BETWEEN,
		/** A string or binary that starts with the value. */
		BEGINS_WITH

	}

	/**
	 * Whether a sort key value satisfies the condition.
	 * @param sortKey the item's sort key value
	 * @return {@code true} when it does
	 */
	public boolean test(AttributeValue sortKey) {
		switch (this.operator) {
			case EQ:
				return ValueComparisons.equal(sortKey, this.value);
			case LT:
				return ValueComparisons.lessThan(sortKey, this.value);
			case LE:
				return ValueComparisons.lessOrEqual(sortKey, this.value);
			case GT:
				return ValueComparisons.greaterThan(sortKey, this.value);
			case GE:
				return ValueComparisons.greaterOrEqual(sortKey, this.value);
			case BETWEEN:
				return ValueComparisons.between(sortKey, this.value, this.upper);
			default:
				return ValueComparisons.beginsWith(sortKey, this.value);
		}
	}

}
