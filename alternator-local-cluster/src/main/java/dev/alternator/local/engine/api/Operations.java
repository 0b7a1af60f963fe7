package dev.alternator.local.engine.api;

import java.util.HashMap;
import java.util.Map;

import dev.alternator.local.engine.table.KeyExtractor;
import dev.alternator.local.engine.table.TableCatalog;

/**
 * The operations an engine answers, by name. An operation Alternator does not implement (transactions,
 * PartiQL, backups, ...) is simply absent, and the engine answers it as Alternator does: an
 * UnknownOperationException.
 */
public final class Operations {

	private Operations() {
	}

	/**
	 * Creates every operation over one new, empty catalogue.
	 * @return the operations by name
	 */
	public static Map<String, Operation> create() {
		return create(new TableCatalog());
	}

	/**
	 * Creates every operation over a given catalogue, such as one recovered from a data directory.
	 * @param catalog the tables
	 * @return the operations by name
	 */
	public static Map<String, Operation> create(TableCatalog catalog) {
		Map<String, Operation> operations = new HashMap<>();
		TableOperations tables = new TableOperations(catalog, ItemKeys.INSTANCE);
		operations.put("CreateTable", tables::createTable);
		operations.put("DescribeTable", tables::describeTable);
		operations.put("ListTables", tables::listTables);
		operations.put("DeleteTable", tables::deleteTable);
		operations.put("UpdateTable", tables::updateTable);
		operations.put("TagResource", tables::tagResource);
		operations.put("UntagResource", tables::untagResource);
		operations.put("ListTagsOfResource", tables::listTagsOfResource);
		ItemOperations items = new ItemOperations(catalog);
		operations.put("PutItem", items::putItem);
		operations.put("GetItem", items::getItem);
		operations.put("UpdateItem", items::updateItem);
		operations.put("DeleteItem", items::deleteItem);
		QueryOperations queries = new QueryOperations(catalog);
		operations.put("Query", queries::query);
		operations.put("Scan", queries::scan);
		BatchOperations batches = new BatchOperations(catalog);
		operations.put("BatchGetItem", batches::batchGetItem);
		operations.put("BatchWriteItem", batches::batchWriteItem);
		return Map.copyOf(operations);
	}

	/**
	 * How the operations read keys out of stored items, for a catalogue built outside them.
	 * @return the key extractor
	 */
	public static KeyExtractor keyExtractor() {
		return ItemKeys.INSTANCE;
	}

}
