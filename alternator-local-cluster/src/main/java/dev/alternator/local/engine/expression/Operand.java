package dev.alternator.local.engine.expression;

import java.util.Map;

import dev.alternator.local.engine.ApiException;
import dev.alternator.local.engine.value.AttributeValue;
import dev.alternator.local.engine.value.BinaryValue;
import dev.alternator.local.engine.value.ListValue;
import dev.alternator.local.engine.value.MapValue;
import dev.alternator.local.engine.value.NumberValue;
import dev.alternator.local.engine.value.StringValue;

/**
 * A value inside an expression: a document path, a {@code :value}, or a function of other operands.
 */
interface Operand {

	String MISSING = "The provided expression refers to an attribute that does not exist in the item";

	String WRONG_TYPE = "An operand in the update expression has an incorrect data type";

	/**
	 * The operand's value for an item.
	 * @return the value, or {@code null} when the item has none there
	 */
	AttributeValue evaluate(Map<String, AttributeValue> item);

	/** The value when the operand is a constant, else {@code null}. */
	default AttributeValue constant() {
		return null;
	}

	/** A document path. */
	record Path(DocumentPath path) implements Operand {

		@Override
		public AttributeValue evaluate(Map<String, AttributeValue> item) {
			return this.path.get(item);
		}

	}

	/** A {@code :value} from ExpressionAttributeValues (or a legacy condition's value). */
	record Constant(AttributeValue value) implements Operand {

		@Override
		public AttributeValue evaluate(Map<String, AttributeValue> item) {
			return this.value;
		}

		@Override
		public AttributeValue constant() {
			return this.value;
		}

	}

	/** {@code size(path)}: the length of a string or binary, the number of elements of a set, list or map. */
	record Size(DocumentPath path) implements Operand {

		@Override
		public AttributeValue evaluate(Map<String, AttributeValue> item) {
			AttributeValue value = this.path.get(item);
			if (value == null) {
				return null;
			}
			int size;
			switch (value.type()) {
				case S:
					size = ((StringValue) value).value().length();
					break;
				case B:
					size = ((BinaryValue) value).length();
					break;
				case L:
					size = ((ListValue) value).value().size();
					break;
				case M:
					size = ((MapValue) value).value().size();
					break;
				case SS:
					size = ((dev.alternator.local.engine.value.StringSetValue) value).elements().size();
					break;
				case NS:
					size = ((dev.alternator.local.engine.value.NumberSetValue) value).elements().size();
					break;
				case BS:
					size = ((dev.alternator.local.engine.value.BinarySetValue) value).elements().size();
					break;
				default:
					// Numbers, booleans and nulls have no size: comparisons with it are false.
					return null;
			}
			return AttributeValue.n(size);
		}

	}

	/** {@code if_not_exists(path, operand)} of an update's SET. */
	record IfNotExists(DocumentPath path, Operand fallback) implements Operand {

		@Override
		public AttributeValue evaluate(Map<String, AttributeValue> item) {
			AttributeValue value = this.path.get(item);
			return (value != null) ? value : required(this.fallback, item);
		}

	}

	/** {@code list_append(a, b)} of an update's SET. */
	record ListAppend(Operand first, Operand second) implements Operand {

		@Override
		public AttributeValue evaluate(Map<String, AttributeValue> item) {
			AttributeValue a = required(this.first, item);
			AttributeValue b = required(this.second, item);
			if (!(a instanceof ListValue la) || !(b instanceof ListValue lb)) {
				throw ApiException.validation(WRONG_TYPE);
			}
			return la.append(lb);
		}

	}

	/** {@code a + b} or {@code a - b} of an update's SET. */
	record Arithmetic(Operand left, boolean plus, Operand right) implements Operand {

		@Override
		public AttributeValue evaluate(Map<String, AttributeValue> item) {
			AttributeValue a = required(this.left, item);
			AttributeValue b = required(this.right, item);
			if (!(a instanceof NumberValue na) || !(b instanceof NumberValue nb)) {
				throw ApiException.validation(WRONG_TYPE);
			}
			return this.plus ? na.add(nb) : na.subtract(nb);
		}

	}

	/**
	 * The value of an operand that an update needs.
	 * @throws ApiException a ValidationException when the item has no value there
	 */
	static AttributeValue required(Operand operand, Map<String, AttributeValue> item) {
		AttributeValue value = operand.evaluate(item);
		if (value == null) {
			throw ApiException.validation(MISSING);
		}
		return value;
	}

}
