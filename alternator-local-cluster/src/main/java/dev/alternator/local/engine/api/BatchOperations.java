package dev.alternator.local.engine.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alternator.local.engine.ApiException;
import dev.alternator.local.engine.table.PrimaryKey;
import dev.alternator.local.engine.table.StoredItem;
import dev.alternator.local.engine.table.Table;
import dev.alternator.local.engine.table.TableCatalog;
import dev.alternator.local.engine.value.AttributeValue;

/**
 * BatchGetItem and BatchWriteItem. Every request is served whole: UnprocessedKeys and UnprocessedItems are
 * always empty. Each write in a batch is atomic on its own item; the batch as a whole is not a transaction.
 */
public final class BatchOperations {

	/** DynamoDB's and Alternator's limit on the keys of one BatchGetItem. */
	static final int MAX_BATCH_GET_KEYS = 100;

	/** Alternator's default limit on the writes of one BatchWriteItem (DynamoDB allows 25). */
	static final int MAX_BATCH_WRITES = 100;

	private final TableCatalog catalog;

	/**
	 * Creates the operations on a catalogue.
	 * @param catalog the tables
	 */
	public BatchOperations(TableCatalog catalog) {
		this.catalog = catalog;
	}

	/**
	 * BatchGetItem.
	 * @param request the request
	 * @return the response
	 */
	public byte[] batchGetItem(JsonNode request) {
		JsonNode requestItems = requestItems(request);
		List<TableRead> reads = new ArrayList<>();
		int total = 0;
		Iterator<Map.Entry<String, JsonNode>> tables = requestItems.fields();
		while (tables.hasNext()) {
			Map.Entry<String, JsonNode> entry = tables.next();
			Table table = Requests.table(this.catalog, entry.getKey());
			JsonNode tableRequest = entry.getValue();
			if (!tableRequest.isObject()) {
				throw ApiException.serialization("RequestItems values must be objects");
			}
			JsonNode keys = Requests.optionalArray(tableRequest, "Keys");
			if (keys == null || keys.isEmpty()) {
				throw ApiException.validation("1 validation error detected: Value at 'requestItems." + entry.getKey()
						+ ".member.keys' failed to satisfy constraint: Member must have length greater than or equal "
						+ "to 1");
			}
			Requests.optionalBoolean(tableRequest, "ConsistentRead", false);
			RequestExpressions expressions = RequestExpressions.of(tableRequest);
			UnaryOperator<Map<String, AttributeValue>> projection = expressions.projection();
			expressions.checkAllUsed();
			List<PrimaryKey> primaryKeys = new ArrayList<>(keys.size());
			Set<PrimaryKey> seen = new HashSet<>();
			for (JsonNode key : keys) {
				if (!key.isObject()) {
					throw ApiException.serialization("Keys entries must be maps of attribute values");
				}
				PrimaryKey primaryKey = ItemCodec.key(table.definition().key(),
						dev.alternator.local.engine.value.AttributeValueJson.readItem(key));
				if (!seen.add(primaryKey)) {
					throw ApiException.validation("Provided list of item keys contains duplicates");
				}
				primaryKeys.add(primaryKey);
			}
			total += primaryKeys.size();
			reads.add(new TableRead(entry.getKey(), table, primaryKeys, projection));
		}
		if (total > MAX_BATCH_GET_KEYS) {
			throw ApiException.validation("Too many items requested for the BatchGetItem call");
		}
		return Json.write(256, (generator) -> {
			generator.writeObjectFieldStart("Responses");
			for (TableRead read : reads) {
				generator.writeArrayFieldStart(read.name());
				for (PrimaryKey key : read.keys()) {
					StoredItem item = read.table().get(key);
					if (item == null) {
						continue;
					}
					if (read.projection() == null) {
						Json.writeRaw(generator, item.json());
					}
					else {
						dev.alternator.local.engine.value.AttributeValueJson.writeItem(generator,
								read.projection().apply(ItemCodec.load(item)));
					}
				}
				generator.writeEndArray();
			}
			generator.writeEndObject();
			generator.writeObjectFieldStart("UnprocessedKeys");
			generator.writeEndObject();
		});
	}

	/**
	 * BatchWriteItem.
	 * @param request the request
	 * @return the response
	 */
	public byte[] batchWriteItem(JsonNode request) {
		JsonNode requestItems = requestItems(request);
		List<Write> writes = new ArrayList<>();
		Iterator<Map.Entry<String, JsonNode>> tables = requestItems.fields();
		while (tables.hasNext()) {
			Map.Entry<String, JsonNode> entry = tables.next();
			Table table = Requests.table(this.catalog, entry.getKey());
			JsonNode requests = entry.getValue();
			if (!requests.isArray()) {
				throw ApiException.serialization("RequestItems values must be lists of write requests");
			}
			if (requests.isEmpty()) {
				throw ApiException.validation("1 validation error detected: Value at 'requestItems." + entry.getKey()
						+ "' failed to satisfy constraint: Member must have length greater than or equal to 1");
			}
			Set<PrimaryKey> seen = new HashSet<>();
			for (JsonNode writeRequest : requests) {
				JsonNode put = Requests.optionalObject(writeRequest, "PutRequest");
				JsonNode delete = Requests.optionalObject(writeRequest, "DeleteRequest");
				if ((put == null) == (delete == null)) {
					throw ApiException.validation("Supplied AttributeValue has more than one datatypes set, must "
							+ "contain exactly one of the supported datatypes: a write request needs exactly one of "
							+ "PutRequest and DeleteRequest");
				}
				Write write;
				if (put != null) {
					Map<String, AttributeValue> item = ItemCodec.item(put, "Item");
					if (item == null) {
						throw ApiException.validation("PutRequest is missing its Item");
					}
					PrimaryKey key = ItemCodec.keyOfItem(table.definition().key(), item);
					ItemOperations.checkIndexKeys(table.definition(), item);
					write = new Write(table, key, ItemCodec.store(item));
				}
				else {
					PrimaryKey key = ItemCodec.key(table.definition().key(), ItemCodec.item(delete, "Key"));
					write = new Write(table, key, null);
				}
				if (!seen.add(write.key())) {
					throw ApiException.validation("Provided list of item keys contains duplicates");
				}
				writes.add(write);
			}
		}
		if (writes.size() > MAX_BATCH_WRITES) {
			throw ApiException.validation("Too many items requested for the BatchWriteItem call: " + writes.size()
					+ ", the maximum is " + MAX_BATCH_WRITES);
		}
		// Validation is complete before the first write: a bad request writes nothing.
		for (Write write : writes) {
			ReentrantLock lock = write.table().lockFor(write.key());
			lock.lock();
			try {
				write.table().write(write.key(), write.item());
			}
			finally {
				lock.unlock();
			}
		}
		return Json.write(32, (generator) -> {
			generator.writeObjectFieldStart("UnprocessedItems");
			generator.writeEndObject();
		});
	}

	private static JsonNode requestItems(JsonNode request) {
		JsonNode requestItems = Requests.optionalObject(request, "RequestItems");
		if (requestItems == null || requestItems.isEmpty()) {
			throw ApiException.validation("1 validation error detected: Value null at 'requestItems' failed to "
					+ "satisfy constraint: Member must have length greater than or equal to 1");
		}
		return requestItems;
	}

	private record TableRead(String name, Table table, List<PrimaryKey> keys,
			UnaryOperator<Map<String, AttributeValue>> projection) {
	}

	private record Write(Table table, PrimaryKey key, StoredItem item) {
	}

}
