package dev.alternator.local.conformance;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Global and local secondary indexes: queries and scans on them, sparse GSIs, projections, and adding or deleting a
 * GSI with UpdateTable.
 */
class IndexesConformanceTests extends ConformanceSupport {

	private String table;

	@BeforeAll
	void createTable() {
		this.table = uniqueName("indexes");
		this.dynamo.createTable((create) -> create.tableName(this.table)
			.keySchema(key("p", KeyType.HASH), key("c", KeyType.RANGE))
			.attributeDefinitions(attribute("p", ScalarAttributeType.S), attribute("c", ScalarAttributeType.N),
					attribute("g", ScalarAttributeType.S), attribute("l", ScalarAttributeType.N))
			.billingMode(BillingMode.PAY_PER_REQUEST)
			.globalSecondaryIndexes((gsi) -> gsi.indexName("by_g")
				.keySchema(key("g", KeyType.HASH), key("c", KeyType.RANGE))
				.projection((projection) -> projection.projectionType(ProjectionType.ALL)),
					(gsi) -> gsi.indexName("by_g_keys")
						.keySchema(key("g", KeyType.HASH))
						.projection((projection) -> projection.projectionType(ProjectionType.KEYS_ONLY)))
			.localSecondaryIndexes((lsi) -> lsi.indexName("by_l")
				.keySchema(key("p", KeyType.HASH), key("l", KeyType.RANGE))
				.projection((projection) -> projection.projectionType(ProjectionType.ALL))));
	}

	@Test
	void globalIndexQueryFindsItemsByTheIndexKey() {
		put(item("p", s("gsi-1"), "c", n("1"), "g", s("green"), "x", s("a")));
		put(item("p", s("gsi-2"), "c", n("2"), "g", s("green"), "x", s("b")));
		put(item("p", s("gsi-3"), "c", n("3"), "g", s("blue")));
		QueryResponse response = this.dynamo.query((query) -> query.tableName(this.table)
			.indexName("by_g")
			.keyConditionExpression("g = :g")
			.expressionAttributeValues(Map.of(":g", s("green"))));
		assertThat(response.items()).containsExactly(item("p", s("gsi-1"), "c", n("1"), "g", s("green"), "x", s("a")),
				item("p", s("gsi-2"), "c", n("2"), "g", s("green"), "x", s("b")));
	}

	@Test
	void globalIndexHoldsOnlyItemsThatHaveItsKeyAttribute() {
		put(item("p", s("sparse-1"), "c", n("1"), "g", s("sparse")));
		put(item("p", s("sparse-2"), "c", n("1")));
		assertThat(this.dynamo.scan((scan) -> scan.tableName(this.table).indexName("by_g")).items())
			.noneMatch((found) -> !found.containsKey("g"))
			.anyMatch((found) -> found.get("p").equals(s("sparse-1")));
	}

	@Test
	void globalIndexFollowsAChangedKeyAttribute() {
		put(item("p", s("moved"), "c", n("1"), "g", s("before")));
		put(item("p", s("moved"), "c", n("1"), "g", s("after")));
		assertThat(queryByG("before").items()).isEmpty();
		assertThat(queryByG("after").items()).hasSize(1);
	}

	@Test
	void keysOnlyProjectionReturnsOnlyTheTableAndIndexKeys() {
		put(item("p", s("keys-only"), "c", n("1"), "g", s("keys-only"), "x", s("not projected")));
		QueryResponse response = this.dynamo.query((query) -> query.tableName(this.table)
			.indexName("by_g_keys")
			.keyConditionExpression("g = :g")
			.expressionAttributeValues(Map.of(":g", s("keys-only"))));
		assertThat(response.items()).containsExactly(item("p", s("keys-only"), "c", n("1"), "g", s("keys-only")));
	}

	@Test
	void localIndexQueryOrdersByTheAlternateSortKey() {
		put(item("p", s("lsi"), "c", n("1"), "l", n("30")));
		put(item("p", s("lsi"), "c", n("2"), "l", n("10")));
		put(item("p", s("lsi"), "c", n("3"), "l", n("20")));
		QueryResponse response = this.dynamo.query((query) -> query.tableName(this.table)
			.indexName("by_l")
			.keyConditionExpression("p = :p AND l > :min")
			.expressionAttributeValues(Map.of(":p", s("lsi"), ":min", n("5"))));
		assertThat(response.items()).extracting((found) -> found.get("c").n()).containsExactly("2", "3", "1");
	}

	@Test
	void selectAllProjectedAttributesIsAcceptedOnAnIndex() {
		put(item("p", s("projected"), "c", n("1"), "g", s("projected"), "x", s("y")));
		QueryResponse response = this.dynamo.query((query) -> query.tableName(this.table)
			.indexName("by_g")
			.select(Select.ALL_PROJECTED_ATTRIBUTES)
			.keyConditionExpression("g = :g")
			.expressionAttributeValues(Map.of(":g", s("projected"))));
		assertThat(response.items()).hasSize(1);
	}

	@Test
	void queryOfAMissingIndexIsRejected() {
		assertValidation(() -> this.dynamo.query((query) -> query.tableName(this.table)
			.indexName("no_such_index")
			.keyConditionExpression("g = :g")
			.expressionAttributeValues(Map.of(":g", s("x")))), null);
	}

	@Test
	void consistentReadOnAGlobalIndexIsRejected() {
		assertValidation(() -> this.dynamo.query((query) -> query.tableName(this.table)
			.indexName("by_g")
			.consistentRead(true)
			.keyConditionExpression("g = :g")
			.expressionAttributeValues(Map.of(":g", s("x")))), "Consistent");
	}

	@Test
	void indexKeyAttributeOfTheWrongTypeIsRejected() {
		assertValidation(() -> put(item("p", s("bad-index-key"), "c", n("1"), "g", n("5"))), null);
	}

	@Test
	void localIndexOnATableWithoutASortKeyIsRejected() {
		assertValidation(() -> this.dynamo.createTable((create) -> create.tableName(uniqueName("lsi_hash_only"))
			.keySchema(key("p", KeyType.HASH))
			.attributeDefinitions(attribute("p", ScalarAttributeType.S), attribute("l", ScalarAttributeType.S))
			.billingMode(BillingMode.PAY_PER_REQUEST)
			.localSecondaryIndexes((lsi) -> lsi.indexName("by_l")
				.keySchema(key("p", KeyType.HASH), key("l", KeyType.RANGE))
				.projection((projection) -> projection.projectionType(ProjectionType.ALL)))), null);
	}

	@Test
	void updateTableAddsAGlobalIndexFilledWithTheExistingItems() {
		String name = hashTable("add_gsi");
		for (int i = 0; i < 20; i++) {
			int index = i;
			this.dynamo.putItem((put) -> put.tableName(name)
				.item(item("p", s("k" + index), "color", s((index % 2 == 0) ? "red" : "black"))));
		}
		this.dynamo.updateTable((update) -> update.tableName(name)
			.attributeDefinitions(attribute("p", ScalarAttributeType.S), attribute("color", ScalarAttributeType.S))
			.globalSecondaryIndexUpdates((change) -> change.create((gsi) -> gsi.indexName("by_color")
				.keySchema(key("color", KeyType.HASH))
				.projection((projection) -> projection.projectionType(ProjectionType.ALL)))));
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
			TableDescription described = this.dynamo.describeTable((describe) -> describe.tableName(name)).table();
			return described.hasGlobalSecondaryIndexes() && described.globalSecondaryIndexes()
				.stream()
				.allMatch((gsi) -> gsi.indexStatus() == IndexStatus.ACTIVE);
		});
		QueryResponse red = this.dynamo.query((query) -> query.tableName(name)
			.indexName("by_color")
			.keyConditionExpression("color = :c")
			.expressionAttributeValues(Map.of(":c", s("red"))));
		assertThat(red.items()).hasSize(10);
	}

	@Test
	void updateTableDeletesAGlobalIndex() {
		String name = uniqueName("delete_gsi");
		this.dynamo.createTable((create) -> create.tableName(name)
			.keySchema(key("p", KeyType.HASH))
			.attributeDefinitions(attribute("p", ScalarAttributeType.S), attribute("g", ScalarAttributeType.S))
			.billingMode(BillingMode.PAY_PER_REQUEST)
			.globalSecondaryIndexes((gsi) -> gsi.indexName("by_g")
				.keySchema(key("g", KeyType.HASH))
				.projection((projection) -> projection.projectionType(ProjectionType.ALL))));
		this.dynamo.updateTable((update) -> update.tableName(name)
			.globalSecondaryIndexUpdates((change) -> change.delete((delete) -> delete.indexName("by_g"))));
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
			List<GlobalSecondaryIndexDescription> indexes = this.dynamo
				.describeTable((describe) -> describe.tableName(name))
				.table()
				.globalSecondaryIndexes();
			return indexes.isEmpty();
		});
		assertValidation(() -> this.dynamo.query((query) -> query.tableName(name)
			.indexName("by_g")
			.keyConditionExpression("g = :g")
			.expressionAttributeValues(Map.of(":g", s("x")))), null);
	}

	@Test
	void globalIndexFollowsUpdateItemRemoveAndDeleteItem() {
		this.dynamo.updateItem((update) -> update.tableName(this.table)
			.key(item("p", s("followed"), "c", n("1")))
			.updateExpression("SET g = :g")
			.expressionAttributeValues(Map.of(":g", s("followed-1"))));
		assertThat(queryByG("followed-1").items()).hasSize(1);
		this.dynamo.updateItem((update) -> update.tableName(this.table)
			.key(item("p", s("followed"), "c", n("1")))
			.updateExpression("REMOVE g"));
		assertThat(queryByG("followed-1").items()).isEmpty();
		put(item("p", s("followed"), "c", n("1"), "g", s("followed-2")));
		this.dynamo.deleteItem((delete) -> delete.tableName(this.table).key(item("p", s("followed"), "c", n("1"))));
		assertThat(queryByG("followed-2").items()).isEmpty();
	}

	@Test
	void updateItemSettingAnIndexKeyToTheWrongTypeIsRejected() {
		put(item("p", s("bad-update-index-key"), "c", n("1")));
		assertValidation(() -> this.dynamo.updateItem((update) -> update.tableName(this.table)
			.key(item("p", s("bad-update-index-key"), "c", n("1")))
			.updateExpression("SET g = :n")
			.expressionAttributeValues(Map.of(":n", n("5")))), null);
	}

	@Test
	void indexPagesCarryTheIndexAndTableKeysInLastEvaluatedKey() {
		for (int c = 1; c <= 3; c++) {
			put(item("p", s("paged-" + c), "c", n(Integer.toString(c)), "g", s("paged")));
		}
		QueryResponse first = this.dynamo.query((query) -> query.tableName(this.table)
			.indexName("by_g")
			.keyConditionExpression("g = :g")
			.expressionAttributeValues(Map.of(":g", s("paged")))
			.limit(2));
		assertThat(first.lastEvaluatedKey()).containsOnlyKeys("g", "c", "p")
			.containsEntry("g", s("paged"))
			.containsEntry("p", s("paged-2"));
		QueryResponse second = this.dynamo.query((query) -> query.tableName(this.table)
			.indexName("by_g")
			.keyConditionExpression("g = :g")
			.expressionAttributeValues(Map.of(":g", s("paged")))
			.exclusiveStartKey(first.lastEvaluatedKey()));
		assertThat(second.items()).extracting((found) -> found.get("p").s()).containsExactly("paged-3");
	}

	@Test
	void keyConditionBetweenWithTheBoundsReversedIsRejected() {
		assertValidation(() -> this.dynamo.query((query) -> query.tableName(this.table)
			.indexName("by_l")
			.keyConditionExpression("p = :p AND l BETWEEN :hi AND :lo")
			.expressionAttributeValues(Map.of(":p", s("x"), ":hi", n("9"), ":lo", n("1")))), null);
	}

	private void put(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
		this.dynamo.putItem((put) -> put.tableName(this.table).item(item));
	}

	private QueryResponse queryByG(String value) {
		return this.dynamo.query((query) -> query.tableName(this.table)
			.indexName("by_g")
			.keyConditionExpression("g = :g")
			.expressionAttributeValues(Map.of(":g", s(value))));
	}

}
