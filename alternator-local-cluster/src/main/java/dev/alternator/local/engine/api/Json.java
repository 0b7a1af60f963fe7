package dev.alternator.local.engine.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The engine's one JSON mapper and the small helpers every operation uses to write its answer.
 */
final class Json {

	static final ObjectMapper MAPPER = new ObjectMapper();

	static final JsonFactory FACTORY = MAPPER.getFactory();

	static final byte[] EMPTY_OBJECT = { '{', '}' };

	private Json() {
	}

	static ObjectNode object() {
		return MAPPER.createObjectNode();
	}

	static byte[] bytes(JsonNode node) {
		try {
			return MAPPER.writeValueAsBytes(node);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Writes a response with a generator; the writer fills one JSON object.
	 */
	static byte[] write(int sizeHint, GeneratorWriter writer) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, sizeHint));
		try (JsonGenerator generator = FACTORY.createGenerator(out)) {
			generator.writeStartObject();
			writer.write(generator);
			generator.writeEndObject();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * Writes stored item JSON into a generator without parsing it again.
	 */
	static void writeRaw(JsonGenerator generator, byte[] json) throws IOException {
		generator.writeRawValue(new String(json, java.nio.charset.StandardCharsets.UTF_8));
	}

	@FunctionalInterface
	interface GeneratorWriter {

		void write(JsonGenerator generator) throws IOException;

	}

}
