package dev.alternator.local.engine.api;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alternator.local.engine.ApiException;
import dev.alternator.local.engine.expression.Condition;
import dev.alternator.local.engine.expression.ExpressionAttributes;
import dev.alternator.local.engine.expression.KeyQuery;
import dev.alternator.local.engine.expression.LegacyConditions;
import dev.alternator.local.engine.expression.Projection;
import dev.alternator.local.engine.expression.RangeCondition;
import dev.alternator.local.engine.expression.Update;
import dev.alternator.local.engine.table.KeySchema;
import dev.alternator.local.engine.value.AttributeType;
import dev.alternator.local.engine.value.AttributeValue;
import dev.alternator.local.engine.value.AttributeValueJson;

/**
 * The adapter between a request's expression parameters and the expression package: parses them once per
 * request (expressions, or their legacy equivalents), rejects requests that mix the two kinds, and checks at the
 * end that every ExpressionAttributeNames and ExpressionAttributeValues entry was used.
 */
final class RequestExpressions {

	private static final List<String> EXPRESSION_PARAMETERS = List.of("ConditionExpression", "UpdateExpression",
			"ProjectionExpression", "KeyConditionExpression", "FilterExpression");

	private static final List<String> LEGACY_PARAMETERS = List.of("Expected", "AttributeUpdates", "AttributesToGet",
			"KeyConditions", "QueryFilter", "ScanFilter", "ConditionalOperator");

	private final JsonNode request;

	private final ExpressionAttributes attributes;

	private RequestExpressions(JsonNode request, ExpressionAttributes attributes) {
		this.request = request;
		this.attributes = attributes;
	}

	static RequestExpressions of(JsonNode request) {
		List<String> expressions = present(request, EXPRESSION_PARAMETERS);
		List<String> legacy = present(request, LEGACY_PARAMETERS);
		if (!expressions.isEmpty() && !legacy.isEmpty()) {
			throw ApiException.validation("Can not use both expression and non-expression parameters in the same "
					+ "request: Non-expression parameters: {" + String.join(", ", legacy)
					+ "} Expression parameters: {" + String.join(", ", expressions) + "}");
		}
		JsonNode namesNode = request.get("ExpressionAttributeNames");
		JsonNode valuesNode = request.get("ExpressionAttributeValues");
		boolean hasNames = namesNode != null && !namesNode.isNull();
		boolean hasValues = valuesNode != null && !valuesNode.isNull();
		if (!hasNames && !hasValues) {
			return new RequestExpressions(request, ExpressionAttributes.none());
		}
		if (expressions.isEmpty()) {
			throw ApiException.validation((hasNames ? "ExpressionAttributeNames" : "ExpressionAttributeValues")
					+ " can only be specified when using expressions");
		}
		Map<String, String> names = null;
		if (hasNames) {
			if (!namesNode.isObject()) {
				throw ApiException.serialization("ExpressionAttributeNames must be a map of strings");
			}
			names = new LinkedHashMap<>();
			for (Iterator<Map.Entry<String, JsonNode>> it = namesNode.fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> entry = it.next();
				if (!entry.getValue().isTextual()) {
					throw ApiException.serialization("ExpressionAttributeNames values must be strings");
				}
				names.put(entry.getKey(), entry.getValue().textValue());
			}
		}
		Map<String, AttributeValue> values = null;
		if (hasValues) {
			if (!valuesNode.isObject()) {
				throw ApiException.serialization("ExpressionAttributeValues must be a map of attribute values");
			}
			values = AttributeValueJson.readItem(valuesNode);
		}
		return new RequestExpressions(request, new ExpressionAttributes(names, values));
	}

	private static List<String> present(JsonNode request, List<String> parameters) {
		List<String> present = new ArrayList<>(2);
		for (String parameter : parameters) {
			JsonNode value = request.get(parameter);
			if (value != null && !value.isNull()) {
				present.add(parameter);
			}
		}
		return present;
	}

	private String expression(String field) {
		return Requests.optionalString(this.request, field);
	}

	private JsonNode legacy(String field) {
		JsonNode value = this.request.get(field);
		return (value == null || value.isNull()) ? null : value;
	}

	/**
	 * The write condition (ConditionExpression, or Expected with ConditionalOperator), or {@code null}.
	 */
	Predicate<Map<String, AttributeValue>> condition() {
		String expression = expression("ConditionExpression");
		if (expression != null) {
			return Condition.parse(expression, this.attributes)::test;
		}
		JsonNode expected = legacy("Expected");
		if (expected != null) {
			if (!expected.isObject()) {
				throw ApiException.serialization("Expected must be a map");
			}
			return LegacyConditions.expected(expected, Requests.optionalString(this.request, "ConditionalOperator"))::test;
		}
		return null;
	}

	/**
	 * The filter (FilterExpression, or QueryFilter/ScanFilter with ConditionalOperator), or {@code null}.
	 */
	Predicate<Map<String, AttributeValue>> filter(String legacyName) {
		String expression = expression("FilterExpression");
		if (expression != null) {
			return Condition.parseFilter(expression, this.attributes)::test;
		}
		JsonNode filter = legacy(legacyName);
		if (filter != null) {
			if (!filter.isObject()) {
				throw ApiException.serialization(legacyName + " must be a map");
			}
			return LegacyConditions.filter(filter, Requests.optionalString(this.request, "ConditionalOperator"))::test;
		}
		return null;
	}

	/**
	 * The projection (ProjectionExpression or AttributesToGet), or {@code null} for the whole item.
	 */
	UnaryOperator<Map<String, AttributeValue>> projection() {
		String expression = expression("ProjectionExpression");
		if (expression != null) {
			return Projection.parse(expression, this.attributes)::project;
		}
		JsonNode attributesToGet = legacy("AttributesToGet");
		if (attributesToGet != null) {
			return LegacyConditions.attributesToGet(attributesToGet)::project;
		}
		return null;
	}

	/**
	 * The update (UpdateExpression or AttributeUpdates), or {@code null} when there is none.
	 */
	ItemUpdate update() {
		String expression = expression("UpdateExpression");
		Update update = null;
		if (expression != null) {
			update = Update.parse(expression, this.attributes);
		}
		else {
			JsonNode attributeUpdates = legacy("AttributeUpdates");
			if (attributeUpdates != null) {
				if (!attributeUpdates.isObject()) {
					throw ApiException.serialization("AttributeUpdates must be a map");
				}
				update = LegacyConditions.attributeUpdates(attributeUpdates);
			}
		}
		if (update == null) {
			return null;
		}
		Update parsed = update;
		Projection updatedPaths = Projection.of(update.paths());
		return new ItemUpdate() {

			@Override
			public Map<String, AttributeValue> updatedPart(Map<String, AttributeValue> item) {
				return updatedPaths.project(item);
			}

			@Override
			public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
				return parsed.apply(item);
			}

			@Override
			public Set<String> touched() {
				return parsed.attributeNames();
			}

			@Override
			public boolean readsItem() {
				return parsed.readsItem();
			}

		};
	}

	/**
	 * The key condition of a Query (KeyConditionExpression or KeyConditions) on the given key.
	 */
	KeyCondition keyCondition(KeySchema key) {
		String expression = expression("KeyConditionExpression");
		dev.alternator.local.engine.expression.KeyCondition condition;
		if (expression != null) {
			condition = dev.alternator.local.engine.expression.KeyCondition.parse(expression, this.attributes);
		}
		else {
			JsonNode keyConditions = legacy("KeyConditions");
			if (keyConditions == null) {
				throw ApiException.validation("Either the KeyConditions or KeyConditionExpression parameter must be "
						+ "specified in the request.");
			}
			if (!keyConditions.isObject()) {
				throw ApiException.serialization("KeyConditions must be a map");
			}
			condition = LegacyConditions.keyConditions(keyConditions);
		}
		KeyQuery query = condition.resolve(key.hash().name(), AttributeType.valueOf(key.hash().type().name()),
				(key.range() != null) ? key.range().name() : null,
				(key.range() != null) ? AttributeType.valueOf(key.range().type().name()) : null);
		if (query.range() == null) {
			return new KeyCondition(query.hashValue(), null, null, null);
		}
		return new KeyCondition(query.hashValue(), query.range().operator(), query.range().value(),
				query.range().upper());
	}

	/**
	 * Checks that every name and value given was used.
	 */
	void checkAllUsed() {
		this.attributes.checkAllUsed();
	}

	/**
	 * A Query's key condition: the partition key value and an optional sort key condition.
	 * @param hash the partition key value
	 * @param operator the sort key operator, or {@code null} when there is no sort key condition
	 * @param first the operand (the lower bound of BETWEEN)
	 * @param second the upper bound of BETWEEN, otherwise {@code null}
	 */
	record KeyCondition(AttributeValue hash, RangeCondition.Operator operator, AttributeValue first, AttributeValue second) {
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

		/**
		 * Whether the update needs the item's current value (a read-modify-write).
		 * @return {@code true} when it does
		 */
		boolean readsItem();

		/**
		 * The part of an item at the paths the update touches, nested paths keeping their structure (what
		 * ReturnValues UPDATED_OLD and UPDATED_NEW answer).
		 * @param item the item before or after the update
		 * @return the part of the item
		 */
		Map<String, AttributeValue> updatedPart(Map<String, AttributeValue> item);

	}

}
