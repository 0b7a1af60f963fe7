package dev.alternator.local.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * BatchGetItem and BatchWriteItem: several tables in one call, nothing left unprocessed, Alternator's request limit
 * and the duplicate-key rule.
 */
class BatchConformanceTests extends ConformanceSupport {

	private String first;

	private String second;

	@BeforeAll
	void createTables() {
		this.first = hashTable("batch_first");
		this.second = hashTable("batch_second");
	}

	@Test
	void batchWriteItemPutsAndDeletesInSeveralTables() {
		this.dynamo.putItem((put) -> put.tableName(this.second).item(item("p", s("to-delete"))));
		BatchWriteItemResponse response = this.dynamo.batchWriteItem((batch) -> batch.requestItems(Map.of(
				this.first, List.of(put(item("p", s("w1"), "v", n("1"))), put(item("p", s("w2"), "v", n("2")))),
				this.second, List.of(delete(item("p", s("to-delete")))))));
		assertThat(response.unprocessedItems()).isEmpty();
		assertThat(get(this.first, "w1")).containsEntry("v", n("1"));
		assertThat(get(this.first, "w2")).containsEntry("v", n("2"));
		assertThat(this.dynamo.getItem((get) -> get.tableName(this.second).key(item("p", s("to-delete"))))
			.hasItem()).isFalse();
	}

	@Test
	void batchGetItemReadsSeveralTablesAndLeavesNothingUnprocessed() {
		this.dynamo.putItem((put) -> put.tableName(this.first).item(item("p", s("g1"), "v", s("a"))));
		this.dynamo.putItem((put) -> put.tableName(this.second).item(item("p", s("g2"), "v", s("b"))));
		BatchGetItemResponse response = this.dynamo.batchGetItem((batch) -> batch.requestItems(Map.of(
				this.first, KeysAndAttributes.builder().keys(item("p", s("g1")), item("p", s("never"))).build(),
				this.second, KeysAndAttributes.builder().keys(item("p", s("g2"))).consistentRead(true).build())));
		assertThat(response.responses().get(this.first)).containsExactly(item("p", s("g1"), "v", s("a")));
		assertThat(response.responses().get(this.second)).containsExactly(item("p", s("g2"), "v", s("b")));
		assertThat(response.unprocessedKeys()).isEmpty();
	}

	@Test
	void batchGetItemAppliesAProjectionExpression() {
		this.dynamo.putItem((put) -> put.tableName(this.first)
			.item(item("p", s("projected"), "a", s("1"), "b", s("2"))));
		BatchGetItemResponse response = this.dynamo.batchGetItem((batch) -> batch.requestItems(Map.of(this.first,
				KeysAndAttributes.builder().keys(item("p", s("projected"))).projectionExpression("b").build())));
		assertThat(response.responses().get(this.first)).containsExactly(item("b", s("2")));
	}

	@Test
	void batchGetItemOfAHundredKeysIsServedInOneCall() {
		List<Map<String, AttributeValue>> keys = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			keys.add(item("p", s("hundred-" + i)));
		}
		writeAll(this.first, keys);
		BatchGetItemResponse response = this.dynamo.batchGetItem((batch) -> batch
			.requestItems(Map.of(this.first, KeysAndAttributes.builder().keys(keys).build())));
		assertThat(response.responses().get(this.first)).hasSize(100);
		assertThat(response.unprocessedKeys()).isEmpty();
	}

	@Test
	void batchWriteItemWithTheSameKeyTwiceIsRejected() {
		assertValidation(() -> this.dynamo.batchWriteItem((batch) -> batch.requestItems(Map.of(this.first,
				List.of(put(item("p", s("dup"), "v", n("1"))), put(item("p", s("dup"), "v", n("2"))))))),
				"Provided list of item keys contains duplicates");
		assertThat(this.dynamo.getItem((get) -> get.tableName(this.first).key(item("p", s("dup")))).hasItem())
			.isFalse();
	}

	@Test
	void batchWriteItemWithAPutAndADeleteOfTheSameKeyIsRejected() {
		assertValidation(() -> this.dynamo.batchWriteItem((batch) -> batch.requestItems(Map.of(this.first,
				List.of(put(item("p", s("dup-mixed"))), delete(item("p", s("dup-mixed"))))))),
				"Provided list of item keys contains duplicates");
	}

	@Test
	void batchGetItemWithTheSameKeyTwiceIsRejected() {
		assertValidation(() -> this.dynamo.batchGetItem((batch) -> batch.requestItems(Map.of(this.first,
				KeysAndAttributes.builder().keys(item("p", s("dup-get")), item("p", s("dup-get"))).build()))),
				"Provided list of item keys contains duplicates");
	}

	@Test
	void batchWriteItemOfAHundredRequestsIsAccepted() {
		// Alternator's default alternator_max_items_in_batch_write is 100 (DynamoDB stops at 25).
		List<Map<String, AttributeValue>> keys = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			keys.add(item("p", s("limit-" + i)));
		}
		List<WriteRequest> requests = keys.stream().map(BatchConformanceTests::put).toList();
		BatchWriteItemResponse response = this.dynamo
			.batchWriteItem((batch) -> batch.requestItems(Map.of(this.first, requests)));
		assertThat(response.unprocessedItems()).isEmpty();
	}

	@Test
	void batchWriteItemOfMoreThanAHundredRequestsIsRejected() {
		List<WriteRequest> requests = new ArrayList<>();
		for (int i = 0; i < 101; i++) {
			requests.add(put(item("p", s("over-limit-" + i))));
		}
		assertValidation(() -> this.dynamo.batchWriteItem((batch) -> batch.requestItems(Map.of(this.first, requests))),
				null);
		assertThat(this.dynamo.getItem((get) -> get.tableName(this.first).key(item("p", s("over-limit-0"))))
			.hasItem()).isFalse();
	}

	@Test
	void batchWriteItemOnAMissingTableIsResourceNotFound() {
		assertApiError(() -> this.dynamo.batchWriteItem((batch) -> batch
			.requestItems(Map.of(uniqueName("absent"), List.of(put(item("p", s("x"))))))), "ResourceNotFoundException",
				null);
	}

	@Test
	void batchWriteItemWithAnItemMissingItsKeyIsRejectedAndWritesNothing() {
		assertValidation(() -> this.dynamo.batchWriteItem((batch) -> batch.requestItems(Map.of(this.first,
				List.of(put(item("p", s("valid-in-bad-batch"))), put(item("q", s("no key"))))))), null);
		assertThat(this.dynamo.getItem((get) -> get.tableName(this.first).key(item("p", s("valid-in-bad-batch"))))
			.hasItem()).isFalse();
	}

	@Test
	void batchGetItemOnAMissingTableIsResourceNotFound() {
		assertApiError(() -> this.dynamo.batchGetItem((batch) -> batch.requestItems(Map.of(uniqueName("absent"),
				KeysAndAttributes.builder().keys(item("p", s("x"))).build()))), "ResourceNotFoundException", null);
	}

	@Test
	void batchGetItemProjectionAcceptsAttributeNames() {
		this.dynamo.putItem((put) -> put.tableName(this.first)
			.item(item("p", s("projected-names"), "name", s("n"), "other", s("o"))));
		BatchGetItemResponse response = this.dynamo.batchGetItem((batch) -> batch.requestItems(Map.of(this.first,
				KeysAndAttributes.builder()
					.keys(item("p", s("projected-names")))
					.projectionExpression("#n")
					.expressionAttributeNames(Map.of("#n", "name"))
					.build())));
		assertThat(response.responses().get(this.first)).containsExactly(item("name", s("n")));
	}

	private void writeAll(String table, List<Map<String, AttributeValue>> items) {
		for (int from = 0; from < items.size(); from += 25) {
			List<WriteRequest> chunk = items.subList(from, Math.min(items.size(), from + 25))
				.stream()
				.map(BatchConformanceTests::put)
				.toList();
			this.dynamo.batchWriteItem((batch) -> batch.requestItems(Map.of(table, chunk)));
		}
	}

	private Map<String, AttributeValue> get(String table, String key) {
		return this.dynamo.getItem((get) -> get.tableName(table).key(item("p", s(key))).consistentRead(true)).item();
	}

	private static WriteRequest put(Map<String, AttributeValue> item) {
		return WriteRequest.builder().putRequest((put) -> put.item(item)).build();
	}

	private static WriteRequest delete(Map<String, AttributeValue> key) {
		return WriteRequest.builder().deleteRequest((delete) -> delete.key(key)).build();
	}

}
