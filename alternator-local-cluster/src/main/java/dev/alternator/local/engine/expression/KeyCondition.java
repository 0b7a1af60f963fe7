package dev.alternator.local.engine.expression;

import java.util.ArrayList;
import java.util.List;

import dev.alternator.local.engine.ApiException;
import dev.alternator.local.engine.expression.Conditions.Comparator;
import dev.alternator.local.engine.value.AttributeType;
import dev.alternator.local.engine.value.AttributeValue;

/**
 * A parsed {@code KeyConditionExpression} (or legacy {@code KeyConditions}, see
 * {@link LegacyConditions#keyConditions}): one or two simple conditions joined by AND, each comparing a
 * top-level attribute with a value. {@link #resolve} checks it against a table's or index's key schema.
 */
public final class KeyCondition {

	static final String MISSED = "Query condition missed key schema element: ";

	static final String NOT_SUPPORTED = "Query key condition not supported";

	static final String TYPE_MISMATCH = "One or more parameter values were invalid: Condition parameter type does not match schema type";

	private final List<Term> terms;

	private final ExpressionKind kind;

	/** One simple condition: {@code attribute operator value [upper]}. */
	record Term(String attribute, RangeCondition.Operator operator, AttributeValue value, AttributeValue upper) {
	}

	KeyCondition(List<Term> terms, ExpressionKind kind) {
		this.terms = List.copyOf(terms);
		this.kind = kind;
	}

	/**
	 * Parses a {@code KeyConditionExpression}.
	 * @param expression the expression, e.g. {@code "p = :p AND c BETWEEN :a AND :b"}
	 * @param attributes the request's names and values; the references used are marked
	 * @return the key condition
	 * @throws ApiException a ValidationException for a syntax error, an operator a key condition cannot use
	 * (OR, NOT, IN, {@code <>}, functions other than begins_with), a nested path, a comparison that is not
	 * between an attribute and a value, more than two conditions or two on one attribute
	 */
	public static KeyCondition parse(String expression, ExpressionAttributes attributes) {
		ExpressionKind kind = ExpressionKind.KEY_CONDITION;
		Condition condition = ExpressionParser.condition(expression, attributes, kind);
		List<Condition> leaves = new ArrayList<>(2);
		flatten(condition, leaves);
		List<Term> terms = new ArrayList<>(leaves.size());
		for (Condition leaf : leaves) {
			terms.add(term(leaf, kind));
		}
		if (terms.size() > 2) {
			throw ApiException.validation(kind.invalid() + "Conditions can be of length 1 or 2 only");
		}
		if (terms.size() == 2 && terms.get(0).attribute().equals(terms.get(1).attribute())) {
			throw ApiException.validation(
					kind.invalid() + "KeyConditionExpressions must only contain one condition per key");
		}
		return new KeyCondition(terms, kind);
	}

	private static void flatten(Condition condition, List<Condition> leaves) {
		if (condition instanceof Conditions.And and) {
			flatten(and.left(), leaves);
			flatten(and.right(), leaves);
		}
		else if (condition instanceof Conditions.Or) {
			throw ApiException.validation("Invalid operator used in KeyConditionExpression: OR");
		}
		else if (condition instanceof Conditions.Not) {
			throw ApiException.validation("Invalid operator used in KeyConditionExpression: NOT");
		}
		else {
			leaves.add(condition);
		}
	}

	private static Term term(Condition leaf, ExpressionKind kind) {
		if (leaf instanceof Conditions.Comparison comparison) {
			RangeCondition.Operator operator;
			Comparator comparator = comparison.comparator();
			Operand left = comparison.left();
			Operand right = comparison.right();
			if (left.constant() != null && right instanceof Operand.Path) {
				// ":v < c" is "c > :v".
				comparator = comparator.swapped();
				Operand swap = left;
				left = right;
				right = swap;
			}
			switch (comparator) {
				case EQ:
					operator = RangeCondition.Operator.EQ;
					break;
				case LT:
					operator = RangeCondition.Operator.LT;
					break;
				case LE:
					operator = RangeCondition.Operator.LE;
					break;
				case GT:
					operator = RangeCondition.Operator.GT;
					break;
				case GE:
					operator = RangeCondition.Operator.GE;
					break;
				default:
					throw ApiException.validation(
							"Invalid operator used in KeyConditionExpression: " + comparator.symbol);
			}
			return new Term(attribute(left, kind), operator, value(right, kind), null);
		}
		if (leaf instanceof Conditions.Between between) {
			AttributeValue low = value(between.low(), kind);
			AttributeValue high = value(between.high(), kind);
			return new Term(attribute(between.value(), kind), RangeCondition.Operator.BETWEEN, low, high);
		}
		if (leaf instanceof Conditions.BeginsWith beginsWith) {
			return new Term(attribute(beginsWith.value(), kind), RangeCondition.Operator.BEGINS_WITH,
					value(beginsWith.prefix(), kind), null);
		}
		if (leaf instanceof Conditions.In) {
			throw ApiException.validation("Invalid operator used in KeyConditionExpression: IN");
		}
		throw ApiException.validation("Invalid operator used in KeyConditionExpression: " + functionName(leaf));
	}

	private static String functionName(Condition leaf) {
		if (leaf instanceof Conditions.Exists exists) {
			return exists.exists() ? "attribute_exists" : "attribute_not_exists";
		}
		if (leaf instanceof Conditions.TypeIs) {
			return "attribute_type";
		}
		return "contains";
	}

	private static String attribute(Operand operand, ExpressionKind kind) {
		if (operand instanceof Operand.Path path) {
			if (!path.path().isTopLevel()) {
				throw ApiException.validation(kind.invalid()
						+ "KeyConditionExpressions cannot have conditions on nested attributes; path: " + path.path());
			}
			return path.path().attributeName();
		}
		throw ApiException.validation(
				kind.invalid() + "A key condition must compare a key attribute with a value from ExpressionAttributeValues");
	}

	private static AttributeValue value(Operand operand, ExpressionKind kind) {
		AttributeValue value = operand.constant();
		if (value == null) {
			throw ApiException.validation(
					kind.invalid() + "A key condition must compare a key attribute with a value from ExpressionAttributeValues");
		}
		return value;
	}

	/**
	 * Checks the condition against a key schema and returns what it selects.
	 * @param hashKey the partition key attribute
	 * @param hashType its type (S, N or B)
	 * @param rangeKey the sort key attribute, or {@code null} when there is none
	 * @param rangeType its type, or {@code null}
	 * @return the partition key value and the sort key condition (or {@code null})
	 * @throws ApiException a ValidationException when there is no equality on the partition key ("Query
	 * condition missed key schema element"), a condition is on a non-key attribute, a value's type does not
	 * match the key's, begins_with is used on a number, or BETWEEN's bounds are reversed
	 */
	public KeyQuery resolve(String hashKey, AttributeType hashType, String rangeKey, AttributeType rangeType) {
		Term hash = null;
		Term range = null;
		for (Term term : this.terms) {
			if (term.attribute().equals(hashKey)) {
				hash = term;
			}
			else if (term.attribute().equals(rangeKey)) {
				range = term;
			}
		}
		if (hash == null) {
			throw ApiException.validation(MISSED + hashKey);
		}
		if (this.terms.size() == 2 && range == null) {
			throw ApiException.validation((rangeKey != null) ? MISSED + rangeKey : NOT_SUPPORTED);
		}
		if (hash.operator() != RangeCondition.Operator.EQ) {
			throw ApiException.validation(NOT_SUPPORTED);
		}
		checkType(hash.value(), hashType);
		if (range == null) {
			return new KeyQuery(hash.value(), null);
		}
		checkType(range.value(), rangeType);
		if (range.upper() != null) {
			checkType(range.upper(), rangeType);
			ExpressionParser.checkBounds(range.value(), range.upper(), this.kind);
		}
		if (range.operator() == RangeCondition.Operator.BEGINS_WITH && rangeType == AttributeType.N) {
			throw ApiException.validation(this.kind.invalid()
					+ "Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
		}
		return new KeyQuery(hash.value(), new RangeCondition(range.operator(), range.value(), range.upper()));
	}

	private static void checkType(AttributeValue value, AttributeType type) {
		if (value.type() != type) {
			throw ApiException.validation(TYPE_MISMATCH);
		}
	}

}
