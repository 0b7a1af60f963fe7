package dev.alternator.local.engine.persistence;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alternator.local.engine.table.IndexDefinition;
import dev.alternator.local.engine.table.IndexKind;
import dev.alternator.local.engine.table.KeyAttribute;
import dev.alternator.local.engine.table.KeySchema;
import dev.alternator.local.engine.table.KeyType;
import dev.alternator.local.engine.table.ProjectionType;
import dev.alternator.local.engine.table.TableDefinition;

/**
 * A table definition as JSON in the log: readable with any JSON tool, and tolerant of fields added later (an
 * unknown field is ignored, a missing one takes its default).
 */
final class DefinitionJson {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private DefinitionJson() {
	}

	static byte[] write(TableDefinition definition) {
		ObjectNode root = MAPPER.createObjectNode();
		root.put("name", definition.name());
		root.put("id", definition.id().toString());
		root.put("creationTime", definition.creationTime().toString());
		root.set("key", key(definition.key()));
		ObjectNode attributes = root.putObject("attributeDefinitions");
		definition.attributeDefinitions().forEach((name, type) -> attributes.put(name, type.name()));
		ArrayNode indexes = root.putArray("indexes");
		for (IndexDefinition index : definition.indexes().values()) {
			ObjectNode node = indexes.addObject();
			node.put("name", index.name());
			node.put("kind", index.kind().name());
			node.set("key", key(index.key()));
			node.put("projectionType", index.projectionType().name());
			ArrayNode nonKey = node.putArray("nonKeyAttributes");
			index.nonKeyAttributes().forEach(nonKey::add);
		}
		TableDefinition.Settings settings = definition.settings();
		ObjectNode node = root.putObject("settings");
		node.put("billingMode", settings.billingMode());
		node.put("readCapacityUnits", settings.readCapacityUnits());
		node.put("writeCapacityUnits", settings.writeCapacityUnits());
		node.put("streamEnabled", settings.streamEnabled());
		node.put("streamViewType", settings.streamViewType());
		ObjectNode tags = node.putObject("tags");
		settings.tags().forEach(tags::put);
		try {
			return MAPPER.writeValueAsBytes(root);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not write a table definition", ex);
		}
	}

	static TableDefinition read(byte[] json) throws IOException {
		JsonNode root = MAPPER.readTree(json);
		Map<String, KeyType> attributes = new LinkedHashMap<>();
		root.path("attributeDefinitions").fields()
			.forEachRemaining((field) -> attributes.put(field.getKey(), KeyType.valueOf(field.getValue().asText())));
		Map<String, IndexDefinition> indexes = new LinkedHashMap<>();
		for (JsonNode node : root.path("indexes")) {
			List<String> nonKey = new ArrayList<>();
			node.path("nonKeyAttributes").forEach((attribute) -> nonKey.add(attribute.asText()));
			IndexDefinition index = new IndexDefinition(node.path("name").asText(),
					IndexKind.valueOf(node.path("kind").asText()), key(node.path("key")),
					ProjectionType.valueOf(node.path("projectionType").asText()), nonKey);
			indexes.put(index.name(), index);
		}
		JsonNode settingsNode = root.path("settings");
		Map<String, String> tags = new LinkedHashMap<>();
		settingsNode.path("tags").fields()
			.forEachRemaining((field) -> tags.put(field.getKey(), field.getValue().asText()));
		JsonNode viewType = settingsNode.path("streamViewType");
		TableDefinition.Settings settings = new TableDefinition.Settings(
				settingsNode.path("billingMode").asText("PAY_PER_REQUEST"),
				settingsNode.path("readCapacityUnits").asLong(), settingsNode.path("writeCapacityUnits").asLong(),
				settingsNode.path("streamEnabled").asBoolean(), viewType.isTextual() ? viewType.asText() : null, tags);
		return new TableDefinition(root.path("name").asText(), UUID.fromString(root.path("id").asText()),
				Instant.parse(root.path("creationTime").asText()), key(root.path("key")), attributes, indexes,
				settings);
	}

	private static ObjectNode key(KeySchema key) {
		ObjectNode node = MAPPER.createObjectNode();
		node.put("hash", key.hash().name());
		node.put("hashType", key.hash().type().name());
		if (key.range() != null) {
			node.put("range", key.range().name());
			node.put("rangeType", key.range().type().name());
		}
		return node;
	}

	private static KeySchema key(JsonNode node) {
		KeyAttribute hash = new KeyAttribute(node.path("hash").asText(), KeyType.valueOf(node.path("hashType").asText()));
		KeyAttribute range = node.hasNonNull("range")
				? new KeyAttribute(node.path("range").asText(), KeyType.valueOf(node.path("rangeType").asText())) : null;
		return new KeySchema(hash, range);
	}

}
