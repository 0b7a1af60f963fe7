package dev.alternator.local.engine.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alternator.local.engine.ApiException;
import dev.alternator.local.engine.table.IndexDefinition;
import dev.alternator.local.engine.table.IndexKind;
import dev.alternator.local.engine.table.KeyAttribute;
import dev.alternator.local.engine.table.KeyExtractor;
import dev.alternator.local.engine.table.KeySchema;
import dev.alternator.local.engine.table.KeyType;
import dev.alternator.local.engine.table.ProjectionType;
import dev.alternator.local.engine.table.Table;
import dev.alternator.local.engine.table.TableCatalog;
import dev.alternator.local.engine.table.TableDefinition;

/**
 * CreateTable, DescribeTable, ListTables, DeleteTable and UpdateTable.
 * <p>
 * As in Alternator, billing mode and provisioned throughput are accepted and only described back; tags and the
 * stream specification are kept; a new table is ACTIVE at once.
 */
public final class TableOperations {

	private static final int MAX_LIST_TABLES_LIMIT = 100;

	private final TableCatalog catalog;

	private final KeyExtractor keys;

	private final Streams streams;

	/**
	 * Creates the operations on a catalogue.
	 * @param catalog the tables
	 * @param keys reads keys out of stored items, for indexes
	 */
	public TableOperations(TableCatalog catalog, KeyExtractor keys) {
		this(catalog, keys, new Streams(catalog, dev.alternator.local.engine.EngineOptions.DEFAULT_STREAM_RETENTION));
	}

	TableOperations(TableCatalog catalog, KeyExtractor keys, Streams streams) {
		this.catalog = catalog;
		this.keys = keys;
		this.streams = streams;
	}

	/**
	 * CreateTable.
	 * @param request the request
	 * @return the response
	 */
	public byte[] createTable(JsonNode request) {
		String name = Requests.tableName(request);
		Requests.validateTableName(name);
		Map<String, KeyType> definitions = attributeDefinitions(request.get("AttributeDefinitions"));
		KeySchema key = keySchema(request.get("KeySchema"), definitions, "KeySchema");
		Set<String> used = new HashSet<>();
		used.add(key.hash().name());
		if (key.range() != null) {
			used.add(key.range().name());
		}
		Map<String, IndexDefinition> indexes = new LinkedHashMap<>();
		JsonNode globals = Requests.optionalArray(request, "GlobalSecondaryIndexes");
		if (globals != null) {
			if (globals.isEmpty()) {
				throw ApiException.validation("GlobalSecondaryIndexes must not be empty");
			}
			for (JsonNode index : globals) {
				addIndex(indexes, index(name, index, IndexKind.GLOBAL, definitions, key), used);
			}
		}
		JsonNode locals = Requests.optionalArray(request, "LocalSecondaryIndexes");
		if (locals != null) {
			if (locals.isEmpty()) {
				throw ApiException.validation("LocalSecondaryIndexes must not be empty");
			}
			for (JsonNode index : locals) {
				addIndex(indexes, index(name, index, IndexKind.LOCAL, definitions, key), used);
			}
		}
		for (String attribute : definitions.keySet()) {
			if (!used.contains(attribute)) {
				throw ApiException.validation("One or more parameter values were invalid: Some AttributeDefinitions "
						+ "are not used. AttributeDefinitions: " + definitions.keySet() + ", keys used: " + used);
			}
		}
		TableDefinition.Settings settings = settings(request, null);
		TableDefinition definition = new TableDefinition(name, UUID.randomUUID(), Instant.now(), key, definitions,
				indexes, settings);
		Table table = new Table(definition, this.keys);
		if (!this.catalog.add(table)) {
			throw ApiException.resourceInUse("Table " + name + " already exists");
		}
		if (settings.streamEnabled()) {
			this.streams.enable(table, settings.streamViewType());
		}
		ObjectNode response = Json.object();
		response.set("TableDescription", TableDescriptions.describe(table, "ACTIVE"));
		return Json.bytes(response);
	}

	/**
	 * DescribeTable.
	 * @param request the request
	 * @return the response
	 */
	public byte[] describeTable(JsonNode request) {
		Table table = Requests.table(this.catalog, request);
		ObjectNode response = Json.object();
		response.set("Table", TableDescriptions.describe(table, "ACTIVE"));
		return Json.bytes(response);
	}

	/**
	 * DeleteTable.
	 * @param request the request
	 * @return the response
	 */
	public byte[] deleteTable(JsonNode request) {
		String name = Requests.tableName(request);
		Table table = this.catalog.remove(name);
		if (table == null) {
			throw ApiException.resourceNotFound("Requested resource not found: Table: " + name + " not found");
		}
		this.streams.tableDeleted(table);
		ObjectNode response = Json.object();
		response.set("TableDescription", TableDescriptions.describe(table, "DELETING"));
		return Json.bytes(response);
	}

	/**
	 * ListTables.
	 * @param request the request
	 * @return the response
	 */
	public byte[] listTables(JsonNode request) {
		Integer limit = Requests.optionalInt(request, "Limit");
		if (limit != null && (limit < 1 || limit > MAX_LIST_TABLES_LIMIT)) {
			throw ApiException.validation("Limit must be greater than 0 and no greater than 100");
		}
		int max = (limit != null) ? limit : MAX_LIST_TABLES_LIMIT;
		String start = Requests.optionalString(request, "ExclusiveStartTableName");
		List<String> names = this.catalog.names(start, max);
		ObjectNode response = Json.object();
		ArrayNode array = response.putArray("TableNames");
		names.forEach(array::add);
		if (names.size() == max && this.catalog.hasAfter(names.get(names.size() - 1))) {
			response.put("LastEvaluatedTableName", names.get(names.size() - 1));
		}
		return Json.bytes(response);
	}

	/**
	 * UpdateTable: adds or deletes global secondary indexes, changes settings.
	 * @param request the request
	 * @return the response
	 */
	public byte[] updateTable(JsonNode request) {
		Table table = Requests.table(this.catalog, request);
		TableDefinition definition = table.definition();
		JsonNode updates = Requests.optionalArray(request, "GlobalSecondaryIndexUpdates");
		JsonNode newDefinitions = request.get("AttributeDefinitions");
		boolean changed = false;
		if (updates != null) {
			Map<String, KeyType> definitions = new LinkedHashMap<>(definition.attributeDefinitions());
			if (newDefinitions != null && !newDefinitions.isNull()) {
				attributeDefinitions(newDefinitions).forEach((attribute, type) -> {
					KeyType existing = definitions.get(attribute);
					if (existing != null && existing != type) {
						throw ApiException.validation("AttributeDefinitions redefined " + attribute + " to " + type
								+ " while it is already " + existing);
					}
					definitions.put(attribute, type);
				});
			}
			if (updates.size() != 1) {
				throw ApiException.validation("GlobalSecondaryIndexUpdates must contain exactly one update");
			}
			JsonNode update = updates.get(0);
			JsonNode create = Requests.optionalObject(update, "Create");
			JsonNode delete = Requests.optionalObject(update, "Delete");
			if (create != null) {
				IndexDefinition index = index(definition.name(), create, IndexKind.GLOBAL, definitions,
						definition.key());
				if (definition.indexes().containsKey(index.name())) {
					throw ApiException.validation("GSI " + index.name() + " already exists in table "
							+ definition.name());
				}
				Map<String, IndexDefinition> indexes = new LinkedHashMap<>(definition.indexes());
				indexes.put(index.name(), index);
				table.addIndex(index, definition.withIndexes(usedDefinitions(definitions, definition.key(),
						indexes), indexes));
				changed = true;
			}
			else if (delete != null) {
				String indexName = Requests.optionalString(delete, "IndexName");
				IndexDefinition existing = (indexName != null) ? definition.indexes().get(indexName) : null;
				if (existing == null || existing.kind() != IndexKind.GLOBAL) {
					throw ApiException.resourceNotFound("Requested resource not found: Index " + indexName
							+ " not found in table " + definition.name());
				}
				Map<String, IndexDefinition> indexes = new LinkedHashMap<>(definition.indexes());
				indexes.remove(indexName);
				table.removeIndex(indexName, definition.withIndexes(usedDefinitions(definitions, definition.key(),
						indexes), indexes));
				changed = true;
			}
			else if (update.has("Update")) {
				// Only throughput can be updated on an index: Alternator ignores it.
				changed = true;
			}
			else {
				throw ApiException.validation("GlobalSecondaryIndexUpdates entry must have Create, Update or Delete");
			}
		}
		if (request.has("BillingMode") || request.has("ProvisionedThroughput") || request.has("StreamSpecification")) {
			synchronized (table) {
				TableDefinition.Settings previous = table.definition().settings();
				TableDefinition.Settings settings = settings(request, previous);
				if (request.has("StreamSpecification")) {
					updateStream(table, previous, settings);
				}
				table.redefine(table.definition().withSettings(settings));
			}
			changed = true;
		}
		if (!changed) {
			throw ApiException.validation("UpdateTable requires one of GlobalSecondaryIndexUpdates, "
					+ "StreamSpecification, BillingMode or ProvisionedThroughput to be specified");
		}
		ObjectNode response = Json.object();
		response.set("TableDescription", TableDescriptions.describe(table, "ACTIVE"));
		return Json.bytes(response);
	}

	/**
	 * TagResource: adds or replaces tags of a table named by its ARN.
	 * @param request the request
	 * @return the response
	 */
	public byte[] tagResource(JsonNode request) {
		Table table = tableByArn(request);
		JsonNode tags = request.get("Tags");
		if (tags == null || !tags.isArray()) {
			throw ApiException.validation("Cannot parse tags");
		}
		if (tags.isEmpty()) {
			throw ApiException.validation("The number of tags must be at least 1");
		}
		synchronized (table) {
			TableDefinition.Settings settings = table.definition().settings();
			Map<String, String> updated = new LinkedHashMap<>(settings.tags());
			for (JsonNode tag : tags) {
				String key = Requests.optionalString(tag, "Key");
				String value = Requests.optionalString(tag, "Value");
				if (key == null || value == null) {
					throw ApiException.validation("Tags entries must have a Key and a Value");
				}
				updated.put(key, value);
			}
			WriteIsolation.validate(updated);
			table.redefine(table.definition().withSettings(withTags(settings, updated)));
		}
		return Json.EMPTY_OBJECT;
	}

	/**
	 * UntagResource: removes tags of a table named by its ARN.
	 * @param request the request
	 * @return the response
	 */
	public byte[] untagResource(JsonNode request) {
		Table table = tableByArn(request);
		JsonNode keys = request.get("TagKeys");
		if (keys == null || !keys.isArray()) {
			throw ApiException.validation("Cannot parse tag keys");
		}
		synchronized (table) {
			TableDefinition.Settings settings = table.definition().settings();
			Map<String, String> updated = new LinkedHashMap<>(settings.tags());
			keys.forEach((key) -> updated.remove(key.asText()));
			WriteIsolation.validate(updated);
			table.redefine(table.definition().withSettings(withTags(settings, updated)));
		}
		return Json.EMPTY_OBJECT;
	}

	/**
	 * ListTagsOfResource: the tags of a table named by its ARN.
	 * @param request the request
	 * @return the response
	 */
	public byte[] listTagsOfResource(JsonNode request) {
		Table table = tableByArn(request);
		ObjectNode response = Json.object();
		ArrayNode tags = response.putArray("Tags");
		// As Alternator: every tag in one answer (no NextToken), ordered by key.
		new java.util.TreeMap<>(table.definition().settings().tags())
			.forEach((key, value) -> tags.addObject().put("Key", key).put("Value", value));
		return Json.bytes(response);
	}

	private void updateStream(Table table, TableDefinition.Settings previous, TableDefinition.Settings settings) {
		if (settings.streamEnabled() && previous.streamEnabled()) {
			throw ApiException.validation("Table already has an enabled stream: TableName: "
					+ table.definition().name());
		}
		if (!settings.streamEnabled() && !previous.streamEnabled()) {
			throw ApiException.validation("Table has no stream to disable: TableName: "
					+ table.definition().name());
		}
		if (settings.streamEnabled()) {
			this.streams.enable(table, settings.streamViewType());
		}
		else {
			this.streams.disable(table);
		}
	}

	private Table tableByArn(JsonNode request) {
		JsonNode arnNode = request.get("ResourceArn");
		if (arnNode == null || !arnNode.isTextual()) {
			throw incorrectResource();
		}
		String arn = arnNode.textValue();
		int at = arn.lastIndexOf(":table/");
		if (at < 0) {
			throw incorrectResource();
		}
		String name = arn.substring(at + ":table/".length());
		int slash = name.indexOf('/');
		return Requests.table(this.catalog, (slash < 0) ? name : name.substring(0, slash));
	}

	// Alternator answers a missing or malformed ARN so, not with a ValidationException.
	private static ApiException incorrectResource() {
		return new ApiException("AccessDeniedException", "Incorrect resource identifier", ApiException.BAD_REQUEST,
				null);
	}

	private static TableDefinition.Settings withTags(TableDefinition.Settings settings, Map<String, String> tags) {
		return new TableDefinition.Settings(settings.billingMode(), settings.readCapacityUnits(),
				settings.writeCapacityUnits(), settings.streamEnabled(), settings.streamViewType(), tags);
	}

	private static Map<String, KeyType> usedDefinitions(Map<String, KeyType> definitions, KeySchema key,
			Map<String, IndexDefinition> indexes) {
		Map<String, KeyType> used = new LinkedHashMap<>();
		definitions.forEach((name, type) -> {
			boolean inUse = key.contains(name)
					|| indexes.values().stream().anyMatch((index) -> index.key().contains(name));
			if (inUse) {
				used.put(name, type);
			}
		});
		return used;
	}

	private static void addIndex(Map<String, IndexDefinition> indexes, IndexDefinition index, Set<String> used) {
		if (indexes.putIfAbsent(index.name(), index) != null) {
			throw ApiException.validation("Duplicate index name: " + index.name());
		}
		used.add(index.key().hash().name());
		if (index.key().range() != null) {
			used.add(index.key().range().name());
		}
	}

	private static Map<String, KeyType> attributeDefinitions(JsonNode array) {
		if (array == null || array.isNull()) {
			throw ApiException.validation("Missing AttributeDefinitions field in request");
		}
		if (!array.isArray()) {
			throw ApiException.serialization("AttributeDefinitions must be a list");
		}
		Map<String, KeyType> definitions = new LinkedHashMap<>();
		for (JsonNode definition : array) {
			if (!definition.isObject()) {
				throw ApiException.serialization("AttributeDefinitions entries must be objects");
			}
			String name = Requests.optionalString(definition, "AttributeName");
			String typeName = Requests.optionalString(definition, "AttributeType");
			if (name == null || typeName == null) {
				throw ApiException.validation("AttributeDefinitions entries must have AttributeName and AttributeType");
			}
			KeyType type = KeyType.of(typeName);
			if (type == null) {
				throw ApiException.validation("1 validation error detected: Value '" + typeName
						+ "' at 'attributeDefinitions.member.attributeType' failed to satisfy constraint: "
						+ "Member must satisfy enum value set: [B, N, S]");
			}
			if (definitions.put(name, type) != null) {
				throw ApiException.validation("Duplicate AttributeDefinitions entry for attribute " + name);
			}
		}
		return definitions;
	}

	private static KeySchema keySchema(JsonNode array, Map<String, KeyType> definitions, String where) {
		if (array == null || array.isNull()) {
			throw ApiException.validation("Missing " + where + " field in request");
		}
		if (!array.isArray()) {
			throw ApiException.serialization(where + " must be a list");
		}
		if (array.size() < 1 || array.size() > 2) {
			throw ApiException.validation(where + " must have 1 or 2 entries: one HASH key and optionally one "
					+ "RANGE key");
		}
		KeyAttribute hash = null;
		KeyAttribute range = null;
		for (int i = 0; i < array.size(); i++) {
			JsonNode element = array.get(i);
			String name = Requests.optionalString(element, "AttributeName");
			String keyType = Requests.optionalString(element, "KeyType");
			if (name == null || keyType == null) {
				throw ApiException.validation(where + " entries must have AttributeName and KeyType");
			}
			KeyType type = definitions.get(name);
			if (type == null) {
				throw ApiException.validation("One or more parameter values were invalid: Some index key "
						+ "attributes are not defined in AttributeDefinitions. Keys: [" + name
						+ "], AttributeDefinitions: " + definitions.keySet());
			}
			if ("HASH".equals(keyType) && i == 0) {
				hash = new KeyAttribute(name, type);
			}
			else if ("RANGE".equals(keyType) && i == 1) {
				if (name.equals(hash.name())) {
					throw ApiException.validation("Invalid " + where + ": The hash key and range key must be "
							+ "different attributes");
				}
				range = new KeyAttribute(name, type);
			}
			else if (!"HASH".equals(keyType) && !"RANGE".equals(keyType)) {
				throw ApiException.validation("1 validation error detected: Value '" + keyType
						+ "' at 'keySchema.member.keyType' failed to satisfy constraint: Member must satisfy enum "
						+ "value set: [HASH, RANGE]");
			}
			else {
				throw ApiException.validation("Invalid " + where + ": The first KeySchemaElement must be a HASH "
						+ "key, and the second (if any) a RANGE key");
			}
		}
		return new KeySchema(hash, range);
	}

	private static IndexDefinition index(String tableName, JsonNode node, IndexKind kind,
			Map<String, KeyType> definitions, KeySchema tableKey) {
		if (!node.isObject()) {
			throw ApiException.serialization("Index definitions must be objects");
		}
		String what = (kind == IndexKind.GLOBAL) ? "GlobalSecondaryIndexes" : "LocalSecondaryIndexes";
		String name = Requests.optionalString(node, "IndexName");
		if (name == null) {
			throw ApiException.validation(what + " entries must have an IndexName");
		}
		if (name.length() < 3 || !Requests.validNameCharacters(name)) {
			throw ApiException.validation("IndexName must be at least 3 characters long and match the regular "
					+ "expression pattern: [a-zA-Z0-9_.-]+ (got '" + name + "')");
		}
		if (tableName.length() + 1 + name.length() > Requests.MAX_TABLE_NAME_LENGTH) {
			throw ApiException.validation("The table name and index name together are too long: "
					+ (tableName.length() + 1 + name.length()) + " characters, at most "
					+ Requests.MAX_TABLE_NAME_LENGTH);
		}
		KeySchema key = keySchema(node.get("KeySchema"), definitions, what + " KeySchema");
		if (kind == IndexKind.LOCAL) {
			if (tableKey.range() == null) {
				throw ApiException.validation("One or more parameter values were invalid: Table KeySchema does not "
						+ "have a range key, which is required when specifying a LocalSecondaryIndex");
			}
			if (!key.hash().equals(tableKey.hash())) {
				throw ApiException.validation("One or more parameter values were invalid: Index KeySchema does not "
						+ "have the same leading hash key as table KeySchema for index: " + name);
			}
			if (key.range() == null) {
				throw ApiException.validation("One or more parameter values were invalid: Index KeySchema must "
						+ "have a range key for a LocalSecondaryIndex: " + name);
			}
		}
		JsonNode projection = node.get("Projection");
		if (projection == null || !projection.isObject()) {
			throw ApiException.validation(what + " entries must have a Projection");
		}
		String typeName = Requests.optionalString(projection, "ProjectionType");
		ProjectionType type = ProjectionType.ALL;
		if (typeName != null) {
			try {
				type = ProjectionType.valueOf(typeName);
			}
			catch (IllegalArgumentException ex) {
				throw ApiException.validation("1 validation error detected: Value '" + typeName
						+ "' at 'projection.projectionType' failed to satisfy constraint: Member must satisfy enum "
						+ "value set: [ALL, INCLUDE, KEYS_ONLY]");
			}
		}
		List<String> nonKey = new ArrayList<>();
		JsonNode nonKeyNode = Requests.optionalArray(projection, "NonKeyAttributes");
		if (nonKeyNode != null) {
			if (type != ProjectionType.INCLUDE) {
				throw ApiException.validation("One or more parameter values were invalid: ProjectionType is "
						+ type + ", but NonKeyAttributes is specified");
			}
			for (JsonNode attribute : nonKeyNode) {
				if (!attribute.isTextual()) {
					throw ApiException.serialization("NonKeyAttributes must be strings");
				}
				nonKey.add(attribute.textValue());
			}
		}
		else if (type == ProjectionType.INCLUDE) {
			throw ApiException.validation("One or more parameter values were invalid: ProjectionType is INCLUDE, "
					+ "but NonKeyAttributes is not specified");
		}
		return new IndexDefinition(name, kind, key, type, nonKey);
	}

	private static TableDefinition.Settings settings(JsonNode request, TableDefinition.Settings previous) {
		String billingMode = Requests.optionalEnum(request, "BillingMode",
				(previous != null) ? previous.billingMode() : "PROVISIONED", "PROVISIONED", "PAY_PER_REQUEST");
		long read = (previous != null) ? previous.readCapacityUnits() : 0;
		long write = (previous != null) ? previous.writeCapacityUnits() : 0;
		JsonNode throughput = Requests.optionalObject(request, "ProvisionedThroughput");
		if (throughput != null) {
			JsonNode readNode = throughput.get("ReadCapacityUnits");
			JsonNode writeNode = throughput.get("WriteCapacityUnits");
			read = (readNode != null && readNode.canConvertToLong()) ? readNode.longValue() : read;
			write = (writeNode != null && writeNode.canConvertToLong()) ? writeNode.longValue() : write;
		}
		if ("PAY_PER_REQUEST".equals(billingMode)) {
			read = 0;
			write = 0;
		}
		boolean streamEnabled = (previous != null) && previous.streamEnabled();
		String viewType = (previous != null) ? previous.streamViewType() : null;
		JsonNode stream = Requests.optionalObject(request, "StreamSpecification");
		if (stream != null) {
			streamEnabled = Requests.optionalBoolean(stream, "StreamEnabled", false);
			viewType = streamEnabled ? Requests.optionalEnum(stream, "StreamViewType", null, "NEW_IMAGE", "OLD_IMAGE",
					"NEW_AND_OLD_IMAGES", "KEYS_ONLY") : null;
			if (streamEnabled && viewType == null) {
				throw ApiException.validation("StreamSpecification: StreamViewType is required when the stream is "
						+ "enabled");
			}
		}
		Map<String, String> tags = (previous != null) ? previous.tags() : new LinkedHashMap<>();
		JsonNode tagArray = Requests.optionalArray(request, "Tags");
		if (tagArray != null) {
			tags = new LinkedHashMap<>();
			for (JsonNode tag : tagArray) {
				String tagKey = Requests.optionalString(tag, "Key");
				String tagValue = Requests.optionalString(tag, "Value");
				if (tagKey == null || tagValue == null) {
					throw ApiException.validation("Tags entries must have a Key and a Value");
				}
				tags.put(tagKey, tagValue);
			}
			WriteIsolation.validate(tags);
		}
		return new TableDefinition.Settings(billingMode, read, write, streamEnabled, viewType, tags);
	}

}
