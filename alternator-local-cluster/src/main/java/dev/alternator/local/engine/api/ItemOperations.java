package dev.alternator.local.engine.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alternator.local.engine.ApiException;
import dev.alternator.local.engine.table.IndexDefinition;
import dev.alternator.local.engine.table.KeyAttribute;
import dev.alternator.local.engine.table.KeySchema;
import dev.alternator.local.engine.table.PrimaryKey;
import dev.alternator.local.engine.table.StoredItem;
import dev.alternator.local.engine.table.Table;
import dev.alternator.local.engine.table.TableCatalog;
import dev.alternator.local.engine.table.TableDefinition;
import dev.alternator.local.engine.value.AttributeValue;

/**
 * PutItem, GetItem, UpdateItem and DeleteItem.
 * <p>
 * A write that must read the item first (a condition, ReturnValues other than NONE, an update) holds the
 * item's lock from the read to the write, so conditional writes to one item never interleave. A GetItem reads
 * without a lock and answers the stored JSON as it is when no projection is asked for.
 */
public final class ItemOperations {

	private static final byte[] ITEM_PREFIX = "{\"Item\":".getBytes(java.nio.charset.StandardCharsets.UTF_8);

	private final TableCatalog catalog;

	/**
	 * Creates the operations on a catalogue.
	 * @param catalog the tables
	 */
	public ItemOperations(TableCatalog catalog) {
		this.catalog = catalog;
	}

	/**
	 * PutItem.
	 * @param request the request
	 * @return the response
	 */
	public byte[] putItem(JsonNode request) {
		Table table = Requests.table(this.catalog, request);
		TableDefinition definition = table.definition();
		Map<String, AttributeValue> item = ItemCodec.item(request, "Item");
		if (item == null) {
			throw ApiException.validation("Missing Item field in request");
		}
		ConditionalWrite write = ConditionalWrite.of(request, definition);
		Predicate<Map<String, AttributeValue>> condition = write.condition();
		PrimaryKey key = ItemCodec.keyOfItem(definition.key(), item);
		checkIndexKeys(definition, item);
		StoredItem stored = ItemCodec.store(item);
		StoredItem old;
		if (condition == null) {
			ReentrantLock lock = table.lockFor(key);
			lock.lock();
			try {
				old = table.write(key, stored);
			}
			finally {
				lock.unlock();
			}
		}
		else {
			ReentrantLock lock = table.lockFor(key);
			lock.lock();
			try {
				old = table.get(key);
				check(condition, old, write.allOldOnFailure());
				table.write(key, stored);
			}
			finally {
				lock.unlock();
			}
		}
		return attributesResponse(write.returnOld() ? old : null);
	}

	/**
	 * GetItem.
	 * @param request the request
	 * @return the response
	 */
	public byte[] getItem(JsonNode request) {
		Table table = Requests.table(this.catalog, request);
		Requests.optionalBoolean(request, "ConsistentRead", false);
		PrimaryKey key = ItemCodec.key(table.definition().key(), ItemCodec.item(request, "Key"));
		RequestExpressions expressions = RequestExpressions.of(request);
		UnaryOperator<Map<String, AttributeValue>> projection = expressions.projection();
		expressions.checkAllUsed();
		StoredItem item = table.get(key);
		if (item == null) {
			return Json.EMPTY_OBJECT;
		}
		if (projection == null) {
			// The stored JSON is the answer's Item as it is: no parsing, one copy.
			byte[] json = item.json();
			byte[] response = new byte[ITEM_PREFIX.length + json.length + 1];
			System.arraycopy(ITEM_PREFIX, 0, response, 0, ITEM_PREFIX.length);
			System.arraycopy(json, 0, response, ITEM_PREFIX.length, json.length);
			response[response.length - 1] = '}';
			return response;
		}
		Map<String, AttributeValue> projected = projection.apply(ItemCodec.load(item));
		return Json.write(item.json().length + 16, (generator) -> ItemCodec.write(generator, "Item", projected));
	}

	/**
	 * DeleteItem.
	 * @param request the request
	 * @return the response
	 */
	public byte[] deleteItem(JsonNode request) {
		Table table = Requests.table(this.catalog, request);
		PrimaryKey key = ItemCodec.key(table.definition().key(), ItemCodec.item(request, "Key"));
		ConditionalWrite write = ConditionalWrite.of(request, table.definition());
		Predicate<Map<String, AttributeValue>> condition = write.condition();
		StoredItem old;
		ReentrantLock lock = table.lockFor(key);
		lock.lock();
		try {
			if (condition != null) {
				check(condition, table.get(key), write.allOldOnFailure());
			}
			old = table.write(key, null);
		}
		finally {
			lock.unlock();
		}
		return attributesResponse(write.returnOld() ? old : null);
	}

	/**
	 * UpdateItem.
	 * @param request the request
	 * @return the response
	 */
	public byte[] updateItem(JsonNode request) {
		Table table = Requests.table(this.catalog, request);
		TableDefinition definition = table.definition();
		Map<String, AttributeValue> keyAttributes = ItemCodec.item(request, "Key");
		PrimaryKey key = ItemCodec.key(definition.key(), keyAttributes);
		String returnValues = returnValues(request, "NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");
		boolean allOldOnFailure = returnValuesOnFailure(request);
		RequestExpressions expressions = RequestExpressions.of(request);
		RequestExpressions.ItemUpdate update = expressions.update();
		Predicate<Map<String, AttributeValue>> condition = expressions.condition();
		expressions.checkAllUsed();
		if (condition != null || !"NONE".equals(returnValues) || (update != null && update.readsItem())) {
			WriteIsolation.checkReadModifyWrite(definition);
		}
		if (update != null) {
			for (String touched : update.touched()) {
				if (definition.key().contains(touched)) {
					throw ApiException.validation("One or more parameter values were invalid: Cannot update attribute "
							+ touched + ". This attribute is part of the key");
				}
			}
		}
		Map<String, AttributeValue> oldItem;
		Map<String, AttributeValue> newItem;
		ReentrantLock lock = table.lockFor(key);
		lock.lock();
		try {
			StoredItem old = table.get(key);
			oldItem = (old != null) ? ItemCodec.load(old) : null;
			if (condition != null && !condition.test((oldItem != null) ? oldItem : Collections.emptyMap())) {
				throw ApiException.conditionalCheckFailed((allOldOnFailure && oldItem != null) ? oldItem : null);
			}
			Map<String, AttributeValue> base = (oldItem != null) ? oldItem : new LinkedHashMap<>(keyAttributes);
			newItem = (update != null) ? update.apply(base) : base;
			if (oldItem == null) {
				// The key comes first in a new item, as the key attributes were given.
				Map<String, AttributeValue> ordered = new LinkedHashMap<>(keyAttributes);
				ordered.putAll(newItem);
				newItem = ordered;
			}
			checkIndexKeys(definition, newItem);
			// An update of a missing item that leaves nothing but the key (only REMOVE or DELETE actions)
			// creates no item, as in DynamoDB.
			boolean nothingToCreate = oldItem == null && update != null && newItem.size() <= definition.key().size();
			if (!nothingToCreate) {
				table.write(key, ItemCodec.store(newItem));
			}
		}
		finally {
			lock.unlock();
		}
		Map<String, AttributeValue> attributes = switch (returnValues) {
			case "ALL_OLD" -> oldItem;
			case "ALL_NEW" -> newItem;
			case "UPDATED_OLD" -> touched(oldItem, update);
			case "UPDATED_NEW" -> touched(newItem, update);
			default -> null;
		};
		if (attributes == null || attributes.isEmpty()) {
			return Json.EMPTY_OBJECT;
		}
		Map<String, AttributeValue> answer = attributes;
		return Json.write(256, (generator) -> ItemCodec.write(generator, "Attributes", answer));
	}

	private static Map<String, AttributeValue> touched(Map<String, AttributeValue> item,
			RequestExpressions.ItemUpdate update) {
		if (item == null || update == null) {
			return null;
		}
		return update.updatedPart(item);
	}

	/**
	 * What a PutItem or DeleteItem asks besides its item: the old item back or not (ReturnValues NONE or ALL_OLD),
	 * the old item on a failed condition, and the condition. Read and checked in the same order for both.
	 * @param returnOld whether ReturnValues is ALL_OLD
	 * @param allOldOnFailure whether ReturnValuesOnConditionCheckFailure is ALL_OLD
	 * @param condition the condition, or {@code null} when there is none
	 */
	private record ConditionalWrite(boolean returnOld, boolean allOldOnFailure,
			Predicate<Map<String, AttributeValue>> condition) {

		static ConditionalWrite of(JsonNode request, TableDefinition definition) {
			String returnValues = returnValues(request, "NONE", "ALL_OLD");
			boolean allOldOnFailure = returnValuesOnFailure(request);
			RequestExpressions expressions = RequestExpressions.of(request);
			Predicate<Map<String, AttributeValue>> condition = expressions.condition();
			expressions.checkAllUsed();
			if (condition != null || !"NONE".equals(returnValues)) {
				WriteIsolation.checkReadModifyWrite(definition);
			}
			return new ConditionalWrite("ALL_OLD".equals(returnValues), allOldOnFailure, condition);
		}

	}

	private static void check(Predicate<Map<String, AttributeValue>> condition, StoredItem old,
			boolean allOldOnFailure) {
		Map<String, AttributeValue> current = (old != null) ? ItemCodec.load(old) : Collections.emptyMap();
		if (!condition.test(current)) {
			throw ApiException.conditionalCheckFailed((allOldOnFailure && old != null) ? current : null);
		}
	}

	private static byte[] attributesResponse(StoredItem old) {
		if (old == null) {
			return Json.EMPTY_OBJECT;
		}
		return Json.write(old.json().length + 16, (generator) -> {
			generator.writeFieldName("Attributes");
			Json.writeRaw(generator, old.json());
		});
	}

	/**
	 * ReturnValues, of those the operation allows.
	 */
	static String returnValues(JsonNode request, String... allowed) {
		String value = Requests.optionalEnum(request, "ReturnValues", "NONE", "NONE", "ALL_OLD", "UPDATED_OLD",
				"ALL_NEW", "UPDATED_NEW");
		for (String candidate : allowed) {
			if (candidate.equals(value)) {
				return value;
			}
		}
		throw ApiException.validation((allowed.length == 2) ? "ReturnValues can only be ALL_OLD or NONE"
				: "ReturnValues must be one of " + String.join(", ", allowed));
	}

	static boolean returnValuesOnFailure(JsonNode request) {
		return "ALL_OLD".equals(Requests.optionalEnum(request, "ReturnValuesOnConditionCheckFailure", "NONE", "NONE",
				"ALL_OLD"));
	}

	/**
	 * An item's attributes that are keys of an index must have the index's key types, as DynamoDB requires.
	 */
	static void checkIndexKeys(TableDefinition definition, Map<String, AttributeValue> item) {
		for (IndexDefinition index : definition.indexes().values()) {
			checkIndexKey(index, index.key().hash(), item);
			if (index.key().range() != null) {
				checkIndexKey(index, index.key().range(), item);
			}
		}
	}

	private static void checkIndexKey(IndexDefinition index, KeyAttribute attribute, Map<String, AttributeValue> item) {
		AttributeValue value = item.get(attribute.name());
		if (value == null) {
			return;
		}
		if (!value.type().name().equals(attribute.type().name())) {
			throw ApiException.validation("One or more parameter values were invalid: Type mismatch for Index Key "
					+ attribute.name() + " Expected: " + attribute.type() + " Actual: " + value.type() + " IndexName: "
					+ index.name());
		}
		KeySchema single = new KeySchema(attribute, null);
		ItemCodec.keyPart(single.hash(), value, Integer.MAX_VALUE);
	}

}
