package dev.alternator.local.engine.expression;

import java.util.List;
import java.util.Map;

import dev.alternator.local.engine.value.AttributeType;
import dev.alternator.local.engine.value.AttributeValue;

/**
 * The nodes of parsed conditions. They are records so that key conditions can be analysed by their shape.
 */
final class Conditions {

	private Conditions() {
	}

	/** The six comparison operators. */
	enum Comparator {

		EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

		final String symbol;

		Comparator(String symbol) {
			this.symbol = symbol;
		}

		/** The operator with its operands swapped: {@code a < b} is {@code b > a}. */
		Comparator swapped() {
			switch (this) {
				case LT:
					return GT;
				case LE:
					return GE;
				case GT:
					return LT;
				case GE:
					return LE;
				default:
					return this;
			}
		}

		boolean test(AttributeValue a, AttributeValue b) {
			switch (this) {
				case EQ:
					return ValueComparisons.equal(a, b);
				case NE:
					return !ValueComparisons.equal(a, b);
				case LT:
					return ValueComparisons.lessThan(a, b);
				case LE:
					return ValueComparisons.lessOrEqual(a, b);
				case GT:
					return ValueComparisons.greaterThan(a, b);
				default:
					return ValueComparisons.greaterOrEqual(a, b);
			}
		}

	}

	record Comparison(Operand left, Comparator comparator, Operand right) implements Condition {

		@Override
		public boolean test(Map<String, AttributeValue> item) {
			return this.comparator.test(this.left.evaluate(item), this.right.evaluate(item));
		}

	}

	record Between(Operand value, Operand low, Operand high) implements Condition {

		@Override
		public boolean test(Map<String, AttributeValue> item) {
			return ValueComparisons.between(this.value.evaluate(item), this.low.evaluate(item),
					this.high.evaluate(item));
		}

	}

	record In(Operand value, List<Operand> candidates) implements Condition {

		@Override
		public boolean test(Map<String, AttributeValue> item) {
			AttributeValue v = this.value.evaluate(item);
			if (v == null) {
				return false;
			}
			for (Operand candidate : this.candidates) {
				if (v.equals(candidate.evaluate(item))) {
					return true;
				}
			}
			return false;
		}

	}

	record And(Condition left, Condition right) implements Condition {

		@Override
		public boolean test(Map<String, AttributeValue> item) {
			return this.left.test(item) && this.right.test(item);
		}

	}

	record Or(Condition left, Condition right) implements Condition {

		@Override
		public boolean test(Map<String, AttributeValue> item) {
			return this.left.test(item) || this.right.test(item);
		}

	}

	record Not(Condition condition) implements Condition {

		@Override
		public boolean test(Map<String, AttributeValue> item) {
			return !this.condition.test(item);
		}

	}

	/** {@code attribute_exists(path)}, or {@code attribute_not_exists(path)} when negated. */
	record Exists(DocumentPath path, boolean exists) implements Condition {

		@Override
		public boolean test(Map<String, AttributeValue> item) {
			return (this.path.get(item) != null) == this.exists;
		}

	}

	/** {@code attribute_type(operand, :type)}. */
	record TypeIs(Operand value, AttributeType type) implements Condition {

		@Override
		public boolean test(Map<String, AttributeValue> item) {
			AttributeValue value = this.value.evaluate(item);
			return value != null && value.type() == this.type;
		}

	}

	record BeginsWith(Operand value, Operand prefix) implements Condition {

		@Override
		public boolean test(Map<String, AttributeValue> item) {
			return ValueComparisons.beginsWith(this.value.evaluate(item), this.prefix.evaluate(item));
		}

	}

	record Contains(Operand container, Operand element) implements Condition {

		@Override
		public boolean test(Map<String, AttributeValue> item) {
			return ValueComparisons.contains(this.container.evaluate(item), this.element.evaluate(item));
		}

	}

}
