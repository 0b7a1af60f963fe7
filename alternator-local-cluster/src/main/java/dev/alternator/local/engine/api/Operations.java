package dev.alternator.local.engine.api;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import dev.alternator.local.engine.EngineOptions;
import dev.alternator.local.engine.table.KeyExtractor;
import dev.alternator.local.engine.table.Table;
import dev.alternator.local.engine.table.TableCatalog;
import dev.alternator.local.engine.table.TableDefinition;

/**
 * The operations an engine answers, by name. An operation Alternator does not implement (transactions,
 * PartiQL, backups, ...) is simply absent, and the engine answers it as Alternator does: an
 * UnknownOperationException.
 */
public final class Operations {

	private Operations() {
	}

	/**
	 * Creates every operation over one new, empty catalogue, with the default options. Background work (TTL
	 * expiry) is never stopped: use {@link #create(EngineOptions, Consumer)} to own it.
	 * @return the operations by name
	 */
	public static Map<String, Operation> create() {
		return create(EngineOptions.defaults(), (resource) -> {
		});
	}

	/**
	 * Creates every operation, with the default options, over a given catalogue, such as one recovered from a
	 * data directory. A TTL expiry thread it starts is never stopped: for tools and tests that enable no TTL.
	 * @param catalog the tables
	 * @return the operations by name
	 */
	public static Map<String, Operation> create(TableCatalog catalog) {
		return create(EngineOptions.defaults(), catalog, (resource) -> {
		});
	}

	/**
	 * Creates every operation over one new, empty catalogue.
	 * @param options how background work runs
	 * @param resources given what must be closed with the engine (the TTL expiry thread)
	 * @return the operations by name
	 */
	public static Map<String, Operation> create(EngineOptions options, Consumer<AutoCloseable> resources) {
		return create(options, new TableCatalog(), resources);
	}

	/**
	 * Creates every operation over a given catalogue, such as one recovered from a data directory: its tables
	 * with a stream get a new, empty one, and TTL expiry starts when any has TTL enabled.
	 * @param options how background work runs
	 * @param catalog the tables
	 * @param resources given what must be closed with the engine (the TTL expiry thread)
	 * @return the operations by name
	 */
	public static Map<String, Operation> create(EngineOptions options, TableCatalog catalog,
			Consumer<AutoCloseable> resources) {
		Map<String, Operation> operations = new HashMap<>();
		Streams streams = new Streams(catalog, options.streamRetention());
		TableOperations tables = new TableOperations(catalog, ItemKeys.INSTANCE, streams);
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
		TimeToLiveExpiry expiry = new TimeToLiveExpiry(catalog, options.ttlScanPeriod());
		resources.accept(expiry);
		TimeToLive timeToLive = new TimeToLive(catalog, expiry);
		operations.put("UpdateTimeToLive", timeToLive::updateTimeToLive);
		operations.put("DescribeTimeToLive", timeToLive::describeTimeToLive);
		for (String name : catalog.names(null, Integer.MAX_VALUE)) {
			Table table = catalog.get(name);
			TableDefinition.Settings settings = table.definition().settings();
			if (settings.streamEnabled()) {
				streams.enable(table, settings.streamViewType());
			}
			if (settings.tags().containsKey(TimeToLive.TAG)) {
				expiry.start();
			}
		}
		// The Streams API shares the endpoint; the engine dispatches on what follows the target's last dot.
		StreamOperations streamOperations = new StreamOperations(catalog, streams);
		operations.put("ListStreams", streamOperations::listStreams);
		operations.put("DescribeStream", streamOperations::describeStream);
		operations.put("GetShardIterator", streamOperations::getShardIterator);
		operations.put("GetRecords", streamOperations::getRecords);
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
