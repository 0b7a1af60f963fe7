package dev.alternator.local.engine.expression;

import java.util.List;

import dev.alternator.local.engine.value.AttributeValue;

/**
 * The comparison operators of the legacy condition parameters ({@code Expected}, {@code QueryFilter},
 * {@code ScanFilter}, {@code KeyConditions}), with DynamoDB's semantics: an attribute of another type than the
 * operand does not match; {@code NE} and {@code NULL} match a missing attribute, the others do not.
 */
public enum ComparisonOperator {

	/** Equal to the one operand. */
	EQ(1, 1),
	/** Not equal to the one operand, or missing. */
	NE(1, 1),
	/** Less than or equal to the one operand (S, N or B). */
	LE(1, 1),
	/** Less than the one operand (S, N or B). */
	LT(1, 1),
	/** Greater than or equal to the one operand (S, N or B). */
	GE(1, 1),
	/** Greater than the one operand (S, N or B). */
	GT(1, 1),
	/** The attribute exists. */
	NOT_NULL(0, 0),
	/** The attribute does not exist. */
	NULL(0, 0),
	/** A string containing the operand, a set containing it as an element, a list containing it. */
	CONTAINS(1, 1),
	/** An existing attribute that does not contain the operand. */
	NOT_CONTAINS(1, 1),
	/** A string or binary that starts with the operand. */
	BEGINS_WITH(1, 1),
	/** Equal to one of the operands. */
	IN(1, Integer.MAX_VALUE),
	/** Between the two operands, both included. */
	BETWEEN(2, 2);

	private final int minOperands;

	private final int maxOperands;

	ComparisonOperator(int minOperands, int maxOperands) {
		this.minOperands = minOperands;
		this.maxOperands = maxOperands;
	}

	boolean acceptsOperandCount(int count) {
		return count >= this.minOperands && count <= this.maxOperands;
	}

	/**
	 * Whether an attribute value satisfies the operator with its operands.
	 * @param value the attribute's value, or {@code null} when missing
	 * @param operands the operands, as many as the operator takes
	 * @return {@code true} when it does
	 */
	public boolean test(AttributeValue value, List<AttributeValue> operands) {
		switch (this) {
			case EQ:
				return ValueComparisons.equal(value, operands.get(0));
			case NE:
				return !ValueComparisons.equal(value, operands.get(0));
			case LE:
				return ValueComparisons.lessOrEqual(value, operands.get(0));
			case LT:
				return ValueComparisons.lessThan(value, operands.get(0));
			case GE:
				return ValueComparisons.greaterOrEqual(value, operands.get(0));
			case GT:
				return ValueComparisons.greaterThan(value, operands.get(0));
			case NOT_NULL:
				return value != null;
			case NULL:
				return value == null;
			case CONTAINS:
				return ValueComparisons.contains(value, operands.get(0));
			case NOT_CONTAINS:
				return value != null && !ValueComparisons.contains(value, operands.get(0));
			case BEGINS_WITH:
				return ValueComparisons.beginsWith(value, operands.get(0));
			case IN:
				return value != null && operands.contains(value);
			default:
				return ValueComparisons.between(value, operands.get(0), operands.get(1));
		}
	}

}
