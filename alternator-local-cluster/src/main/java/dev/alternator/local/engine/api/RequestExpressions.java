package dev.alternator.local.engine.api;

import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alternator.local.engine.ApiException;
import dev.alternator.local.engine.table.KeySchema;
import dev.alternator.local.engine.value.AttributeValue;

/**
 * The adapter between a request's expression parameters and the expression package: parses them once per
 * request (expressions and their legacy equivalents), and checks at the end that every ExpressionAttributeNames
 * and ExpressionAttributeValues entry was used.
 */
final class RequestExpressions {

	private final JsonNode request;

	private RequestExpressions(JsonNode request) {
		this.request = request;
	}

	static RequestExpressions of(JsonNode request) {
		return new RequestExpressions(request);
	}

	/**
	 * The write condition (ConditionExpression, or Expected with ConditionalOperator), or {@code null}.
	 */
	Predicate<Map<String, AttributeValue>> condition() {
		if (this.request.has("ConditionExpression") || this.request.has("Expected")) {
			throw ApiException.validation("ConditionExpression is not supported yet");
		}
		return null;
	}

	/**
	 * The projection (ProjectionExpression or AttributesToGet), or {@code null} for the whole item.
	 */
	UnaryOperator<Map<String, AttributeValue>> projection() {
		if (this.request.has("ProjectionExpression") || this.request.has("AttributesToGet")) {
			throw ApiException.validation("ProjectionExpression is not supported yet");
		}
		return null;
	}

	/**
	 * The update (UpdateExpression or AttributeUpdates), or {@code null} when there is none.
	 */
	ItemUpdate update() {
		throw ApiException.validation("UpdateExpression is not supported yet");
	}

	/**
	 * The filter (FilterExpression, or QueryFilter/ScanFilter with ConditionalOperator), or {@code null}.
	 */
	Predicate<Map<String, AttributeValue>> filter(String legacyName) {
		if (this.request.has("FilterExpression") || this.request.has(legacyName)) {
			throw ApiException.validation("FilterExpression is not supported yet");
		}
		return null;
	}

	/**
	 * The key condition of a Query (KeyConditionExpression or KeyConditions) on the given key.
	 */
	KeyCondition keyCondition(KeySchema key) {
		throw ApiException.validation("KeyConditionExpression is not supported yet");
	}

	/**
	 * Checks that every name and value given was used.
	 */
	void checkAllUsed() {
	}

	/**
	 * How a Query's sort key condition compares.
	 */
	enum RangeOperator {

		/** {@code =} */
		EQ,
		/** {@code <} */
		LT,
		/** {@code <=} */
		LE,
		/** {@code >} */
		GT,
		/** {@code >=} */
		GE,
		/** {@code BETWEEN} */
		BETWEEN,
		/** {@code begins_with} */
		BEGINS_WITH

	}

	/**
	 * A Query's key condition: the partition key value and an optional sort key condition.
	 * @param hash the partition key value
	 * @param operator the sort key operator, or {@code null} when there is no sort key condition
	 * @param first the operand (the lower bound of BETWEEN)
	 * @param second the upper bound of BETWEEN, otherwise {@code null}
	 */
	record KeyCondition(AttributeValue hash, RangeOperator operator, AttributeValue first, AttributeValue second) {
	}

	/**
	 * An update to apply to an item.
	 */
	interface ItemUpdate {

		/**
		 * Applies the update.
		 * @param item the current item (empty when there is none); not modified
		 * @return the new item
		 */
		Map<String, AttributeValue> apply(Map<String, AttributeValue> item);

		/**
		 * The top-level attributes the update touches.
		 * @return the attribute names
		 */
		Set<String> touched();

	}

}
