package dev.alternator.local.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alternator.local.engine.api.Operation;
import dev.alternator.local.engine.api.Operations;
import dev.alternator.local.engine.persistence.DataDirectory;
import dev.alternator.local.engine.table.TableCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DynamoDB engine that answers the DynamoDB JSON API as ScyllaDB Alternator does, called in process: no
 * socket of its own. It is the engine behind every node of a
 * {@link dev.alternator.local.LocalCluster}, and its own API for benchmarks and tools that want the engine
 * without HTTP.
 * <pre>{@code
 * AlternatorEngine engine = AlternatorEngine.create();
 * EngineResponse response = engine.execute("ListTables", "{}".getBytes(StandardCharsets.UTF_8));
 * }</pre>
 * Thread-safe: any number of threads may call {@link #execute(String, byte[])} at once; writes to one item
 * are atomic with respect to each other, and reads never see half a write.
 * <p>
 * The engine answers the DynamoDB Streams operations too (their target prefix is
 * {@code DynamoDBStreams_20120810.}). Its only thread is the TTL expiry scan, started when a table first
 * enables TTL and stopped by {@link #close()}.
 * <p>
 * In memory by default; {@link #create(Path)} or {@link EngineOptions#withDataDirectory(Path)} keeps the data
 * in a directory instead (see {@link DataDirectory}), and then {@link #close()} must be called to release it.
 */
public final class AlternatorEngine implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(AlternatorEngine.class);

	private static final String TARGET_PREFIX = "DynamoDB_20120810.";

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private static final String DESCRIBE_ENDPOINTS = "DescribeEndpoints";

	// Alternator tells clients to keep the endpoint list for a day.
	private static final int ENDPOINT_CACHE_MINUTES = 1440;

	private final Map<String, Operation> operations;

	private final List<AutoCloseable> resources = new ArrayList<>();

	// Kept apart from the resources: it must close after them (see close()).
	private final DataDirectory dataDirectory;

	private AlternatorEngine(EngineOptions options) {
		this.dataDirectory = (options.dataDirectory() != null)
				? DataDirectory.open(options.dataDirectory(), Operations.keyExtractor()) : null;
		try {
			// A recovered catalogue gets its stream hooks back and restarts TTL expiry.
			this.operations = Operations.create(options,
					(this.dataDirectory != null) ? this.dataDirectory.catalog() : new TableCatalog(),
					this.resources::add);
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
	}

	/**
	 * Creates an engine with no tables and the default options, in memory only.
	 * @return the engine
	 */
	public static AlternatorEngine create() {
		return new AlternatorEngine(EngineOptions.defaults());
	}

	/**
	 * Creates an engine with the given options: in memory, or over a data directory when the options name one
	 * (see {@link #create(Path)}).
	 * @param options how background work (TTL expiry, stream retention) runs and where the data is kept
	 * @return the engine, which must be {@linkplain #close() closed}
	 * @throws java.io.UncheckedIOException when the data directory cannot be created, read or locked
	 */
	public static AlternatorEngine create(EngineOptions options) {
		return new AlternatorEngine(options);
	}

	/**
	 * Creates an engine, with the default options, whose tables and items are kept in a directory and survive
	 * a restart: it starts with what the directory holds (nothing when it is new or missing), and every
	 * acknowledged write is in the directory's write-ahead log before its answer is returned. One engine at a
	 * time may use a directory.
	 * @param dataDirectory the directory, created when missing
	 * @return the engine, which must be {@linkplain #close() closed}
	 * @throws java.io.UncheckedIOException when the directory cannot be created, read or locked
	 */
	public static AlternatorEngine create(Path dataDirectory) {
		return new AlternatorEngine(EngineOptions.defaults().withDataDirectory(dataDirectory));
	}

	/**
	 * Stops the engine's background thread, if it started one, then releases the data directory, if any,
	 * after writing a snapshot of it (so that the next start reads it quickly). In memory the data stays
	 * readable; with a data directory, requests that write after this fail.
	 */
	@Override
	public void close() {
		for (AutoCloseable resource : this.resources) {
			try {
				resource.close();
			}
			catch (Exception ex) {
				logger.warn("Closing {} failed", resource, ex);
			}
		}
		// Last, so that the deletes of a TTL scan still running above are logged before the final snapshot.
		if (this.dataDirectory != null) {
			this.dataDirectory.close();
		}
	}

	/**
	 * Executes one DynamoDB API request received with a {@code Host} header, which DescribeEndpoints answers
	 * with, as Alternator does.
	 * @param operation the operation name, such as {@code PutItem} (see {@link #operationOf(String)})
	 * @param jsonBody the request body, DynamoDB JSON
	 * @param host the request's {@code Host} header, or {@code null}
	 * @return the answer, as {@link #execute(String, byte[])}
	 */
	public EngineResponse execute(String operation, byte[] jsonBody, String host) {
		if (!DESCRIBE_ENDPOINTS.equals(operation)) {
			return execute(operation, jsonBody);
		}
		if (host == null || host.isEmpty()) {
			return new EngineResponse(400, Errors.body("ValidationException",
					"DescribeEndpoints needs a 'Host' header in request"));
		}
		StringBuilder json = new StringBuilder(64 + host.length()).append("{\"Endpoints\":[{\"Address\":");
		Errors.quote(json, host);
		json.append(",\"CachePeriodInMinutes\":").append(ENDPOINT_CACHE_MINUTES).append("}]}");
		return new EngineResponse(200, json.toString().getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The operation named by an {@code X-Amz-Target} header value, such as {@code DynamoDB_20120810.GetItem}.
	 * @param target the header value, or {@code null} when the request had none
	 * @return the operation name (empty when there is none), to pass to {@link #execute(String, byte[])}
	 */
	public static String operationOf(String target) {
		if (target == null) {
			return "";
		}
		// As Alternator does, the operation is what follows the last dot.
		int dot = target.lastIndexOf('.');
		return (dot < 0) ? target : target.substring(dot + 1);
	}

	/**
	 * Executes one DynamoDB API request.
	 * @param operation the operation name, such as {@code PutItem} (see {@link #operationOf(String)})
	 * @param jsonBody the request body, DynamoDB JSON
	 * @return the answer: status 200 and the response JSON, 400 and a DynamoDB error for a client mistake, or
	 * 500 and an InternalServerError when the engine itself failed (logged at WARN)
	 */
	public EngineResponse execute(String operation, byte[] jsonBody) {
		try {
			Operation handler = this.operations.get(operation);
			if (handler == null) {
				throw ApiException.unknownOperation("Unsupported operation " + operation);
			}
			return new EngineResponse(200, handler.execute(parse(jsonBody)));
		}
		catch (ApiException ex) {
			if (logger.isDebugEnabled()) {
				logger.debug("{} answered {}: {}", operation, ex.type(), ex.getMessage());
			}
			return new EngineResponse(ex.status(), Errors.body(ex));
		}
		catch (RuntimeException | StackOverflowError ex) {
			logger.warn("{} failed inside the engine", operation, ex);
			return new EngineResponse(500, Errors.body("InternalServerError", "Internal server error: " + ex));
		}
	}

	private static JsonNode parse(byte[] body) {
		if (body == null || body.length == 0) {
			throw ApiException.serialization("The request body is empty: expected a JSON object");
		}
		JsonNode node;
		try {
			node = MAPPER.readTree(body);
		}
		catch (JsonProcessingException ex) {
			throw ApiException.serialization("The request body is not valid JSON: " + ex.getOriginalMessage());
		}
		catch (IOException ex) {
			throw ApiException.serialization("The request body could not be read: " + ex.getMessage());
		}
		if (node == null || !node.isObject()) {
			throw ApiException.serialization("The request body must be a JSON object");
		}
		return node;
	}

	/**
	 * Renders DynamoDB error bodies.
	 */
	static final class Errors {

		private Errors() {
		}

		static byte[] body(ApiException ex) {
			if (ex.item() == null) {
				return body(ex.type(), ex.getMessage());
			}
			// A failed condition with ReturnValuesOnConditionCheckFailure=ALL_OLD carries the item.
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(256);
			try (com.fasterxml.jackson.core.JsonGenerator generator = MAPPER.getFactory().createGenerator(out)) {
				generator.writeStartObject();
				generator.writeStringField("__type", "com.amazonaws.dynamodb.v20120810#" + ex.type());
				generator.writeStringField("message", ex.getMessage());
				generator.writeFieldName("Item");
				dev.alternator.local.engine.value.AttributeValueJson.writeItem(generator, ex.item());
				generator.writeEndObject();
			}
			catch (IOException io) {
				throw new java.io.UncheckedIOException(io);
			}
			return out.toByteArray();
		}

		static byte[] body(String type, String message) {
			StringBuilder json = new StringBuilder(64 + message.length());
			json.append("{\"__type\":\"com.amazonaws.dynamodb.v20120810#").append(type).append("\",\"message\":");
			quote(json, message);
			json.append('}');
			return json.toString().getBytes(StandardCharsets.UTF_8);
		}

		static void quote(StringBuilder json, String text) {
			json.append('"');
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == '"' || c == '\\') {
					json.append('\\').append(c);
				}
				else if (c < 0x20) {
					json.append(String.format("\\u%04x", (int) c));
				}
				else {
					json.append(c);
				}
			}
			json.append('"');
		}

	}

}
