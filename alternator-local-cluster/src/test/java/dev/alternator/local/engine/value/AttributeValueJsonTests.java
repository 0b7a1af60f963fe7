package dev.alternator.local.engine.value;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import dev.alternator.local.engine.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The DynamoDB JSON form, read by both readers and written back.
 */
class AttributeValueJsonTests {

	private static final JsonFactory JSON = new JsonFactory();

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private static final String ALL_TYPES = "{\"s\":{\"S\":\"x\"},\"n\":{\"N\":\"1.50\"},\"b\":{\"B\":\"AAH/\"},"
			+ "\"t\":{\"BOOL\":true},\"z\":{\"NULL\":true},\"m\":{\"M\":{\"k\":{\"L\":[{\"S\":\"v\"},{\"N\":\"2\"}]}}},"
			+ "\"ss\":{\"SS\":[\"a\",\"b\"]},\"ns\":{\"NS\":[\"1\",\"2.5\"]},\"bs\":{\"BS\":[\"AA==\",\"AQ==\"]}}";

	static Map<String, AttributeValue> streamItem(String json) throws IOException {
		try (JsonParser parser = JSON.createParser(json)) {
			parser.nextToken();
			return AttributeValueJson.readItem(parser);
		}
	}

	static Map<String, AttributeValue> treeItem(String json) throws IOException {
		return AttributeValueJson.readItem(MAPPER.readTree(json));
	}

	static String write(Map<String, AttributeValue> item) throws IOException {
		StringWriter out = new StringWriter();
		try (JsonGenerator generator = JSON.createGenerator(out)) {
			AttributeValueJson.writeItem(generator, item);
		}
		return out.toString();
	}

	@Test
	void everyTypeIsReadAndWrittenBackInCanonicalForm() throws IOException {
		Map<String, AttributeValue> item = streamItem(ALL_TYPES);
		assertThat(item).containsOnlyKeys("s", "n", "b", "t", "z", "m", "ss", "ns", "bs");
		assertThat(item.get("b")).isEqualTo(AttributeValue.b(new byte[] { 0, 1, (byte) 0xff }));
		assertThat(item.get("m")).isEqualTo(AttributeValue
			.m(Map.of("k", AttributeValue.l(AttributeValue.s("v"), AttributeValue.n(2)))));
		assertThat(item.get("ns")).isEqualTo(AttributeValue.ns(List.of("2.5", "1.0")));
		assertThat(treeItem(ALL_TYPES)).isEqualTo(item);
		assertThat(write(item)).isEqualTo(ALL_TYPES.replace("1.50", "1.5"));
	}

	@Test
	void bothReadersGiveTheSameErrors() {
		assertReadFails("{\"a\":{}}", "ValidationException",
				"Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
		assertReadFails("{\"a\":{\"S\":\"x\",\"N\":\"1\"}}", "ValidationException",
				"Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
		assertReadFails("{\"a\":{\"N\":123}}", "SerializationException", "NUMBER_VALUE cannot be converted to String");
		assertReadFails("{\"a\":{\"S\":{}}}", "SerializationException",
				"Start of structure or map found where not expected.");
		assertReadFails("{\"a\":{\"N\":\"x\"}}", "ValidationException",
				"The parameter cannot be converted to a numeric value");
		assertReadFails("{\"a\":{\"NULL\":false}}", "ValidationException",
				"One or more parameter values were invalid: Null attribute value types must have the value of true");
		assertReadFails("{\"a\":{\"SS\":[]}}", "ValidationException",
				"One or more parameter values were invalid: An string set  may not be empty");
		assertReadFails("{\"a\":{\"NS\":[]}}", "ValidationException",
				"One or more parameter values were invalid: An number set  may not be empty");
		assertReadFails("{\"a\":{\"BS\":[]}}", "ValidationException",
				"One or more parameter values were invalid: Binary sets should not be empty");
		assertReadFails("{\"a\":{\"SS\":[\"x\",\"x\"]}}", "ValidationException",
				"One or more parameter values were invalid: Input collection [x, x] contains duplicates.");
		assertReadFails("{\"a\":{\"NS\":[\"1\",\"1.0\"]}}", "ValidationException",
				"One or more parameter values were invalid: Input collection [1, 1.0] contains duplicates.");
		assertReadFails("{\"a\":{\"B\":\"AAE\"}}", "SerializationException",
				"Base64 encoded length is expected a multiple of 4 bytes but found: 3");
		assertReadFails("{\"a\":{\"S\":\"x\"},\"b\":[]}", "SerializationException",
				"Start of list found where not expected");
	}

	@Test
	void emptyStringsAndBinariesAndDocumentsAreValidValues() throws IOException {
		String json = "{\"s\":{\"S\":\"\"},\"b\":{\"B\":\"\"},\"m\":{\"M\":{}},\"l\":{\"L\":[]}}";
		assertThat(write(streamItem(json))).isEqualTo(json);
		assertThat(treeItem(json)).isEqualTo(streamItem(json));
	}

	@Test
	void valuesOfTheWrongJsonTypeAreSerializationErrors() {
		assertReadFails("{\"a\":{\"BOOL\":\"true\"}}", "SerializationException",
				"STRING_VALUE cannot be converted to Boolean");
		assertReadFails("{\"a\":{\"SS\":\"x\"}}", "SerializationException", "STRING_VALUE cannot be converted to List");
		assertReadFails("{\"a\":{\"M\":[]}}", "SerializationException", "Start of list found where not expected");
		assertReadFails("{\"a\":\"x\"}", "SerializationException", "STRING_VALUE cannot be converted to Structure");
	}

	@Test
	void nestingDeeperThan32LevelsIsRejected() throws IOException {
		String ok = "{\"L\":[".repeat(31) + "{\"S\":\"x\"}" + "]}".repeat(31);
		assertThat(streamItem("{\"a\":" + ok + "}")).containsKey("a");
		String deep = "{\"L\":[".repeat(32) + "{\"S\":\"x\"}" + "]}".repeat(32);
		assertReadFails("{\"a\":" + deep + "}", "ValidationException", "Nesting Levels have exceeded supported limits");
	}

	@Test
	void unknownDescriptorsAreIgnored() throws IOException {
		assertThat(streamItem("{\"a\":{\"X\":[1],\"S\":\"x\"}}").get("a")).isEqualTo(AttributeValue.s("x"));
		assertThat(treeItem("{\"a\":{\"X\":[1],\"S\":\"x\"}}").get("a")).isEqualTo(AttributeValue.s("x"));
	}

	private static void assertReadFails(String json, String type, String message) {
		assertThatThrownBy(() -> streamItem(json)).as(json)
			.isInstanceOfSatisfying(ApiException.class, (ex) -> assertThat(ex.type()).isEqualTo(type))
			.hasMessage(message);
		assertThatThrownBy(() -> treeItem(json)).as(json)
			.isInstanceOfSatisfying(ApiException.class, (ex) -> assertThat(ex.type()).isEqualTo(type))
			.hasMessage(message);
	}

}
