package dev.alternator.local.engine.value;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import dev.alternator.local.engine.ApiException;

/**
 * Reads and writes attribute values and items in the DynamoDB JSON form, e.g. {@code {"S":"x"}},
 * {@code {"N":"1.5"}}, {@code {"B":"AAE="}} (base64), {@code {"SS":["a","b"]}}, with the errors DynamoDB gives:
 * a {@code SerializationException} when the JSON has the wrong shape (e.g. {@code {"N":1}}), a
 * {@code ValidationException} when it is well-shaped but invalid (no type, two types, an empty set, a duplicate,
 * a bad number). Unknown type descriptors are ignored, as DynamoDB ignores unknown members.
 * <p>
 * Two readers: one on the streaming {@link JsonParser} (fastest) and one on a {@link JsonNode} tree.
 */
public final class AttributeValueJson {

	/** DynamoDB's limit on the nesting of documents. */
	static final int MAX_DEPTH = 32;

	static final String EMPTY = "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";

	static final String TWO_TYPES = "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes";

	static final String NULL_FALSE = "One or more parameter values were invalid: Null attribute value types must have the value of true";

	static final String TOO_DEEP = "Nesting Levels have exceeded supported limits";

	private AttributeValueJson() {
	}

	// ---- streaming

	/**
	 * Reads an item (an object of attribute values) at the parser's current token.
	 * @param parser a parser whose current token is the item's {@code START_OBJECT}; it is left on the
	 * matching {@code END_OBJECT}
	 * @return the item, in the order of the JSON
	 * @throws IOException when the JSON cannot be read
	 * @throws ApiException when the item is invalid
	 */
	public static Map<String, AttributeValue> readItem(JsonParser parser) throws IOException {
		expectObject(parser.currentToken());
		Map<String, AttributeValue> item = new LinkedHashMap<>();
		while (parser.nextToken() == JsonToken.FIELD_NAME) {
			String name = parser.currentName();
			JsonToken token = parser.nextToken();
			if (token == JsonToken.VALUE_NULL) {
				continue;
			}
			item.put(name, read(parser, 1));
		}
		return item;
	}

	/**
	 * Reads one attribute value at the parser's current token.
	 * @param parser a parser whose current token is the value's {@code START_OBJECT}; it is left on the
	 * matching {@code END_OBJECT}
	 * @return the value
	 * @throws IOException when the JSON cannot be read
	 * @throws ApiException when the value is invalid
	 */
	public static AttributeValue read(JsonParser parser) throws IOException {
		return read(parser, 1);
	}

	private static AttributeValue read(JsonParser parser, int depth) throws IOException {
		expectObject(parser.currentToken());
		if (depth > MAX_DEPTH) {
			throw ApiException.validation(TOO_DEEP);
		}
		AttributeValue value = null;
		while (parser.nextToken() == JsonToken.FIELD_NAME) {
			AttributeType type = AttributeType.forDescriptor(parser.currentName());
			JsonToken token = parser.nextToken();
			if (type == null || token == JsonToken.VALUE_NULL) {
				parser.skipChildren();
				continue;
			}
			if (value != null) {
				throw ApiException.validation(TWO_TYPES);
			}
			value = readTyped(parser, token, type, depth);
		}
		if (value == null) {
			throw ApiException.validation(EMPTY);
		}
		return value;
	}

	private static AttributeValue readTyped(JsonParser parser, JsonToken token, AttributeType type, int depth)
			throws IOException {
		switch (type) {
			case S:
				return new StringValue(string(parser, token));
			case N:
				return NumberValue.parse(string(parser, token));
			case B:
				return decode(string(parser, token));
			case BOOL:
				return BooleanValue.of(bool(token));
			case NULL:
				if (!bool(token)) {
					throw ApiException.validation(NULL_FALSE);
				}
				return NullValue.INSTANCE;
			case M: {
				expectObject(token);
				LinkedHashMap<String, AttributeValue> entries = new LinkedHashMap<>();
				while (parser.nextToken() == JsonToken.FIELD_NAME) {
					String name = parser.currentName();
					if (parser.nextToken() == JsonToken.VALUE_NULL) {
						continue;
					}
					entries.put(name, read(parser, depth + 1));
				}
				return MapValue.owning(entries);
			}
			case L: {
				expectArray(token);
				ArrayList<AttributeValue> elements = new ArrayList<>();
				JsonToken next;
				while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
					if (next != JsonToken.VALUE_NULL) {
						elements.add(read(parser, depth + 1));
					}
				}
				return ListValue.owning(elements);
			}
			default: {
				expectArray(token);
				List<String> texts = new ArrayList<>();
				JsonToken next;
				while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
					texts.add(string(parser, next));
				}
				return set(type, texts);
			}
		}
	}

	private static String string(JsonParser parser, JsonToken token) throws IOException {
		if (token != JsonToken.VALUE_STRING) {
			throw notExpected(token, "String");
		}
		return parser.getText();
	}

	private static boolean bool(JsonToken token) {
		if (token == JsonToken.VALUE_TRUE) {
			return true;
		}
		if (token == JsonToken.VALUE_FALSE) {
			return false;
		}
		throw notExpected(token, "Boolean");
	}

	private static void expectObject(JsonToken token) {
		if (token != JsonToken.START_OBJECT) {
			throw notExpected(token, "Structure");
		}
	}

	private static void expectArray(JsonToken token) {
		if (token != JsonToken.START_ARRAY) {
			throw notExpected(token, "List");
		}
	}

	private static ApiException notExpected(JsonToken token, String wanted) {
		if (token == JsonToken.START_OBJECT) {
			return ApiException.serialization("Start of structure or map found where not expected.");
		}
		if (token == JsonToken.START_ARRAY) {
			return ApiException.serialization("Start of list found where not expected");
		}
		String found;
		if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
			found = "NUMBER_VALUE";
		}
		else if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
			found = "BOOLEAN_VALUE";
		}
		else if (token == JsonToken.VALUE_STRING) {
			found = "STRING_VALUE";
		}
		else {
			found = String.valueOf(token);
		}
		return ApiException.serialization(found + " cannot be converted to " + wanted);
	}

	// ---- tree

	/**
	 * Reads an item from a JSON tree.
	 * @param node an object node of attribute values
	 * @return the item, in the order of the JSON
	 * @throws ApiException when the item is invalid
	 */
	public static Map<String, AttributeValue> readItem(JsonNode node) {
		expectObject(node);
		Map<String, AttributeValue> item = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> field : node.properties()) {
			if (!field.getValue().isNull()) {
				item.put(field.getKey(), read(field.getValue(), 1));
			}
		}
		return item;
	}

	/**
	 * Reads one attribute value from a JSON tree.
	 * @param node the value's object node, e.g. {@code {"S":"x"}}
	 * @return the value
	 * @throws ApiException when the value is invalid
	 */
	public static AttributeValue read(JsonNode node) {
		return read(node, 1);
	}

	private static AttributeValue read(JsonNode node, int depth) {
		expectObject(node);
		if (depth > MAX_DEPTH) {
			throw ApiException.validation(TOO_DEEP);
		}
		AttributeValue value = null;
		for (Map.Entry<String, JsonNode> field : node.properties()) {
			AttributeType type = AttributeType.forDescriptor(field.getKey());
			JsonNode content = field.getValue();
			if (type == null || content.isNull()) {
				continue;
			}
			if (value != null) {
				throw ApiException.validation(TWO_TYPES);
			}
			value = readTyped(content, type, depth);
		}
		if (value == null) {
			throw ApiException.validation(EMPTY);
		}
		return value;
	}

	private static AttributeValue readTyped(JsonNode content, AttributeType type, int depth) {
		switch (type) {
			case S:
				return new StringValue(string(content));
			case N:
				return NumberValue.parse(string(content));
			case B:
				return decode(string(content));
			case BOOL:
				return BooleanValue.of(bool(content));
			case NULL:
				if (!bool(content)) {
					throw ApiException.validation(NULL_FALSE);
				}
				return NullValue.INSTANCE;
			case M: {
				expectObject(content);
				LinkedHashMap<String, AttributeValue> entries = new LinkedHashMap<>();
				for (Map.Entry<String, JsonNode> field : content.properties()) {
					if (!field.getValue().isNull()) {
						entries.put(field.getKey(), read(field.getValue(), depth + 1));
					}
				}
				return MapValue.owning(entries);
			}
			case L: {
				expectArray(content);
				ArrayList<AttributeValue> elements = new ArrayList<>(content.size());
				for (JsonNode element : content) {
					if (!element.isNull()) {
						elements.add(read(element, depth + 1));
					}
				}
				return ListValue.owning(elements);
			}
			default: {
				expectArray(content);
				List<String> texts = new ArrayList<>(content.size());
				for (JsonNode element : content) {
					texts.add(string(element));
				}
				return set(type, texts);
			}
		}
	}

	private static String string(JsonNode node) {
		if (!node.isTextual()) {
			throw notExpected(node.asToken(), "String");
		}
		return node.textValue();
	}

	private static boolean bool(JsonNode node) {
		if (!node.isBoolean()) {
			throw notExpected(node.asToken(), "Boolean");
		}
		return node.booleanValue();
	}

	private static void expectObject(JsonNode node) {
		if (!node.isObject()) {
			throw notExpected(node.asToken(), "Structure");
		}
	}

	private static void expectArray(JsonNode node) {
		if (!node.isArray()) {
			throw notExpected(node.asToken(), "List");
		}
	}

	// ---- shared

	private static AttributeValue set(AttributeType type, List<String> texts) {
		switch (type) {
			case SS:
				return StringSetValue.of(texts);
			case NS:
				return NumberSetValue.parse(texts);
			default: {
				List<BinaryValue> values = new ArrayList<>(texts.size());
				for (String text : texts) {
					values.add(decode(text));
				}
				return BinarySetValue.of(values);
			}
		}
	}

	private static BinaryValue decode(String base64) {
		// Java's decoder also takes unpadded input; DynamoDB does not.
		if (base64.length() % 4 != 0) {
			throw ApiException.serialization(
					"Base64 encoded length is expected a multiple of 4 bytes but found: " + base64.length());
		}
		try {
			return new BinaryValue(Base64.getDecoder().decode(base64), true);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.serialization("Invalid Base64 character found in the value of a Binary attribute");
		}
	}

	// ---- writing

	/**
	 * Writes an item as a JSON object of attribute values.
	 * @param generator where to write
	 * @param item the item
	 * @throws IOException when writing fails
	 */
	public static void writeItem(JsonGenerator generator, Map<String, AttributeValue> item) throws IOException {
		generator.writeStartObject();
		for (Map.Entry<String, AttributeValue> entry : item.entrySet()) {
			generator.writeFieldName(entry.getKey());
			write(generator, entry.getValue());
		}
		generator.writeEndObject();
	}

	/**
	 * Writes one attribute value, e.g. {@code {"N":"1.5"}}. Numbers are written in their canonical text.
	 * @param generator where to write
	 * @param value the value
	 * @throws IOException when writing fails
	 */
	public static void write(JsonGenerator generator, AttributeValue value) throws IOException {
		generator.writeStartObject();
		switch (value.type()) {
			case S:
				generator.writeStringField("S", ((StringValue) value).value());
				break;
			case N:
				generator.writeStringField("N", ((NumberValue) value).text());
				break;
			case B:
				generator.writeStringField("B", ((BinaryValue) value).base64());
				break;
			case BOOL:
				generator.writeBooleanField("BOOL", ((BooleanValue) value).value());
				break;
			case NULL:
				generator.writeBooleanField("NULL", true);
				break;
			case M:
				generator.writeFieldName("M");
				writeItem(generator, ((MapValue) value).value());
				break;
			case L:
				generator.writeFieldName("L");
				generator.writeStartArray();
				for (AttributeValue element : ((ListValue) value).value()) {
					write(generator, element);
				}
				generator.writeEndArray();
				break;
			case SS:
				generator.writeFieldName("SS");
				generator.writeStartArray();
				for (String element : ((StringSetValue) value).elements()) {
					generator.writeString(element);
				}
				generator.writeEndArray();
				break;
			case NS:
				generator.writeFieldName("NS");
				generator.writeStartArray();
				for (NumberValue element : ((NumberSetValue) value).elements()) {
					generator.writeString(element.text());
				}
				generator.writeEndArray();
				break;
			case BS:
				generator.writeFieldName("BS");
				generator.writeStartArray();
				for (BinaryValue element : ((BinarySetValue) value).elements()) {
					generator.writeString(element.base64());
				}
				generator.writeEndArray();
				break;
			default:
				throw new IllegalStateException("Unknown type " + value.type());
		}
		generator.writeEndObject();
	}

}
