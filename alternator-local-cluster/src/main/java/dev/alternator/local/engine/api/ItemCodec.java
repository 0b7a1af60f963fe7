package dev.alternator.local.engine.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.alternator.local.engine.ApiException;
import dev.alternator.local.engine.table.KeyAttribute;
import dev.alternator.local.engine.table.KeyPart;
import dev.alternator.local.engine.table.KeySchema;
import dev.alternator.local.engine.table.PrimaryKey;
import dev.alternator.local.engine.table.StoredItem;
import dev.alternator.local.engine.value.AttributeValue;
import dev.alternator.local.engine.value.AttributeValueJson;
import dev.alternator.local.engine.value.BinaryValue;
import dev.alternator.local.engine.value.ItemSize;
import dev.alternator.local.engine.value.NumberValue;
import dev.alternator.local.engine.value.StringValue;

/**
 * The adapter between the value model ({@code engine.value}) and storage: reads items and keys out of
 * requests with DynamoDB's validation, turns items into the compact {@link StoredItem} form and back, and
 * builds storage keys.
 */
final class ItemCodec {

	/** DynamoDB's limit on a partition key value. */
	static final int MAX_HASH_KEY_SIZE = 2048;

	/** DynamoDB's limit on a sort key value. */
	static final int MAX_RANGE_KEY_SIZE = 1024;

	private ItemCodec() {
	}

	/**
	 * An item parameter (such as PutItem's {@code Item}), or {@code null} when absent.
	 */
	static Map<String, AttributeValue> item(JsonNode request, String field) {
		JsonNode node = request.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isObject()) {
			throw ApiException.serialization(field + " must be a map of attribute values");
		}
		return AttributeValueJson.readItem(node);
	}

	static StoredItem store(Map<String, AttributeValue> item) {
		int size = ItemSize.of(item);
		if (size > ItemSize.MAX_ITEM_SIZE) {
			throw ApiException.validation("Item size has exceeded the maximum allowed size");
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(32, size + size / 4 + 16));
		try (JsonGenerator generator = Json.FACTORY.createGenerator(out)) {
			AttributeValueJson.writeItem(generator, item);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new StoredItem(out.toByteArray(), size);
	}

	static Map<String, AttributeValue> load(StoredItem item) {
		try (JsonParser parser = Json.FACTORY.createParser(item.json())) {
			parser.nextToken();
			return AttributeValueJson.readItem(parser);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void write(JsonGenerator generator, String field, Map<String, AttributeValue> item) throws IOException {
		generator.writeFieldName(field);
		AttributeValueJson.writeItem(generator, item);
	}

	/**
	 * The key of an item to write: every key attribute present with its declared type; other attributes are
	 * the item's own business.
	 */
	static PrimaryKey keyOfItem(KeySchema schema, Map<String, AttributeValue> item) {
		KeyPart hash = itemKeyPart(schema.hash(), item.get(schema.hash().name()), MAX_HASH_KEY_SIZE);
		KeyPart range = (schema.range() != null)
				? itemKeyPart(schema.range(), item.get(schema.range().name()), MAX_RANGE_KEY_SIZE) : null;
		return PrimaryKey.of(hash, range);
	}

	private static KeyPart itemKeyPart(KeyAttribute attribute, AttributeValue value, int maxSize) {
		if (value == null) {
			throw ApiException.validation("One or more parameter values were invalid: Missing the key "
					+ attribute.name() + " in the item");
		}
		if (!value.type().name().equals(attribute.type().name())) {
			throw ApiException.validation("One or more parameter values were invalid: Type mismatch for key "
					+ attribute.name() + " expected: " + attribute.type() + " actual: " + value.type());
		}
		return keyPart(attribute, value, maxSize);
	}

	/**
	 * The key given as a {@code Key} parameter: exactly the key attributes, with their declared types.
	 */
	static PrimaryKey key(KeySchema schema, Map<String, AttributeValue> key) {
		if (key == null) {
			throw ApiException.validation("Missing Key field in request");
		}
		AttributeValue hash = key.get(schema.hash().name());
		AttributeValue range = (schema.range() != null) ? key.get(schema.range().name()) : null;
		if (key.size() != schema.size() || hash == null || (schema.range() != null && range == null)) {
			throw ApiException.validation("The provided key element does not match the schema");
		}
		if (!hash.type().name().equals(schema.hash().type().name())
				|| (range != null && !range.type().name().equals(schema.range().type().name()))) {
			throw ApiException.validation("The provided key element does not match the schema");
		}
		return PrimaryKey.of(keyPart(schema.hash(), hash, MAX_HASH_KEY_SIZE),
				(range != null) ? keyPart(schema.range(), range, MAX_RANGE_KEY_SIZE) : null);
	}

	/**
	 * A key value already known to have the attribute's type.
	 */
	static KeyPart keyPart(KeyAttribute attribute, AttributeValue value, int maxSize) {
		KeyPart part = switch (attribute.type()) {
			case S -> {
				String text = ((StringValue) value).value();
				if (text.isEmpty()) {
					throw ApiException.validation("One or more parameter values were invalid: The AttributeValue "
							+ "for a key attribute cannot contain an empty string value. Key: " + attribute.name());
				}
				yield KeyPart.ofString(text);
			}
			case N -> KeyPart.ofNumber(((NumberValue) value).value());
			case B -> {
				byte[] bytes = ((BinaryValue) value).bytes();
				if (bytes.length == 0) {
					throw ApiException.validation("One or more parameter values were invalid: The AttributeValue "
							+ "for a key attribute cannot contain an empty binary value. Key: " + attribute.name());
				}
				yield KeyPart.ofBinary(bytes);
			}
		};
		if (part.size() > maxSize) {
			throw ApiException.validation((maxSize == MAX_HASH_KEY_SIZE)
					? "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of "
							+ MAX_HASH_KEY_SIZE + " bytes"
					: "One or more parameter values were invalid: Aggregated size of all range keys has exceeded the "
							+ "size limit of " + MAX_RANGE_KEY_SIZE + " bytes");
		}
		return part;
	}

	/**
	 * The attribute value of a stored key value.
	 */
	static AttributeValue value(KeyPart part) {
		return switch (part.type()) {
			case S -> AttributeValue.s(new String(part.bytes(), java.nio.charset.StandardCharsets.UTF_8));
			case N -> NumberValue.of(part.number());
			case B -> AttributeValue.b(part.bytes());
		};
	}

	/**
	 * A key's attributes, as LastEvaluatedKey shows them.
	 */
	static void putKey(Map<String, AttributeValue> into, KeySchema schema, PrimaryKey key) {
		into.put(schema.hash().name(), value(key.hash()));
		if (schema.range() != null && key.range() != null) {
			into.put(schema.range().name(), value(key.range()));
		}
	}

	/**
	 * The key attributes of an item, in key order (for LastEvaluatedKey and KEYS_ONLY projections).
	 */
	static Map<String, AttributeValue> keyAttributes(Map<String, AttributeValue> item, KeySchema... schemas) {
		Map<String, AttributeValue> key = new LinkedHashMap<>();
		for (KeySchema schema : schemas) {
			if (schema == null) {
				continue;
			}
			copy(item, schema.hash(), key);
			if (schema.range() != null) {
				copy(item, schema.range(), key);
			}
		}
		return key;
	}

	private static void copy(Map<String, AttributeValue> item, KeyAttribute attribute,
			Map<String, AttributeValue> key) {
		AttributeValue value = item.get(attribute.name());
		if (value != null) {
			key.put(attribute.name(), value);
		}
	}

}
