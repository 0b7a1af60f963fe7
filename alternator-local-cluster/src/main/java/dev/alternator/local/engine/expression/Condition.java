package dev.alternator.local.engine.expression;

import java.util.Map;

import dev.alternator.local.engine.value.AttributeValue;

/**
 * A parsed, reusable condition: a {@code ConditionExpression}, a {@code FilterExpression}, or a legacy
 * {@code Expected}, {@code QueryFilter} or {@code ScanFilter} converted by {@link LegacyConditions}.
 * <p>
 * Evaluation never fails: comparing values of different types, or with a missing attribute, is simply false
 * ({@code <>} is then true), as in DynamoDB.
 */
@FunctionalInterface
public interface Condition {

	/**
	 * Evaluates the condition on an item.
	 * @param item the item; an empty map when the item does not exist
	 * @return whether the item satisfies the condition
	 */
	boolean test(Map<String, AttributeValue> item);

	/**
	 * Parses a {@code ConditionExpression}.
	 * @param expression the expression
	 * @param attributes the request's names and values; the references used are marked
	 * @return the condition
	 * @throws dev.alternator.local.engine.ApiException a ValidationException ({@code "Invalid
	 * ConditionExpression: ..."}) for a syntax error, a reserved word, an undefined reference, an unknown or
	 * misused function, or a wrong operand type
	 */
	static Condition parse(String expression, ExpressionAttributes attributes) {
		return ExpressionParser.condition(expression, attributes, ExpressionKind.CONDITION);
	}

	/**
	 * Parses a {@code FilterExpression} (of Query or Scan); the same language as a condition, with its own
	 * error prefix.
	 * @param expression the expression
	 * @param attributes the request's names and values; the references used are marked
	 * @return the condition
	 * @throws dev.alternator.local.engine.ApiException a ValidationException ({@code "Invalid FilterExpression:
	 * ..."})
	 */
	static Condition parseFilter(String expression, ExpressionAttributes attributes) {
		return ExpressionParser.condition(expression, attributes, ExpressionKind.FILTER);
	}

	/**
	 * The condition every item satisfies.
	 * @return the condition
	 */
	static Condition always() {
		return (item) -> true;
	}

}
