package dev.alternator.client.internal.affinity;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.alternator.client.KeyRouteAffinity;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Decides whether a request is routed by its partition key under a {@link KeyRouteAffinity} mode, and extracts the
 * hashes of its keys. A request that does not qualify, or whose table's partition key is not known yet, or whose key
 * is missing or not a string, number or binary, is routed like any other ({@code null}).
 */
public final class AffinityKeyExtractor {

	private final KeyRouteAffinity mode;

	private final PartitionKeyNames partitionKeys;

	public AffinityKeyExtractor(KeyRouteAffinity mode, PartitionKeyNames partitionKeys) {
		this.mode = mode;
		this.partitionKeys = partitionKeys;
	}

	/**
	 * The keys to route {@code request} by, or {@code null} to route it in turn.
	 */
	public AffinityKeys keysOf(SdkRequest request) {
		if (this.mode == KeyRouteAffinity.NONE) {
			return null;
		}
		if (request instanceof PutItemRequest put) {
			return (anyWrite() || isReadModifyWrite(put)) ? singleKey(put.tableName(), put.item()) : null;
		}
		if (request instanceof UpdateItemRequest update) {
			return (anyWrite() || isReadModifyWrite(update)) ? singleKey(update.tableName(), update.key()) : null;
		}
		if (request instanceof DeleteItemRequest delete) {
			return (anyWrite() || isReadModifyWrite(delete)) ? singleKey(delete.tableName(), delete.key()) : null;
		}
		if (request instanceof BatchWriteItemRequest batch && anyWrite()) {
			return batchKeys(batch);
		}
		return null;
	}

	private boolean anyWrite() {
		return this.mode == KeyRouteAffinity.ANY_WRITE;
	}

	private static boolean isReadModifyWrite(PutItemRequest put) {
		return isConditionalOrReturning(put.conditionExpression(), put.expected(), put.returnValuesAsString());
	}

	private static boolean isReadModifyWrite(DeleteItemRequest delete) {
		return isConditionalOrReturning(delete.conditionExpression(), delete.expected(),
				delete.returnValuesAsString());
	}

	/**
	 * A put or delete reads the stored item when it has a condition or returns values.
	 */
	private static boolean isConditionalOrReturning(String condition, Map<String, ?> expected, String returnValues) {
		return hasText(condition) || !expected.isEmpty() || (returnValues != null && !"NONE".equals(returnValues));
	}

	private static boolean isReadModifyWrite(UpdateItemRequest update) {
		if (hasText(update.updateExpression()) || hasText(update.conditionExpression()) || !update.expected().isEmpty()) {
			return true;
		}
		String returnValues = update.returnValuesAsString();
		// UPDATED_NEW is computed from the update itself; the other three need the stored item.
		if ("ALL_OLD".equals(returnValues) || "UPDATED_OLD".equals(returnValues) || "ALL_NEW".equals(returnValues)) {
			return true;
		}
		for (AttributeValueUpdate attributeUpdate : update.attributeUpdates().values()) {
			if (attributeUpdate.action() == AttributeAction.ADD
					|| (attributeUpdate.action() == AttributeAction.DELETE && attributeUpdate.value() != null)) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasText(String value) {
		return value != null && !value.isEmpty();
	}

	private AffinityKeys singleKey(String table, Map<String, AttributeValue> attributes) {
		AttributeValue key = partitionKeyValue(table, attributes);
		return (key != null) ? AffinityKeys.single(PartitionKeyHash.of(key)) : null;
	}

	private AffinityKeys batchKeys(BatchWriteItemRequest batch) {
		long[] hashes = new long[8];
		int count = 0;
		for (Map.Entry<String, List<WriteRequest>> tableWrites : batch.requestItems().entrySet()) {
			if (tableWrites.getValue() == null) {
				continue;
			}
			for (WriteRequest write : tableWrites.getValue()) {
				AttributeValue key = partitionKeyValue(tableWrites.getKey(), attributesOf(write));
				if (key != null) {
					if (count == hashes.length) {
						hashes = Arrays.copyOf(hashes, count * 2);
					}
					hashes[count++] = PartitionKeyHash.of(key);
				}
			}
		}
		return (count > 0) ? AffinityKeys.batch(Arrays.copyOf(hashes, count)) : null;
	}

	/**
	 * The item of a put or the key of a delete; {@code null} for an entry with neither or both (malformed).
	 */
	private static Map<String, AttributeValue> attributesOf(WriteRequest write) {
		if (write == null || (write.putRequest() != null) == (write.deleteRequest() != null)) {
			return null;
		}
		return (write.putRequest() != null) ? write.putRequest().item() : write.deleteRequest().key();
	}

	private AttributeValue partitionKeyValue(String table, Map<String, AttributeValue> attributes) {
		if (table == null || attributes == null) {
			return null;
		}
		String attribute = this.partitionKeys.partitionKey(table);
		if (attribute == null) {
			return null;
		}
		AttributeValue value = attributes.get(attribute);
		return PartitionKeyHash.isHashable(value) ? value : null;
	}

}
