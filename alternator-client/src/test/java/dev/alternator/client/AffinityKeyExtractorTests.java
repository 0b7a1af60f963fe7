package dev.alternator.client;

import java.util.List;
import java.util.Map;

import dev.alternator.client.internal.affinity.AffinityKeyExtractor;
import dev.alternator.client.internal.affinity.AffinityKeys;
import dev.alternator.client.internal.affinity.PartitionKeyHash;
import dev.alternator.client.internal.affinity.PartitionKeyNames;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which requests each key-route affinity mode routes by key, and by which keys: the classification table of
 * ScyllaDB's cross-language specification.
 */
class AffinityKeyExtractorTests {

	private static final Map<String, AttributeValue> ITEM = Map.of("pk", AttributeValue.fromS("a"), "sk",
			AttributeValue.fromN("1"), "other", AttributeValue.fromS("x"));

	private static final Map<String, AttributeValue> KEY = Map.of("pk", AttributeValue.fromS("a"), "sk",
			AttributeValue.fromN("1"));

	private final PartitionKeyNames partitionKeys = new PartitionKeyNames(Map.of("t", "pk", "u", "id"), (credentials) -> {
		throw new AssertionError("no lookup expected");
	}, "test");

	private final AffinityKeyExtractor rmw = new AffinityKeyExtractor(KeyRouteAffinity.RMW, this.partitionKeys);

	private final AffinityKeyExtractor anyWrite = new AffinityKeyExtractor(KeyRouteAffinity.ANY_WRITE,
			this.partitionKeys);

	private final AffinityKeyExtractor none = new AffinityKeyExtractor(KeyRouteAffinity.NONE, this.partitionKeys);

	@Test
	void readModifyWritePutsAndDeletesAreThoseWithAConditionOrReturnedValues() {
		assertRoutedOnlyUnderAnyWrite(PutItemRequest.builder().tableName("t").item(ITEM).build());
		assertRoutedOnlyUnderAnyWrite(PutItemRequest.builder().tableName("t").item(ITEM).conditionExpression("").build());
		assertRoutedOnlyUnderAnyWrite(PutItemRequest.builder().tableName("t").item(ITEM).expected(Map.of()).build());
		assertRoutedOnlyUnderAnyWrite(
				PutItemRequest.builder().tableName("t").item(ITEM).returnValues(ReturnValue.NONE).build());
		assertRoutedInBothModes(PutItemRequest.builder()
			.tableName("t")
			.item(ITEM)
			.conditionExpression("attribute_not_exists(pk)")
			.build());
		assertRoutedInBothModes(PutItemRequest.builder()
			.tableName("t")
			.item(ITEM)
			.expected(Map.of("pk", ExpectedAttributeValue.builder().exists(false).build()))
			.build());
		assertRoutedInBothModes(
				PutItemRequest.builder().tableName("t").item(ITEM).returnValues(ReturnValue.ALL_OLD).build());
		assertRoutedOnlyUnderAnyWrite(DeleteItemRequest.builder().tableName("t").key(KEY).build());
		assertRoutedInBothModes(
				DeleteItemRequest.builder().tableName("t").key(KEY).conditionExpression("attribute_exists(pk)").build());
		assertRoutedInBothModes(
				DeleteItemRequest.builder().tableName("t").key(KEY).returnValues(ReturnValue.ALL_OLD).build());
	}

	@Test
	void readModifyWriteUpdatesFollowTheSpecificationsTable() {
		assertRoutedOnlyUnderAnyWrite(UpdateItemRequest.builder().tableName("t").key(KEY).build());
		assertRoutedInBothModes(UpdateItemRequest.builder().tableName("t").key(KEY).updateExpression("SET a = :a").build());
		assertRoutedInBothModes(
				UpdateItemRequest.builder().tableName("t").key(KEY).conditionExpression("attribute_exists(pk)").build());
		for (ReturnValue returnValue : List.of(ReturnValue.ALL_OLD, ReturnValue.UPDATED_OLD, ReturnValue.ALL_NEW)) {
			assertRoutedInBothModes(
					UpdateItemRequest.builder().tableName("t").key(KEY).returnValues(returnValue).build());
		}
		// UPDATED_NEW is computed from the update alone.
		assertRoutedOnlyUnderAnyWrite(
				UpdateItemRequest.builder().tableName("t").key(KEY).returnValues(ReturnValue.UPDATED_NEW).build());
		assertRoutedInBothModes(update(AttributeAction.ADD, AttributeValue.fromN("1")));
		assertRoutedInBothModes(update(AttributeAction.DELETE, AttributeValue.fromSs(List.of("x"))));
		assertRoutedOnlyUnderAnyWrite(update(AttributeAction.DELETE, null));
		assertRoutedOnlyUnderAnyWrite(update(AttributeAction.PUT, AttributeValue.fromN("1")));
	}

	private static UpdateItemRequest update(AttributeAction action, AttributeValue value) {
		return UpdateItemRequest.builder()
			.tableName("t")
			.key(KEY)
			.attributeUpdates(Map.of("a", AttributeValueUpdate.builder().action(action).value(value).build()))
			.build();
	}

	@Test
	void onlyThePartitionKeyCountsNotTheSortKeyNorOtherAttributes() {
		AffinityKeys put = this.anyWrite.keysOf(PutItemRequest.builder().tableName("t").item(ITEM).build());
		AffinityKeys otherAttributes = this.anyWrite.keysOf(PutItemRequest.builder()
			.tableName("t")
			.item(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromN("2")))
			.build());
		assertThat(put).hasToString(AffinityKeys.single(PartitionKeyHash.of(AttributeValue.fromS("a"))).toString());
		assertThat(otherAttributes).hasToString(put.toString());
	}

	@Test
	void readsAndUnknownOrUnsupportedKeysAreNotRoutedByKey() {
		assertThat(this.anyWrite.keysOf(GetItemRequest.builder().tableName("t").key(KEY).build())).isNull();
		assertThat(this.none.keysOf(PutItemRequest.builder()
			.tableName("t")
			.item(ITEM)
			.conditionExpression("attribute_not_exists(pk)")
			.build())).isNull();
		// The item lacks the table's partition key, or has it with a type that cannot be a key.
		assertThat(this.anyWrite.keysOf(PutItemRequest.builder().tableName("u").item(ITEM).build())).isNull();
		assertThat(this.anyWrite.keysOf(
				PutItemRequest.builder().tableName("u").item(Map.of("id", AttributeValue.fromBool(true))).build()))
			.isNull();
		// A table whose key is not known yet: routed in turn, and a lookup is wanted.
		assertThat(this.anyWrite.keysOf(PutItemRequest.builder().tableName("unknown").item(ITEM).build())).isNull();
	}

	@Test
	void batchWritesVoteWithEveryUsablePutAndDeleteUnderAnyWriteOnly() {
		WriteRequest put = WriteRequest.builder().putRequest(PutRequest.builder().item(ITEM).build()).build();
		WriteRequest delete = WriteRequest.builder()
			.deleteRequest(DeleteRequest.builder().key(Map.of("id", AttributeValue.fromB(SdkBytes.fromUtf8String("b")))).build())
			.build();
		WriteRequest malformed = WriteRequest.builder().build();
		BatchWriteItemRequest batch = BatchWriteItemRequest.builder()
			.requestItems(Map.of("t", List.of(put, malformed), "u", List.of(delete), "unknown", List.of(put)))
			.build();
		assertThat(this.rmw.keysOf(batch)).isNull();
		AffinityKeys keys = this.anyWrite.keysOf(batch);
		assertThat(keys).isNotNull();
		assertThat(keys.toString()).startsWith("batch keys ")
			.contains(Long.toString(PartitionKeyHash.of(AttributeValue.fromS("a"))))
			.contains(Long.toString(PartitionKeyHash.of(AttributeValue.fromB(SdkBytes.fromUtf8String("b")))));
		assertThat(this.anyWrite.keysOf(
				BatchWriteItemRequest.builder().requestItems(Map.of("t", List.of(malformed))).build()))
			.isNull();
	}

	private void assertRoutedInBothModes(SdkRequest request) {
		assertThat(this.rmw.keysOf(request)).as("RMW: %s", request).isNotNull();
		assertThat(this.anyWrite.keysOf(request)).as("ANY_WRITE: %s", request).isNotNull();
	}

	private void assertRoutedOnlyUnderAnyWrite(SdkRequest request) {
		assertThat(this.rmw.keysOf(request)).as("RMW: %s", request).isNull();
		assertThat(this.anyWrite.keysOf(request)).as("ANY_WRITE: %s", request).isNotNull();
	}

}
