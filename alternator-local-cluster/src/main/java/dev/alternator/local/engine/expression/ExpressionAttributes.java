package dev.alternator.local.engine.expression;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.alternator.local.engine.ApiException;
import dev.alternator.local.engine.value.AttributeValue;
import dev.alternator.local.engine.value.AttributeValueJson;

/**
 * The {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues} of one request, shared by all its
 * expressions. Parsing an expression resolves its {@code #name} and {@code :value} references here, failing on
 * undefined ones, and records which were used; after all the request's expressions are parsed,
 * {@link #checkAllUsed()} rejects unused ones, as DynamoDB does.
 * <p>
 * Not thread-safe: one instance per request.
 */
public final class ExpressionAttributes {

	private static final ExpressionAttributes NONE = new ExpressionAttributes(null, null);

	private final Map<String, String> names;

	private final Map<String, AttributeValue> values;

	private final Set<String> usedNames = new HashSet<>();

	private final Set<String> usedValues = new HashSet<>();

	/**
	 * Creates the context of a request.
	 * @param names the {@code ExpressionAttributeNames}, or {@code null} when the request has none
	 * @param values the {@code ExpressionAttributeValues}, or {@code null} when the request has none
	 * @throws ApiException a ValidationException when a map is given but empty, or a key does not start with
	 * {@code #} (names) or {@code :} (values)
	 */
	public ExpressionAttributes(Map<String, String> names, Map<String, AttributeValue> values) {
		if (names != null) {
			if (names.isEmpty()) {
				throw ApiException.validation("ExpressionAttributeNames must not be empty");
			}
			for (String key : names.keySet()) {
				if (!isReference(key, '#')) {
					throw ApiException.validation(
							"ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + key + "\"");
				}
			}
		}
		if (values != null) {
			if (values.isEmpty()) {
				throw ApiException.validation("ExpressionAttributeValues must not be empty");
			}
			for (String key : values.keySet()) {
				if (!isReference(key, ':')) {
					throw ApiException.validation(
							"ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + key + "\"");
				}
			}
		}
		this.names = (names != null) ? names : Collections.emptyMap();
		this.values = (values != null) ? values : Collections.emptyMap();
	}

	/**
	 * Creates the context of a request from its JSON parameters.
	 * @param names the {@code ExpressionAttributeNames} object, or {@code null} when absent
	 * @param values the {@code ExpressionAttributeValues} object, or {@code null} when absent
	 * @return the context
	 * @throws ApiException a SerializationException when a parameter is not an object (or a name not a
	 * string), a ValidationException as {@link #ExpressionAttributes(Map, Map)} and for invalid values
	 */
	public static ExpressionAttributes fromJson(JsonNode names, JsonNode values) {
		Map<String, String> nameMap = null;
		if (names != null && !names.isNull()) {
			if (!names.isObject()) {
				throw ApiException.serialization("Unexpected value type in payload");
			}
			nameMap = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> entry : names.properties()) {
				if (!entry.getValue().isTextual()) {
					throw ApiException.serialization("Unexpected value type in payload");
				}
				nameMap.put(entry.getKey(), entry.getValue().textValue());
			}
		}
		Map<String, AttributeValue> valueMap = null;
		if (values != null && !values.isNull()) {
			valueMap = AttributeValueJson.readItem(values);
		}
		return (nameMap == null && valueMap == null) ? NONE : new ExpressionAttributes(nameMap, valueMap);
	}

	/**
	 * A context without names or values, for requests that have neither. Its {@link #checkAllUsed()} never
	 * fails.
	 * @return the empty context
	 */
	public static ExpressionAttributes none() {
		return NONE;
	}

	private static boolean isReference(String key, char prefix) {
		if (key.length() < 2 || key.charAt(0) != prefix) {
			return false;
		}
		for (int i = 1; i < key.length(); i++) {
			if (!ExpressionLexer.isWordChar(key.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The attribute name a {@code #name} reference stands for; marks the reference used.
	 */
	String name(String reference, ExpressionKind kind) {
		String name = this.names.get(reference);
		if (name == null) {
			throw ApiException.validation(kind.invalid()
					+ "An expression attribute name used in the document path is not defined; attribute name: "
					+ reference);
		}
		if (this != NONE) {
			this.usedNames.add(reference);
		}
		return name;
	}

	/**
	 * The value a {@code :value} reference stands for; marks the reference used.
	 */
	AttributeValue value(String reference, ExpressionKind kind) {
		AttributeValue value = this.values.get(reference);
		if (value == null) {
			throw ApiException.validation(kind.invalid()
					+ "An expression attribute value used in expression is not defined; attribute value: " + reference);
		}
		if (this != NONE) {
			this.usedValues.add(reference);
		}
		return value;
	}

	/**
	 * Rejects names and values that no expression of the request used. Call once, after parsing all the
	 * request's expressions.
	 * @throws ApiException a ValidationException naming the unused keys
	 */
	public void checkAllUsed() {
		if (this.usedNames.size() < this.names.size()) {
			throw ApiException.validation(
					"Value provided in ExpressionAttributeNames unused in expressions: keys: {" + unused(this.names.keySet(), this.usedNames) + "}");
		}
		if (this.usedValues.size() < this.values.size()) {
			throw ApiException.validation(
					"Value provided in ExpressionAttributeValues unused in expressions: keys: {" + unused(this.values.keySet(), this.usedValues) + "}");
		}
	}

	private static String unused(Set<String> all, Set<String> used) {
		Set<String> unused = new LinkedHashSet<>(all);
		unused.removeAll(used);
		return String.join(", ", unused);
	}

}
