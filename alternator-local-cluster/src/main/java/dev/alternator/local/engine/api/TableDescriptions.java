package dev.alternator.local.engine.api;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alternator.local.engine.table.IndexDefinition;
import dev.alternator.local.engine.table.IndexKind;
import dev.alternator.local.engine.table.KeySchema;
import dev.alternator.local.engine.table.SecondaryIndex;
import dev.alternator.local.engine.table.Table;
import dev.alternator.local.engine.table.TableDefinition;

/**
 * Writes a table's TableDescription, as DescribeTable, CreateTable, UpdateTable and DeleteTable return it.
 */
final class TableDescriptions {

	private TableDescriptions() {
	}

	static ObjectNode describe(Table table, String status) {
		TableDefinition definition = table.definition();
		ObjectNode description = Json.object();
		ArrayNode attributes = description.putArray("AttributeDefinitions");
		definition.attributeDefinitions().forEach((name, type) -> attributes.addObject()
			.put("AttributeName", name)
			.put("AttributeType", type.name()));
		description.put("TableName", definition.name());
		keySchema(description.putArray("KeySchema"), definition.key());
		description.put("TableStatus", status);
		description.put("CreationDateTime",
				BigDecimal.valueOf(definition.creationTime().toEpochMilli()).movePointLeft(3));
		TableDefinition.Settings settings = definition.settings();
		throughput(description.putObject("ProvisionedThroughput"), settings);
		description.put("TableSizeBytes", table.sizeBytes());
		description.put("ItemCount", table.itemCount());
		description.put("TableArn", definition.arn());
		description.put("TableId", definition.id().toString());
		description.putObject("BillingModeSummary").put("BillingMode", settings.billingMode());
		ArrayNode globals = null;
		ArrayNode locals = null;
		for (IndexDefinition index : definition.indexes().values()) {
			ObjectNode node;
			if (index.kind() == IndexKind.GLOBAL) {
				globals = (globals != null) ? globals : description.putArray("GlobalSecondaryIndexes");
				node = globals.addObject();
			}
			else {
				locals = (locals != null) ? locals : description.putArray("LocalSecondaryIndexes");
				node = locals.addObject();
			}
			node.put("IndexName", index.name());
			keySchema(node.putArray("KeySchema"), index.key());
			ObjectNode projection = node.putObject("Projection").put("ProjectionType", index.projectionType().name());
			if (!index.nonKeyAttributes().isEmpty()) {
				ArrayNode nonKey = projection.putArray("NonKeyAttributes");
				index.nonKeyAttributes().forEach(nonKey::add);
			}
			if (index.kind() == IndexKind.GLOBAL) {
				node.put("IndexStatus", "ACTIVE");
				throughput(node.putObject("ProvisionedThroughput"), settings);
			}
			SecondaryIndex stored = table.index(index.name());
			long count = (stored != null) ? stored.entries().size() : 0;
			node.put("IndexSizeBytes", 0);
			node.put("ItemCount", count);
			node.put("IndexArn", definition.arn() + "/index/" + index.name());
		}
		if (settings.streamEnabled()) {
			description.putObject("StreamSpecification")
				.put("StreamEnabled", true)
				.put("StreamViewType", settings.streamViewType());
			dev.alternator.local.engine.stream.StreamLog stream = Streams.current(table);
			if (stream != null) {
				description.put("LatestStreamLabel", stream.label());
				description.put("LatestStreamArn", stream.arn());
			}
		}
		return description;
	}

	private static void throughput(ObjectNode node, TableDefinition.Settings settings) {
		node.put("NumberOfDecreasesToday", 0);
		node.put("ReadCapacityUnits", settings.readCapacityUnits());
		node.put("WriteCapacityUnits", settings.writeCapacityUnits());
	}

	private static void keySchema(ArrayNode array, KeySchema key) {
		array.addObject().put("AttributeName", key.hash().name()).put("KeyType", "HASH");
		if (key.range() != null) {
			array.addObject().put("AttributeName", key.range().name()).put("KeyType", "RANGE");
		}
	}

}
