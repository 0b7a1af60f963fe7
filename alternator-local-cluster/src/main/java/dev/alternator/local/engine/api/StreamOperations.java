package dev.alternator.local.engine.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alternator.local.engine.ApiException;
import dev.alternator.local.engine.stream.StreamChange;
import dev.alternator.local.engine.stream.StreamLog;
import dev.alternator.local.engine.table.KeySchema;
import dev.alternator.local.engine.table.Table;
import dev.alternator.local.engine.table.TableCatalog;
import dev.alternator.local.engine.value.AttributeValue;

/**
 * The DynamoDB Streams API (target prefix {@code DynamoDBStreams_20120810.}): ListStreams, DescribeStream,
 * GetShardIterator and GetRecords, answered as Alternator does (one shard per stream, {@code eventSource}
 * {@code scylladb:alternator}).
 */
final class StreamOperations {

	private static final int MAX_LIST_LIMIT = 100;

	private static final int MAX_RECORDS_LIMIT = 1000;

	private final TableCatalog catalog;

	private final Streams streams;

	StreamOperations(TableCatalog catalog, Streams streams) {
		this.catalog = catalog;
		this.streams = streams;
	}

	byte[] listStreams(JsonNode request) {
		Integer limit = Requests.optionalInt(request, "Limit");
		if (limit != null && limit < 1) {
			throw ApiException.validation("Limit must be 1 or more");
		}
		int max = (limit != null) ? Math.min(limit, MAX_LIST_LIMIT) : MAX_LIST_LIMIT;
		String tableName = Requests.optionalString(request, "TableName");
		if (tableName != null) {
			Requests.table(this.catalog, tableName);
		}
		String start = Requests.optionalString(request, "ExclusiveStartStreamArn");
		List<StreamLog> logs = this.streams.list(tableName, start, max);
		ObjectNode response = Json.object();
		ArrayNode array = response.putArray("Streams");
		for (StreamLog log : logs) {
			array.addObject()
				.put("StreamArn", log.arn())
				.put("StreamLabel", log.label())
				.put("TableName", log.tableName());
		}
		if (logs.size() == max && this.streams.hasAfter(tableName, logs.get(logs.size() - 1).arn())) {
			response.put("LastEvaluatedStreamArn", logs.get(logs.size() - 1).arn());
		}
		return Json.bytes(response);
	}

	byte[] describeStream(JsonNode request) {
		StreamLog log = this.streams.find(requiredString(request, "StreamArn"));
		Integer limit = Requests.optionalInt(request, "Limit");
		if (limit != null && limit < 1) {
			throw ApiException.validation("Limit must be 1 or more");
		}
		String startShard = Requests.optionalString(request, "ExclusiveStartShardId");
		Table table = this.catalog.get(log.tableName());
		ObjectNode response = Json.object();
		ObjectNode description = response.putObject("StreamDescription");
		description.put("StreamArn", log.arn());
		description.put("StreamLabel", log.label());
		description.put("StreamStatus", log.enabled() ? "ENABLED" : "DISABLED");
		description.put("StreamViewType", log.viewType());
		description.put("CreationRequestDateTime",
				java.math.BigDecimal.valueOf(log.created().toEpochMilli()).movePointLeft(3));
		description.put("TableName", log.tableName());
		KeySchema key = table.definition().key();
		ArrayNode keySchema = description.putArray("KeySchema");
		keySchema.addObject().put("AttributeName", key.hash().name()).put("KeyType", "HASH");
		if (key.range() != null) {
			keySchema.addObject().put("AttributeName", key.range().name()).put("KeyType", "RANGE");
		}
		ArrayNode shards = description.putArray("Shards");
		// The one shard comes first; starting after it (or after anything unknown) leaves nothing.
		if (startShard == null) {
			ObjectNode range = shards.addObject().put("ShardId", log.shardId()).putObject("SequenceNumberRange");
			range.put("StartingSequenceNumber", StreamLog.formatSequence(1));
			if (!log.enabled()) {
				range.put("EndingSequenceNumber", StreamLog.formatSequence(Math.max(1, log.lastSequence())));
			}
		}
		return Json.bytes(response);
	}

	byte[] getShardIterator(JsonNode request) {
		String type = Requests.optionalEnum(request, "ShardIteratorType", null, "TRIM_HORIZON", "LATEST",
				"AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER");
		if (type == null) {
			throw ApiException.validation("Missing required parameter \"ShardIteratorType\"");
		}
		String sequenceText = Requests.optionalString(request, "SequenceNumber");
		boolean needsSequence = type.endsWith("_SEQUENCE_NUMBER");
		if (needsSequence && sequenceText == null) {
			throw ApiException.validation("Missing required parameter \"SequenceNumber\"");
		}
		if (!needsSequence && sequenceText != null) {
			throw ApiException.validation("Iterator of this type should not have sequence number");
		}
		StreamLog log = this.streams.find(requiredString(request, "StreamArn"));
		String shardId = Requests.optionalString(request, "ShardId");
		if (!log.shardId().equals(shardId)) {
			throw ApiException.resourceNotFound("Invalid ShardId");
		}
		long threshold;
		boolean inclusive;
		switch (type) {
			case "TRIM_HORIZON" -> {
				threshold = 0;
				inclusive = true;
			}
			case "LATEST" -> {
				threshold = log.lastSequence();
				inclusive = false;
			}
			default -> {
				threshold = StreamLog.parseSequence(sequenceText);
				if (threshold < 0) {
					throw ApiException.validation("Invalid SequenceNumber: " + sequenceText);
				}
				inclusive = "AT_SEQUENCE_NUMBER".equals(type);
			}
		}
		ObjectNode response = Json.object();
		response.put("ShardIterator", ShardIterator.format(log, threshold, inclusive));
		return Json.bytes(response);
	}

	byte[] getRecords(JsonNode request) {
		ShardIterator iterator = ShardIterator.parse(requiredString(request, "ShardIterator"));
		Integer limit = Requests.optionalInt(request, "Limit");
		if (limit != null && limit < 1) {
			throw ApiException.validation("Limit must be 1 or more");
		}
		if (limit != null && limit > MAX_RECORDS_LIMIT) {
			throw ApiException.validation("Limit must be less than or equal to 1000");
		}
		StreamLog log = this.streams.byTable(iterator.tableId(), iterator.shardId());
		if (log == null) {
			throw ApiException.resourceNotFound("Requested resource not found: the stream of ShardIterator is gone");
		}
		Table table = this.catalog.get(log.tableName());
		KeySchema key = table.definition().key();
		List<StreamChange> changes = log.read(iterator.threshold(), iterator.inclusive(),
				(limit != null) ? limit : MAX_RECORDS_LIMIT);
		long last = changes.isEmpty() ? iterator.threshold() : changes.get(changes.size() - 1).sequence();
		boolean lastInclusive = changes.isEmpty() && iterator.inclusive();
		boolean open = log.hasMoreAfter(lastInclusive ? last - 1 : last);
		return Json.write(256 * (changes.size() + 1), (generator) -> {
			generator.writeArrayFieldStart("Records");
			for (StreamChange change : changes) {
				writeRecord(generator, log, key, change);
			}
			generator.writeEndArray();
			if (open) {
				generator.writeStringField("NextShardIterator", ShardIterator.format(log, last, lastInclusive));
			}
		});
	}

	private static void writeRecord(JsonGenerator generator, StreamLog log, KeySchema key, StreamChange change)
			throws java.io.IOException {
		generator.writeStartObject();
		generator.writeStringField("awsRegion", "us-east-1");
		generator.writeStringField("eventID", "E" + log.tableId().toString().replace("-", "") + ":"
				+ change.sequence());
		generator.writeStringField("eventName", change.eventName());
		generator.writeStringField("eventSource", "scylladb:alternator");
		generator.writeStringField("eventVersion", "1.1");
		if (change.byService()) {
			generator.writeObjectFieldStart("userIdentity");
			generator.writeStringField("PrincipalId", "dynamodb.amazonaws.com");
			generator.writeStringField("Type", "Service");
			generator.writeEndObject();
		}
		generator.writeObjectFieldStart("dynamodb");
		generator.writeNumberField("ApproximateCreationDateTime", change.epochMillis() / 1000);
		Map<String, AttributeValue> keys = new LinkedHashMap<>();
		ItemCodec.putKey(keys, key, change.key());
		ItemCodec.write(generator, "Keys", keys);
		String viewType = log.viewType();
		int size = 0;
		if (change.item() != null && ("NEW_IMAGE".equals(viewType) || "NEW_AND_OLD_IMAGES".equals(viewType))) {
			generator.writeFieldName("NewImage");
			Json.writeRaw(generator, change.item().json());
			size += change.item().size();
		}
		if (change.old() != null && ("OLD_IMAGE".equals(viewType) || "NEW_AND_OLD_IMAGES".equals(viewType))) {
			generator.writeFieldName("OldImage");
			Json.writeRaw(generator, change.old().json());
			size += change.old().size();
		}
		generator.writeStringField("SequenceNumber", StreamLog.formatSequence(change.sequence()));
		generator.writeNumberField("SizeBytes", Math.max(size, 1));
		generator.writeStringField("StreamViewType", viewType);
		generator.writeEndObject();
		generator.writeEndObject();
	}

	private static String requiredString(JsonNode request, String field) {
		String value = Requests.optionalString(request, field);
		if (value == null) {
			throw ApiException.validation("Missing required parameter \"" + field + "\"");
		}
		return value;
	}

	/**
	 * Where a reader of a shard is: the table's id, the shard, and the sequence number to read at or after.
	 */
	record ShardIterator(String tableId, String shardId, long threshold, boolean inclusive) {

		static String format(StreamLog log, long threshold, boolean inclusive) {
			return (inclusive ? "I" : "X") + log.tableId() + "/" + threshold + "/" + log.shardId();
		}

		static ShardIterator parse(String text) {
			int first = text.indexOf('/');
			int second = (first < 0) ? -1 : text.indexOf('/', first + 1);
			if (text.isEmpty() || (text.charAt(0) != 'I' && text.charAt(0) != 'X') || second < 0) {
				throw ApiException.validation("Invalid ShardIterator: " + text);
			}
			try {
				return new ShardIterator(text.substring(1, first), text.substring(second + 1),
						Long.parseLong(text.substring(first + 1, second)), text.charAt(0) == 'I');
			}
			catch (NumberFormatException ex) {
				throw ApiException.validation("Invalid ShardIterator: " + text);
			}
		}

	}

}
