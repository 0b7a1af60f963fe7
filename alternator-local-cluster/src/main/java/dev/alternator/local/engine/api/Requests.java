package dev.alternator.local.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alternator.local.engine.ApiException;
import dev.alternator.local.engine.table.Table;
import dev.alternator.local.engine.table.TableCatalog;

/**
 * Reads the common fields of a request, with the errors Alternator gives for missing or mistyped ones.
 */
final class Requests {

	/** Alternator's longest table name: its keyspace and table names must fit Scylla's 222-character limit. */
	static final int MAX_TABLE_NAME_LENGTH = 222;

	private Requests() {
	}

	static String tableName(JsonNode request) {
		JsonNode name = request.get("TableName");
		if (name == null || name.isNull()) {
			throw ApiException.validation("Missing TableName field in request");
		}
		if (!name.isTextual()) {
			throw ApiException.serialization("TableName must be a string");
		}
		return name.textValue();
	}

	static void validateTableName(String name) {
		if (name.length() < 3 || name.length() > MAX_TABLE_NAME_LENGTH) {
			throw ApiException.validation("TableName must be at least 3 characters long and at most "
					+ MAX_TABLE_NAME_LENGTH + " characters long");
		}
		if (!validNameCharacters(name)) {
			throw ApiException.validation(
					"TableName must satisfy the regular expression pattern: [a-zA-Z0-9_.-]+");
		}
	}

	static boolean validNameCharacters(String name) {
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			boolean valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
					|| c == '.' || c == '-';
			if (!valid) {
				return false;
			}
		}
		return true;
	}

	static Table table(TableCatalog catalog, JsonNode request) {
		return table(catalog, tableName(request));
	}

	static Table table(TableCatalog catalog, String name) {
		Table table = catalog.get(name);
		if (table == null) {
			throw ApiException.resourceNotFound("Requested resource not found: Table: " + name + " not found");
		}
		return table;
	}

	static String optionalString(JsonNode request, String field) {
		JsonNode value = request.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isTextual()) {
			throw ApiException.serialization(field + " must be a string");
		}
		return value.textValue();
	}

	static boolean optionalBoolean(JsonNode request, String field, boolean defaultValue) {
		JsonNode value = request.get(field);
		if (value == null || value.isNull()) {
			return defaultValue;
		}
		if (!value.isBoolean()) {
			throw ApiException.serialization(field + " must be a boolean");
		}
		return value.booleanValue();
	}

	static Integer optionalInt(JsonNode request, String field) {
		JsonNode value = request.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt()) {
			throw ApiException.serialization(field + " must be an integer");
		}
		return value.intValue();
	}

	static JsonNode optionalObject(JsonNode request, String field) {
		JsonNode value = request.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isObject()) {
			throw ApiException.serialization(field + " must be an object");
		}
		return value;
	}

	static JsonNode optionalArray(JsonNode request, String field) {
		JsonNode value = request.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isArray()) {
			throw ApiException.serialization(field + " must be a list");
		}
		return value;
	}

	/**
	 * An enumeration field: one of the allowed values, or the default when absent.
	 */
	static String optionalEnum(JsonNode request, String field, String defaultValue, String... allowed) {
		String value = optionalString(request, field);
		if (value == null) {
			return defaultValue;
		}
		for (String candidate : allowed) {
			if (candidate.equals(value)) {
				return value;
			}
		}
		throw ApiException.validation("1 validation error detected: Value '" + value + "' at '"
				+ Character.toLowerCase(field.charAt(0)) + field.substring(1)
				+ "' failed to satisfy constraint: Member must satisfy enum value set: [" + String.join(", ", allowed)
				+ "]");
	}

}
