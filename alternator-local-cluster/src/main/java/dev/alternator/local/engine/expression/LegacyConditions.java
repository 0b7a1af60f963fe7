package dev.alternator.local.engine.expression;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.alternator.local.engine.ApiException;
import dev.alternator.local.engine.value.AttributeType;
import dev.alternator.local.engine.value.AttributeValue;
import dev.alternator.local.engine.value.AttributeValueJson;

/**
 * Converts the legacy (pre-expression) request parameters into the same objects as expressions:
 * {@code Expected} and {@code QueryFilter} / {@code ScanFilter} (with {@code ConditionalOperator}) into a
 * {@link Condition}, {@code KeyConditions} into a {@link KeyCondition}, {@code AttributeUpdates} into an
 * {@link Update}, {@code AttributesToGet} into a {@link Projection}. Each takes the parameter's JSON as sent
 * and fails with DynamoDB's ValidationException where the parameter is invalid.
 */
public final class LegacyConditions {

	private static final String INVALID = "One or more parameter values were invalid: ";

	private LegacyConditions() {
	}

	/**
	 * Converts {@code Expected}: per attribute, either {@code Value} / {@code Exists} (equal to the value, or
	 * absent when {@code Exists} is false) or {@code ComparisonOperator} with {@code AttributeValueList} (or
	 * {@code Value}).
	 * @param expected the {@code Expected} object
	 * @param conditionalOperator {@code "AND"}, {@code "OR"} or {@code null} (AND)
	 * @return the condition
	 * @throws ApiException a ValidationException for an invalid combination, operator, operand count or type
	 */
	public static Condition expected(JsonNode expected, String conditionalOperator) {
		boolean or = or(conditionalOperator);
		List<Condition> conditions = new ArrayList<>();
		for (Map.Entry<String, JsonNode> entry : expected.properties()) {
			String name = entry.getKey();
			JsonNode spec = entry.getValue();
			JsonNode operator = field(spec, "ComparisonOperator");
			JsonNode list = field(spec, "AttributeValueList");
			JsonNode value = field(spec, "Value");
			JsonNode exists = field(spec, "Exists");
			if (operator != null) {
				if (value != null && list != null) {
					throw ApiException.validation(INVALID
							+ "Value and AttributeValueList cannot be used together for Attribute: " + name);
				}
				if (exists != null) {
					throw ApiException.validation(INVALID
							+ "Exists and ComparisonOperator cannot be used together for Attribute: " + name);
				}
				List<AttributeValue> operands = (list != null) ? values(list)
						: (value != null) ? List.of(AttributeValueJson.read(value)) : List.of();
				conditions.add(comparison(name, operator(operator, "expected"), operands));
			}
			else {
				if (list != null) {
					throw ApiException.validation(INVALID
							+ "AttributeValueList can only be used with a ComparisonOperator for Attribute: " + name);
				}
				boolean mustExist = exists == null || exists.asBoolean(true);
				if (mustExist) {
					if (value == null) {
						throw ApiException.validation(
								INVALID + "Value must be provided when Exists is true for Attribute: " + name);
					}
					conditions.add(comparison(name, ComparisonOperator.EQ, List.of(AttributeValueJson.read(value))));
				}
				else {
					if (value != null) {
						throw ApiException.validation(
								INVALID + "Value cannot be used when Exists is false for Attribute: " + name);
					}
					conditions.add(comparison(name, ComparisonOperator.NULL, List.of()));
				}
			}
		}
		return combine(conditions, or);
	}

	/**
	 * Converts a {@code QueryFilter} or {@code ScanFilter}: per attribute a {@code ComparisonOperator} with its
	 * {@code AttributeValueList}.
	 * @param filter the filter object
	 * @param conditionalOperator {@code "AND"}, {@code "OR"} or {@code null} (AND)
	 * @return the condition
	 * @throws ApiException a ValidationException for a missing or unknown operator, or a wrong operand count
	 * or type
	 */
	public static Condition filter(JsonNode filter, String conditionalOperator) {
		boolean or = or(conditionalOperator);
		List<Condition> conditions = new ArrayList<>();
		for (Map.Entry<String, JsonNode> entry : filter.properties()) {
			JsonNode spec = entry.getValue();
			JsonNode operator = field(spec, "ComparisonOperator");
			if (operator == null) {
				throw ApiException.validation("1 validation error detected: Value null at 'filter." + entry.getKey()
						+ ".member.comparisonOperator' failed to satisfy constraint: Member must not be null");
			}
			JsonNode list = field(spec, "AttributeValueList");
			conditions.add(comparison(entry.getKey(), operator(operator, "filter"),
					(list != null) ? values(list) : List.of()));
		}
		return combine(conditions, or);
	}

	/**
	 * Converts {@code KeyConditions}: per key attribute a {@code ComparisonOperator} (EQ, LE, LT, GE, GT,
	 * BEGINS_WITH or BETWEEN) with its {@code AttributeValueList}.
	 * @param keyConditions the key conditions object
	 * @return the key condition, to be {@linkplain KeyCondition#resolve resolved} against the key schema
	 * @throws ApiException a ValidationException for more than two conditions, an operator a key cannot use,
	 * or a wrong operand count or type
	 */
	public static KeyCondition keyConditions(JsonNode keyConditions) {
		if (keyConditions.size() > 2) {
			throw ApiException.validation("Conditions can be of length 1 or 2 only");
		}
		List<KeyCondition.Term> terms = new ArrayList<>(2);
		for (Map.Entry<String, JsonNode> entry : keyConditions.properties()) {
			JsonNode spec = entry.getValue();
			JsonNode operatorNode = field(spec, "ComparisonOperator");
			if (operatorNode == null) {
				throw ApiException.validation("1 validation error detected: Value null at 'keyConditions."
						+ entry.getKey() + ".member.comparisonOperator' failed to satisfy constraint: Member must not be null");
			}
			ComparisonOperator operator = operator(operatorNode, "keyConditions");
			JsonNode list = field(spec, "AttributeValueList");
			List<AttributeValue> operands = (list != null) ? values(list) : List.of();
			checkOperands(operator, operands);
			RangeCondition.Operator rangeOperator;
			switch (operator) {
				case EQ:
					rangeOperator = RangeCondition.Operator.EQ;
					break;
				case LE:
					rangeOperator = RangeCondition.Operator.LE;
					break;
				case LT:
					rangeOperator = RangeCondition.Operator.LT;
					break;
				case GE:
					rangeOperator = RangeCondition.Operator.GE;
					break;
				case GT:
					rangeOperator = RangeCondition.Operator.GT;
					break;
				case BEGINS_WITH:
					rangeOperator = RangeCondition.Operator.BEGINS_WITH;
					break;
				case BETWEEN:
					rangeOperator = RangeCondition.Operator.BETWEEN;
					break;
				default:
					throw ApiException.validation("Attempted conditional constraint is not an indexable operation");
			}
			terms.add(new KeyCondition.Term(entry.getKey(), rangeOperator, operands.get(0),
					(operands.size() > 1) ? operands.get(1) : null));
		}
		return new KeyCondition(terms, ExpressionKind.KEY_CONDITION);
	}

	/**
	 * Converts {@code AttributeUpdates}: per attribute an {@code Action} (PUT by default, DELETE, ADD) and a
	 * {@code Value}. DELETE without a value removes the attribute, with a set removes those elements; ADD adds
	 * to a number, a set or (unlike the ADD of expressions) a list.
	 * @param attributeUpdates the attribute updates object
	 * @return the update
	 * @throws ApiException a ValidationException for an unknown action, a missing value, or a value type the
	 * action does not support
	 */
	public static Update attributeUpdates(JsonNode attributeUpdates) {
		List<UpdateAction> actions = new ArrayList<>();
		for (Map.Entry<String, JsonNode> entry : attributeUpdates.properties()) {
			DocumentPath path = DocumentPath.of(entry.getKey());
			JsonNode spec = entry.getValue();
			JsonNode actionNode = field(spec, "Action");
			String action = (actionNode != null) ? actionNode.asText() : "PUT";
			JsonNode valueNode = field(spec, "Value");
			AttributeValue value = (valueNode != null) ? AttributeValueJson.read(valueNode) : null;
			switch (action) {
				case "PUT":
					if (value == null) {
						throw ApiException.validation(
								INVALID + "Only DELETE action is allowed when no attribute value is specified");
					}
					actions.add(new UpdateAction(UpdateAction.Kind.SET, path, new Operand.Constant(value)));
					break;
				case "DELETE":
					if (value == null) {
						actions.add(new UpdateAction(UpdateAction.Kind.REMOVE, path, null));
					}
					else {
						if (!value.type().isSet()) {
							throw ApiException.validation(INVALID
									+ "DELETE action with value is not supported for the type " + value.type());
						}
						actions.add(new UpdateAction(UpdateAction.Kind.LEGACY_DELETE, path, new Operand.Constant(value)));
					}
					break;
				case "ADD":
					if (value == null) {
						throw ApiException.validation(
								INVALID + "Only DELETE action is allowed when no attribute value is specified");
					}
					if (!(value.type() == AttributeType.N || value.type() == AttributeType.L || value.type().isSet())) {
						throw ApiException.validation(INVALID + "ADD action is not supported for the type " + value.type());
					}
					actions.add(new UpdateAction(UpdateAction.Kind.LEGACY_ADD, path, new Operand.Constant(value)));
					break;
				default:
					throw ApiException.validation("1 validation error detected: Value '" + action + "' at 'attributeUpdates."
							+ entry.getKey() + ".member.action' failed to satisfy constraint: Member must satisfy enum value set: [ADD, PUT, DELETE]");
			}
		}
		return new Update(actions);
	}

	/**
	 * Converts {@code AttributesToGet}, a list of top-level attribute names.
	 * @param attributesToGet the array of names
	 * @return the projection
	 * @throws ApiException a ValidationException for an empty list or a name given twice
	 */
	public static Projection attributesToGet(JsonNode attributesToGet) {
		if (!attributesToGet.isArray()) {
			throw ApiException.serialization("Unexpected value type in payload");
		}
		if (attributesToGet.isEmpty()) {
			throw ApiException.validation("1 validation error detected: Value '[]' at 'attributesToGet' failed to satisfy constraint: Member must have length greater than or equal to 1");
		}
		List<DocumentPath> paths = new ArrayList<>(attributesToGet.size());
		Set<String> seen = new HashSet<>();
		for (JsonNode node : attributesToGet) {
			String name = node.asText();
			if (!seen.add(name)) {
				throw ApiException.validation(INVALID + "Duplicate value in attribute name: " + name);
			}
			paths.add(DocumentPath.of(name));
		}
		return new Projection(paths);
	}

	/**
	 * Rejects a request that mixes legacy and expression parameters, as DynamoDB does.
	 * @param legacy the names of the legacy parameters present, e.g. {@code AttributesToGet}
	 * @param expressions the names of the expression parameters present, e.g. {@code ProjectionExpression}
	 * @throws ApiException a ValidationException naming both kinds when both are present
	 */
	public static void rejectMixed(Collection<String> legacy, Collection<String> expressions) {
		if (!legacy.isEmpty() && !expressions.isEmpty()) {
			throw ApiException.validation(
					"Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {"
							+ String.join(", ", legacy) + "} Expression parameters: {" + String.join(", ", expressions) + "}");
		}
	}

	// ---- helpers

	private static boolean or(String conditionalOperator) {
		if (conditionalOperator == null || conditionalOperator.equals("AND")) {
			return false;
		}
		if (conditionalOperator.equals("OR")) {
			return true;
		}
		throw ApiException.validation("1 validation error detected: Value '" + conditionalOperator
				+ "' at 'conditionalOperator' failed to satisfy constraint: Member must satisfy enum value set: [OR, AND]");
	}

	private static Condition combine(List<Condition> conditions, boolean or) {
		if (conditions.isEmpty()) {
			return Condition.always();
		}
		Condition result = conditions.get(0);
		for (int i = 1; i < conditions.size(); i++) {
			result = or ? new Conditions.Or(result, conditions.get(i)) : new Conditions.And(result, conditions.get(i));
		}
		return result;
	}

	private static JsonNode field(JsonNode spec, String name) {
		if (!spec.isObject()) {
			throw ApiException.serialization("Unexpected value type in payload");
		}
		JsonNode node = spec.get(name);
		return (node == null || node.isNull()) ? null : node;
	}

	private static ComparisonOperator operator(JsonNode node, String parameter) {
		String text = node.asText();
		try {
			return ComparisonOperator.valueOf(text);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.validation("1 validation error detected: Value '" + text + "' at '" + parameter
					+ ".member.comparisonOperator' failed to satisfy constraint: Member must satisfy enum value set: "
					+ "[IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]");
		}
	}

	private static List<AttributeValue> values(JsonNode list) {
		if (!list.isArray()) {
			throw ApiException.serialization("Unexpected value type in payload");
		}
		List<AttributeValue> values = new ArrayList<>(list.size());
		for (JsonNode node : list) {
			values.add(AttributeValueJson.read(node));
		}
		return values;
	}

	private static Condition comparison(String name, ComparisonOperator operator, List<AttributeValue> operands) {
		checkOperands(operator, operands);
		DocumentPath path = DocumentPath.of(name);
		List<AttributeValue> copy = List.copyOf(operands);
		return (item) -> operator.test(path.get(item), copy);
	}

	private static void checkOperands(ComparisonOperator operator, List<AttributeValue> operands) {
		if (!operator.acceptsOperandCount(operands.size())) {
			throw ApiException.validation(
					INVALID + "Invalid number of argument(s) for the " + operator + " ComparisonOperator");
		}
		for (AttributeValue operand : operands) {
			AttributeType type = operand.type();
			boolean valid;
			switch (operator) {
				case EQ:
				case NE:
					valid = true;
					break;
				case BEGINS_WITH:
					valid = type == AttributeType.S || type == AttributeType.B;
					break;
				default:
					valid = type.isKeyType();
			}
			if (!valid) {
				throw ApiException.validation(
						INVALID + "ComparisonOperator " + operator + " is not valid for " + type + " AttributeValue type");
			}
		}
		if ((operator == ComparisonOperator.BETWEEN || operator == ComparisonOperator.IN) && operands.size() > 1) {
			AttributeType first = operands.get(0).type();
			for (AttributeValue operand : operands) {
				if (operand.type() != first) {
					throw ApiException.validation(
							INVALID + "AttributeValues inside AttributeValueList must be of same type");
				}
			}
		}
		if (operator == ComparisonOperator.BETWEEN
				&& ValueComparisons.compare(operands.get(0), operands.get(1)) > 0) {
			throw ApiException.validation(INVALID
					+ "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: "
					+ operands.get(0) + ", upper bound operand: AttributeValue: " + operands.get(1));
		}
	}

}
