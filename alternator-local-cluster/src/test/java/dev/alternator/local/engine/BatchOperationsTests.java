package dev.alternator.local.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import static dev.alternator.local.engine.EngineClusterSupport.key;
import static dev.alternator.local.engine.EngineClusterSupport.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchOperationsTests {

	private static final String TABLE = "batched";

	@RegisterExtension
	static final EngineCluster engine = EngineCluster.twoNodes();

	private static final DynamoDbClient client = engine.client(1);

	@BeforeAll
	static void createTable() {
		client.createTable((request) -> request.tableName(TABLE)
			.keySchema((k) -> k.attributeName("id").keyType("HASH"))
			.attributeDefinitions((a) -> a.attributeName("id").attributeType("S"))
			.billingMode("PAY_PER_REQUEST"));
	}

	private static WriteRequest put(String id) {
		return WriteRequest.builder().putRequest((put) -> put.item(Map.of("id", s(id), "v", s("value " + id)))).build();
	}

	@Test
	void oneHundredWritesAndOneHundredReadsInOneBatchEach() {
		List<WriteRequest> writes = new ArrayList<>();
		List<Map<String, AttributeValue>> keys = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			writes.add(put("b" + i));
			keys.add(key("b" + i));
		}
		BatchWriteItemResponse written = client.batchWriteItem((batch) -> batch.requestItems(Map.of(TABLE, writes)));
		assertThat(written.unprocessedItems()).isEmpty();
		BatchGetItemResponse read = client.batchGetItem((batch) -> batch.requestItems(Map.of(TABLE,
				KeysAndAttributes.builder().keys(keys).projectionExpression("v").build())));
		assertThat(read.unprocessedKeys()).isEmpty();
		assertThat(read.responses().get(TABLE)).hasSize(100)
			.allSatisfy((item) -> assertThat(item).containsOnlyKeys("v"));
		client.batchWriteItem((batch) -> batch.requestItems(Map.of(TABLE,
				List.of(WriteRequest.builder().deleteRequest((delete) -> delete.key(key("b0"))).build(), put("b100")))));
		assertThat(client.getItem((get) -> get.tableName(TABLE).key(key("b0"))).hasItem()).isFalse();
		assertThat(client.getItem((get) -> get.tableName(TABLE).key(key("b100"))).hasItem()).isTrue();
	}

	@Test
	void duplicateKeysAreRejectedAndNothingIsWritten() {
		assertThatThrownBy(() -> client.batchWriteItem((batch) -> batch.requestItems(Map.of(TABLE,
				List.of(put("dup-new"), put("dup"), put("dup")))))).isInstanceOf(DynamoDbException.class)
			.hasMessageContaining("Provided list of item keys contains duplicates");
		assertThat(client.getItem((get) -> get.tableName(TABLE).key(key("dup-new"))).hasItem()).isFalse();
		assertThatThrownBy(() -> client.batchGetItem((batch) -> batch.requestItems(Map.of(TABLE,
				KeysAndAttributes.builder().keys(key("a"), key("a")).build())))).isInstanceOf(DynamoDbException.class)
			.hasMessageContaining("Provided list of item keys contains duplicates");
	}

	@Test
	void batchesBeyondTheLimitsAreRejected() {
		List<Map<String, AttributeValue>> keys = new ArrayList<>();
		List<WriteRequest> writes = new ArrayList<>();
		for (int i = 0; i < 101; i++) {
			keys.add(key("many" + i));
			writes.add(put("many" + i));
		}
		assertThatThrownBy(() -> client.batchGetItem((batch) -> batch.requestItems(Map.of(TABLE,
				KeysAndAttributes.builder().keys(keys).build())))).isInstanceOf(DynamoDbException.class)
			.hasMessageContaining("Too many items requested for the BatchGetItem call");
		assertThatThrownBy(() -> client.batchWriteItem((batch) -> batch.requestItems(Map.of(TABLE, writes))))
			.isInstanceOf(DynamoDbException.class)
			.hasMessageContaining("Too many items");
	}

}
