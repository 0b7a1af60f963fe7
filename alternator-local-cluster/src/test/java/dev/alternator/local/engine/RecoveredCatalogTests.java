package dev.alternator.local.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alternator.local.engine.api.Operation;
import dev.alternator.local.engine.api.Operations;
import dev.alternator.local.engine.table.TableCatalog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operations built over a catalogue that already holds tables (as a data directory recovers them) give the
 * streamed tables a stream again and start TTL expiry, so that a restart does not silently drop either.
 * In process, without sockets: what is tested is the wiring, which no client can reach before a restart.
 */
class RecoveredCatalogTests {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private static JsonNode call(Map<String, Operation> operations, String name, String json) throws Exception {
		return MAPPER.readTree(operations.get(name).execute(MAPPER.readTree(json)));
	}

	@Test
	void streamsAndTtlComeBackOverAnExistingCatalogue() throws Exception {
		TableCatalog catalog = new TableCatalog();
		List<AutoCloseable> first = new ArrayList<>();
		Map<String, Operation> before = Operations.create(EngineOptions.defaults(), catalog, first::add);
		call(before, "CreateTable", "{\"TableName\":\"kept\",\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":"
				+ "\"HASH\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],"
				+ "\"StreamSpecification\":{\"StreamEnabled\":true,\"StreamViewType\":\"KEYS_ONLY\"}}");
		call(before, "UpdateTimeToLive", "{\"TableName\":\"kept\",\"TimeToLiveSpecification\":{\"AttributeName\":"
				+ "\"expires\",\"Enabled\":true}}");
		for (AutoCloseable resource : first) {
			resource.close();
		}
		long threadsBefore = expiryThreads();
		List<AutoCloseable> second = new ArrayList<>();
		Map<String, Operation> after = Operations.create(EngineOptions.defaults(), catalog, second::add);
		try {
			assertThat(expiryThreads()).isEqualTo(threadsBefore + 1);
			JsonNode listed = call(after, "ListStreams", "{\"TableName\":\"kept\"}");
			assertThat(listed.get("Streams")).hasSize(1);
			String arn = listed.get("Streams").get(0).get("StreamArn").asText();
			String shard = call(after, "DescribeStream", "{\"StreamArn\":\"" + arn + "\"}").get("StreamDescription")
				.get("Shards").get(0).get("ShardId").asText();
			String iterator = call(after, "GetShardIterator", "{\"StreamArn\":\"" + arn + "\",\"ShardId\":\"" + shard
					+ "\",\"ShardIteratorType\":\"TRIM_HORIZON\"}").get("ShardIterator").asText();
			call(after, "PutItem", "{\"TableName\":\"kept\",\"Item\":{\"id\":{\"S\":\"a\"}}}");
			JsonNode records = call(after, "GetRecords", "{\"ShardIterator\":" + MAPPER.writeValueAsString(iterator)
					+ "}").get("Records");
			assertThat(records).hasSize(1);
			assertThat(records.get(0).get("eventName").asText()).isEqualTo("INSERT");
		}
		finally {
			for (AutoCloseable resource : second) {
				resource.close();
			}
		}
		assertThat(expiryThreads()).isEqualTo(threadsBefore);
	}

	private static long expiryThreads() {
		return Thread.getAllStackTraces().keySet().stream()
			.filter((thread) -> thread.isAlive() && "alternator-ttl-expiry".equals(thread.getName()))
			.count();
	}

}
