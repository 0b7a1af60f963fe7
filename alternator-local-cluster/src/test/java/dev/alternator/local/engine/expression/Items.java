package dev.alternator.local.engine.expression;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.alternator.local.engine.value.AttributeValue;
import dev.alternator.local.engine.value.AttributeValueJson;

/**
 * Test items and values written in DynamoDB JSON with single quotes.
 */
final class Items {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private Items() {
	}

	static JsonNode json(String singleQuoted) {
		try {
			return MAPPER.readTree(singleQuoted.replace('\'', '"'));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	static Map<String, AttributeValue> item(String singleQuoted) {
		return AttributeValueJson.readItem(json(singleQuoted));
	}

	static AttributeValue value(String singleQuoted) {
		return AttributeValueJson.read(json(singleQuoted));
	}

	static ExpressionAttributes attributes(String names, String values) {
		Map<String, String> nameMap = null;
		if (names != null) {
			nameMap = new LinkedHashMap<>();
			JsonNode node = json(names);
			for (var entry : node.properties()) {
				nameMap.put(entry.getKey(), entry.getValue().asText());
			}
		}
		return new ExpressionAttributes(nameMap, (values != null) ? item(values) : null);
	}

}
