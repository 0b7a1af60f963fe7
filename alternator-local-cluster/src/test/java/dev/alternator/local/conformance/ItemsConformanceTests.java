package dev.alternator.local.conformance;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalOperator;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PutItem, GetItem, UpdateItem and DeleteItem: conditions, every ReturnValues, and the legacy parameters.
 */
class ItemsConformanceTests extends ConformanceSupport {

	private String table;

	private String sorted;

	@BeforeAll
	void createTables() {
		this.table = hashTable("items");
		this.sorted = hashRangeTable("items_sorted", ScalarAttributeType.S);
	}

	@Test
	void putItemIsReadBackByAConsistentGetItem() {
		Map<String, AttributeValue> written = item("p", s("put-get"), "a", s("x"), "n", n("7"));
		this.dynamo.putItem((put) -> put.tableName(this.table).item(written));
		assertThat(get("put-get")).isEqualTo(written);
	}

	@Test
	void getItemOfAMissingItemAnswersWithoutAnItem() {
		assertThat(this.dynamo.getItem((get) -> get.tableName(this.table).key(item("p", s("never-written"))))
			.hasItem()).isFalse();
	}

	@Test
	void putItemReplacesTheWholeItem() {
		this.dynamo.putItem((put) -> put.tableName(this.table).item(item("p", s("replace"), "a", s("1"))));
		this.dynamo.putItem((put) -> put.tableName(this.table).item(item("p", s("replace"), "b", s("2"))));
		assertThat(get("replace")).isEqualTo(item("p", s("replace"), "b", s("2")));
	}

	@Test
	void itemOperationsOnAMissingTableAreResourceNotFound() {
		assertThat(assertApiError(() -> this.dynamo.putItem((put) -> put.tableName(uniqueName("absent"))
			.item(item("p", s("k")))), "ResourceNotFoundException", null))
			.isInstanceOf(ResourceNotFoundException.class);
	}

	@Test
	void projectionExpressionReturnsOnlyTheNamedNestedPaths() {
		this.dynamo.putItem((put) -> put.tableName(this.table)
			.item(item("p", s("projection"), "a", map("b", n("1"), "c", n("2")), "l", list(n("10"), n("20"), n("30")),
					"x", s("not asked"))));
		Map<String, AttributeValue> projected = this.dynamo.getItem((get) -> get.tableName(this.table)
			.key(item("p", s("projection")))
			.projectionExpression("a.b, l[1]")).item();
		assertThat(projected).isEqualTo(item("a", map("b", n("1")), "l", list(n("20"))));
	}

	@Test
	void projectionOfAMissingAttributeLeavesItOut() {
		this.dynamo.putItem((put) -> put.tableName(this.table).item(item("p", s("projection-missing"), "a", s("1"))));
		assertThat(this.dynamo.getItem((get) -> get.tableName(this.table)
			.key(item("p", s("projection-missing")))
			.projectionExpression("a, zzz")).item()).isEqualTo(item("a", s("1")));
	}

	@Test
	void attributesToGetReturnsOnlyTheNamedAttributes() {
		this.dynamo.putItem((put) -> put.tableName(this.table)
			.item(item("p", s("attributes-to-get"), "a", s("1"), "b", s("2"))));
		assertThat(this.dynamo.getItem((get) -> get.tableName(this.table)
			.key(item("p", s("attributes-to-get")))
			.attributesToGet("b")).item()).isEqualTo(item("b", s("2")));
	}

	@Test
	void projectionExpressionAndAttributesToGetTogetherAreRejected() {
		assertValidation(() -> this.dynamo.getItem((get) -> get.tableName(this.table)
			.key(item("p", s("both")))
			.attributesToGet("a")
			.projectionExpression("a")), "both");
	}

	@Test
	void conditionExpressionAndExpectedTogetherAreRejected() {
		assertValidation(() -> this.dynamo.putItem((put) -> put.tableName(this.table)
			.item(item("p", s("both-conditions")))
			.conditionExpression("attribute_not_exists(p)")
			.expected(Map.of("a", ExpectedAttributeValue.builder().exists(false).build()))), "both");
	}

	@Test
	void putItemWithAFalseConditionFailsAndLeavesTheItemUnchanged() {
		this.dynamo.putItem((put) -> put.tableName(this.table).item(item("p", s("cond-put"), "a", s("old"))));
		ConditionalCheckFailedException error = (ConditionalCheckFailedException) assertApiError(
				() -> this.dynamo.putItem((put) -> put.tableName(this.table)
					.item(item("p", s("cond-put"), "a", s("new")))
					.conditionExpression("a = :v")
					.expressionAttributeValues(Map.of(":v", s("other")))),
				"ConditionalCheckFailedException", "The conditional request failed");
		assertThat(error.hasItem()).isFalse();
		assertThat(get("cond-put")).containsEntry("a", s("old"));
	}

	@Test
	void attributeNotExistsConditionLetsOnlyTheFirstPutThrough() {
		this.dynamo.putItem((put) -> put.tableName(this.table)
			.item(item("p", s("create-once"), "n", n("1")))
			.conditionExpression("attribute_not_exists(p)"));
		assertApiError(() -> this.dynamo.putItem((put) -> put.tableName(this.table)
			.item(item("p", s("create-once"), "n", n("2")))
			.conditionExpression("attribute_not_exists(p)")), "ConditionalCheckFailedException", null);
		assertThat(get("create-once")).containsEntry("n", n("1"));
	}

	@Test
	void failedConditionReturnsTheOldItemWhenAskedWithReturnValuesOnConditionCheckFailure() {
		this.dynamo.putItem((put) -> put.tableName(this.table).item(item("p", s("cond-return"), "s", s("cat"))));
		ConditionalCheckFailedException error = (ConditionalCheckFailedException) assertApiError(
				() -> this.dynamo.putItem((put) -> put.tableName(this.table)
					.item(item("p", s("cond-return"), "s", s("cow")))
					.conditionExpression("s = :v")
					.expressionAttributeValues(Map.of(":v", s("dog")))
					.returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)),
				"ConditionalCheckFailedException", null);
		assertThat(error.item()).isEqualTo(item("p", s("cond-return"), "s", s("cat")));
	}

	@Test
	void failedConditionOnAMissingItemReturnsNoItemEvenWhenAsked() {
		ConditionalCheckFailedException error = (ConditionalCheckFailedException) assertApiError(
				() -> this.dynamo.updateItem((update) -> update.tableName(this.table)
					.key(item("p", s("cond-return-missing")))
					.updateExpression("SET s = :v")
					.conditionExpression("attribute_exists(s)")
					.expressionAttributeValues(Map.of(":v", s("x")))
					.returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)),
				"ConditionalCheckFailedException", null);
		assertThat(error.hasItem()).isFalse();
	}

	@Test
	void putItemReturnsTheOldItemWithAllOld() {
		this.dynamo.putItem((put) -> put.tableName(this.table).item(item("p", s("put-all-old"), "a", s("hi"))));
		assertThat(this.dynamo.putItem((put) -> put.tableName(this.table)
			.item(item("p", s("put-all-old"), "a", s("hello")))
			.returnValues(ReturnValue.ALL_OLD)).attributes()).isEqualTo(item("p", s("put-all-old"), "a", s("hi")));
	}

	@Test
	void putItemOfANewItemReturnsNoAttributesWithAllOld() {
		assertThat(this.dynamo.putItem((put) -> put.tableName(this.table)
			.item(item("p", s("put-all-old-new")))
			.returnValues(ReturnValue.ALL_OLD)).hasAttributes()).isFalse();
	}

	@Test
	void putItemRejectsReturnValuesOtherThanNoneAndAllOld() {
		for (ReturnValue value : new ReturnValue[] { ReturnValue.UPDATED_OLD, ReturnValue.ALL_NEW,
				ReturnValue.UPDATED_NEW }) {
			assertValidation(() -> this.dynamo.putItem((put) -> put.tableName(this.table)
				.item(item("p", s("put-bad-return")))
				.returnValues(value)), null);
		}
	}

	@Test
	void deleteItemReturnsTheDeletedItemWithAllOld() {
		this.dynamo.putItem((put) -> put.tableName(this.table).item(item("p", s("delete-all-old"), "a", s("hi"))));
		assertThat(this.dynamo.deleteItem((delete) -> delete.tableName(this.table)
			.key(item("p", s("delete-all-old")))
			.returnValues(ReturnValue.ALL_OLD)).attributes()).isEqualTo(item("p", s("delete-all-old"), "a", s("hi")));
		assertThat(this.dynamo.getItem((get) -> get.tableName(this.table).key(item("p", s("delete-all-old"))))
			.hasItem()).isFalse();
	}

	@Test
	void deleteItemRejectsReturnValuesOtherThanNoneAndAllOld() {
		assertValidation(() -> this.dynamo.deleteItem((delete) -> delete.tableName(this.table)
			.key(item("p", s("delete-bad-return")))
			.returnValues(ReturnValue.ALL_NEW)), null);
	}

	@Test
	void deleteItemWithAFalseConditionKeepsTheItem() {
		this.dynamo.putItem((put) -> put.tableName(this.table).item(item("p", s("cond-delete"), "s", s("dog"))));
		assertApiError(() -> this.dynamo.deleteItem((delete) -> delete.tableName(this.table)
			.key(item("p", s("cond-delete")))
			.conditionExpression("s = :v")
			.expressionAttributeValues(Map.of(":v", s("cat")))), "ConditionalCheckFailedException", null);
		assertThat(get("cond-delete")).containsEntry("s", s("dog"));
	}

	@Test
	void updateItemCreatesAMissingItem() {
		this.dynamo.updateItem((update) -> update.tableName(this.table)
			.key(item("p", s("upsert")))
			.updateExpression("SET a = :v")
			.expressionAttributeValues(Map.of(":v", s("new"))));
		assertThat(get("upsert")).isEqualTo(item("p", s("upsert"), "a", s("new")));
	}

	@Test
	void updateItemThatOnlyRemovesDoesNotCreateAMissingItem() {
		this.dynamo.updateItem((update) -> update.tableName(this.table)
			.key(item("p", s("remove-only")))
			.updateExpression("REMOVE a"));
		assertThat(this.dynamo.getItem((get) -> get.tableName(this.table).key(item("p", s("remove-only"))))
			.hasItem()).isFalse();
	}

	@Test
	void updateItemReturnsTheWholeOldItemWithAllOld() {
		this.dynamo.putItem((put) -> put.tableName(this.table)
			.item(item("p", s("u-all-old"), "a", s("hi"), "b", s("dog"))));
		assertThat(update("u-all-old", "SET b = :v", ReturnValue.ALL_OLD, s("cat")))
			.isEqualTo(item("p", s("u-all-old"), "a", s("hi"), "b", s("dog")));
	}

	@Test
	void updateItemReturnsOnlyTheOverwrittenOldAttributesWithUpdatedOld() {
		this.dynamo.putItem((put) -> put.tableName(this.table)
			.item(item("p", s("u-updated-old"), "a", s("hi"), "b", s("dog"))));
		assertThat(this.dynamo.updateItem((update) -> update.tableName(this.table)
			.key(item("p", s("u-updated-old")))
			.updateExpression("SET b = :v, c = :w")
			.expressionAttributeValues(Map.of(":v", s("cat"), ":w", s("new")))
			.returnValues(ReturnValue.UPDATED_OLD)).attributes()).isEqualTo(item("b", s("dog")));
	}

	@Test
	void updateItemReturnsTheWholeNewItemWithAllNew() {
		this.dynamo.putItem((put) -> put.tableName(this.table)
			.item(item("p", s("u-all-new"), "a", s("hi"), "b", s("dog"))));
		assertThat(update("u-all-new", "SET b = :v", ReturnValue.ALL_NEW, s("cat")))
			.isEqualTo(item("p", s("u-all-new"), "a", s("hi"), "b", s("cat")));
	}

	@Test
	void updateItemReturnsOnlyTheUpdatedNewAttributesWithUpdatedNew() {
		this.dynamo.putItem((put) -> put.tableName(this.table).item(item("p", s("u-updated-new"), "a", n("1"))));
		assertThat(update("u-updated-new", "SET a = a + :v", ReturnValue.UPDATED_NEW, n("1")))
			.isEqualTo(item("a", n("2")));
	}

	@Test
	void updatedOldOfANestedUpdateReturnsOnlyTheNestedPath() {
		this.dynamo.putItem((put) -> put.tableName(this.table)
			.item(item("p", s("u-nested-old"), "a", map("b", s("dog"), "c", list(n("1"), n("2"), n("3"))),
					"d", s("cat"))));
		assertThat(update("u-nested-old", "SET a.c[1] = :v", ReturnValue.UPDATED_OLD, n("7")))
			.isEqualTo(item("a", map("c", list(n("2")))));
	}

	@Test
	void updatedNewOfANestedUpdateReturnsOnlyTheNestedPath() {
		this.dynamo.putItem((put) -> put.tableName(this.table)
			.item(item("p", s("u-nested-new"), "a", map("b", s("dog"), "c", list(n("1"), n("2"), n("3"))),
					"d", s("cat"))));
		assertThat(update("u-nested-new", "SET a.b = :v", ReturnValue.UPDATED_NEW, s("hello")))
			.isEqualTo(item("a", map("b", s("hello"))));
	}

	@Test
	void updateItemCannotChangeAKeyAttribute() {
		this.dynamo.putItem((put) -> put.tableName(this.table).item(item("p", s("key-update"))));
		assertValidation(() -> update("key-update", "SET p = :v", ReturnValue.NONE, s("other")), "key");
	}

	@Test
	void putItemWithoutTheHashKeyIsRejected() {
		assertValidation(() -> this.dynamo.putItem((put) -> put.tableName(this.table).item(item("a", s("x")))),
				null);
	}

	@Test
	void putItemWithoutTheSortKeyIsRejected() {
		assertValidation(() -> this.dynamo.putItem((put) -> put.tableName(this.sorted).item(item("p", s("x")))),
				null);
	}

	@Test
	void keyOfTheWrongTypeIsRejected() {
		assertValidation(() -> this.dynamo.getItem((get) -> get.tableName(this.table).key(item("p", n("1")))),
				null);
	}

	@Test
	void keyWithASpuriousAttributeIsRejected() {
		assertValidation(() -> this.dynamo.getItem((get) -> get.tableName(this.table)
			.key(item("p", s("k"), "c", s("spurious")))), null);
	}

	@Test
	void legacyExpectedWithExistsFalseActsAsAttributeNotExists() {
		Map<String, ExpectedAttributeValue> absent = Map.of("p", ExpectedAttributeValue.builder().exists(false).build());
		this.dynamo.putItem((put) -> put.tableName(this.table).item(item("p", s("expected"), "v", n("1"))).expected(absent));
		assertApiError(() -> this.dynamo.putItem((put) -> put.tableName(this.table)
			.item(item("p", s("expected"), "v", n("2")))
			.expected(absent)), "ConditionalCheckFailedException", null);
		assertThat(get("expected")).containsEntry("v", n("1"));
	}

	@Test
	void legacyExpectedComparisonsAreCombinedWithConditionalOperatorOr() {
		this.dynamo.putItem((put) -> put.tableName(this.table).item(item("p", s("expected-or"), "a", n("5"))));
		this.dynamo.putItem((put) -> put.tableName(this.table)
			.item(item("p", s("expected-or"), "a", n("6")))
			.expected(Map.of("a",
					ExpectedAttributeValue.builder()
						.comparisonOperator(ComparisonOperator.GT)
						.attributeValueList(n("100"))
						.build(),
					"missing", ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.NULL).build()))
			.conditionalOperator(ConditionalOperator.OR));
		assertThat(get("expected-or")).containsEntry("a", n("6"));
	}

	@Test
	void legacyAttributeUpdatesPutAddAndDelete() {
		this.dynamo.putItem((put) -> put.tableName(this.table)
			.item(item("p", s("attribute-updates"), "n", n("3"), "set", ss("a", "b", "c"), "gone", s("x"))));
		this.dynamo.updateItem((update) -> update.tableName(this.table)
			.key(item("p", s("attribute-updates")))
			.attributeUpdates(Map.of("n", AttributeValueUpdate.builder().action(AttributeAction.ADD).value(n("2")).build(),
					"set", AttributeValueUpdate.builder().action(AttributeAction.DELETE).value(ss("b")).build(),
					"gone", AttributeValueUpdate.builder().action(AttributeAction.DELETE).build(),
					"new", AttributeValueUpdate.builder().action(AttributeAction.PUT).value(s("y")).build())));
		Map<String, AttributeValue> updated = get("attribute-updates");
		assertThat(updated).containsEntry("n", n("5")).containsEntry("new", s("y")).doesNotContainKey("gone");
		assertThat(updated.get("set").ss()).containsExactlyInAnyOrder("a", "c");
	}

	@Test
	void updateExpressionAndAttributeUpdatesTogetherAreRejected() {
		assertValidation(() -> this.dynamo.updateItem((update) -> update.tableName(this.table)
			.key(item("p", s("both-updates")))
			.updateExpression("SET a = :v")
			.expressionAttributeValues(Map.of(":v", s("x")))
			.attributeUpdates(Map.of("b",
					AttributeValueUpdate.builder().action(AttributeAction.PUT).value(s("y")).build()))), "both");
	}

	@Test
	void consistentReadIsAcceptedAndSeesTheLatestWrite() {
		this.dynamo.putItem((put) -> put.tableName(this.table).item(item("p", s("consistent"), "v", n("1"))));
		this.dynamo.putItem((put) -> put.tableName(this.table).item(item("p", s("consistent"), "v", n("2"))));
		assertThat(this.dynamo.getItem((get) -> get.tableName(this.table)
			.key(item("p", s("consistent")))
			.consistentRead(true)).item()).containsEntry("v", n("2"));
	}

	@Test
	void updatedOldOfAnAttributeThatDidNotExistReturnsNothing() {
		this.dynamo.putItem((put) -> put.tableName(this.table).item(item("p", s("u-old-new-attribute"))));
		assertThat(this.dynamo.updateItem((update) -> update.tableName(this.table)
			.key(item("p", s("u-old-new-attribute")))
			.updateExpression("SET b = :v")
			.expressionAttributeValues(Map.of(":v", s("x")))
			.returnValues(ReturnValue.UPDATED_OLD)).hasAttributes()).isFalse();
	}

	@Test
	void allNewAfterARemoveLeavesTheRemovedAttributeOut() {
		this.dynamo.putItem((put) -> put.tableName(this.table)
			.item(item("p", s("u-all-new-remove"), "a", s("hi"), "b", s("dog"))));
		assertThat(this.dynamo.updateItem((update) -> update.tableName(this.table)
			.key(item("p", s("u-all-new-remove")))
			.updateExpression("REMOVE b")
			.returnValues(ReturnValue.ALL_NEW)).attributes()).isEqualTo(item("p", s("u-all-new-remove"), "a", s("hi")));
	}

	@Test
	void deleteItemOfAMissingItemReturnsNoAttributesWithAllOld() {
		assertThat(this.dynamo.deleteItem((delete) -> delete.tableName(this.table)
			.key(item("p", s("delete-missing")))
			.returnValues(ReturnValue.ALL_OLD)).hasAttributes()).isFalse();
	}

	@Test
	void returnValuesOnConditionCheckFailureRejectsValuesOtherThanNoneAndAllOld() {
		assertValidation(() -> this.dynamo.putItem((put) -> put.tableName(this.table)
			.item(item("p", s("bad-on-failure")))
			.conditionExpression("attribute_exists(p)")
			.returnValuesOnConditionCheckFailure("ALL_NEW")), null);
	}

	@Test
	void updateItemWithAFalseConditionChangesNothing() {
		this.dynamo.putItem((put) -> put.tableName(this.table).item(item("p", s("cond-update"), "n", n("1"))));
		assertApiError(() -> this.dynamo.updateItem((update) -> update.tableName(this.table)
			.key(item("p", s("cond-update")))
			.updateExpression("SET n = :two")
			.conditionExpression("n = :zero")
			.expressionAttributeValues(Map.of(":two", n("2"), ":zero", n("0")))), "ConditionalCheckFailedException",
				null);
		assertThat(get("cond-update")).containsEntry("n", n("1"));
	}

	private Map<String, AttributeValue> get(String key) {
		return this.dynamo.getItem((get) -> get.tableName(this.table).key(item("p", s(key))).consistentRead(true))
			.item();
	}

	private Map<String, AttributeValue> update(String key, String expression, ReturnValue returnValue,
			AttributeValue value) {
		return this.dynamo.updateItem((update) -> update.tableName(this.table)
			.key(item("p", s(key)))
			.updateExpression(expression)
			.expressionAttributeValues(Map.of(":v", value))
			.returnValues(returnValue)).attributes();
	}

}
