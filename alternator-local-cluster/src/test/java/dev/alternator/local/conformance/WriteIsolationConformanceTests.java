package dev.alternator.local.conformance;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.Tag;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alternator's {@code system:write_isolation} tag: {@code forbid_rmw} rejects every write that must read the item
 * first (a condition, ReturnValues, an update that reads the old value) with Alternator's message, and lets plain
 * writes through; the other policies are accepted; an unknown value is refused.
 */
class WriteIsolationConformanceTests extends ConformanceSupport {

	private static final String FORBIDDEN = "Read-modify-write operations are disabled by 'forbid_rmw' write "
			+ "isolation policy";

	private String forbidRmwTable() {
		String table = hashTable("forbid_rmw");
		tag(table, "forbid_rmw");
		return table;
	}

	private void tag(String table, String value) {
		String arn = this.dynamo.describeTable((describe) -> describe.tableName(table)).table().tableArn();
		this.dynamo.tagResource((request) -> request.resourceArn(arn)
			.tags(Tag.builder().key("system:write_isolation").value(value).build()));
	}

	@Test
	void forbidRmwRejectsConditionalWritesAndReadModifyWriteUpdates() {
		String table = forbidRmwTable();
		assertValidation(() -> this.dynamo.putItem((put) -> put.tableName(table).item(item("p", s("a")))
			.conditionExpression("attribute_not_exists(p)")), FORBIDDEN);
		assertValidation(() -> this.dynamo.putItem((put) -> put.tableName(table).item(item("p", s("a")))
			.returnValues(ReturnValue.ALL_OLD)), FORBIDDEN);
		assertValidation(() -> this.dynamo.deleteItem((delete) -> delete.tableName(table).key(item("p", s("a")))
			.conditionExpression("attribute_exists(p)")), FORBIDDEN);
		assertValidation(() -> this.dynamo.updateItem((update) -> update.tableName(table).key(item("p", s("a")))
			.updateExpression("ADD c :one")
			.expressionAttributeValues(Map.of(":one", n("1")))), FORBIDDEN);
		assertValidation(() -> this.dynamo.updateItem((update) -> update.tableName(table).key(item("p", s("a")))
			.updateExpression("SET c = c + :one")
			.expressionAttributeValues(Map.of(":one", n("1")))), FORBIDDEN);
		assertValidation(() -> this.dynamo.updateItem((update) -> update.tableName(table).key(item("p", s("a")))
			.updateExpression("SET c = :one")
			.conditionExpression("attribute_exists(p)")
			.expressionAttributeValues(Map.of(":one", n("1")))), FORBIDDEN);
		assertThat(this.dynamo.scan((scan) -> scan.tableName(table)).items()).isEmpty();
	}

	@Test
	void forbidRmwLetsPlainWritesThrough() {
		String table = forbidRmwTable();
		this.dynamo.putItem((put) -> put.tableName(table).item(item("p", s("a"), "x", n("1"))));
		this.dynamo.updateItem((update) -> update.tableName(table).key(item("p", s("a")))
			.updateExpression("SET y = :two REMOVE x")
			.expressionAttributeValues(Map.of(":two", n("2"))));
		this.dynamo.batchWriteItem((batch) -> batch.requestItems(Map.of(table, java.util.List.of(
				software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
					.putRequest((put) -> put.item(item("p", s("b"))))
					.build()))));
		this.dynamo.deleteItem((delete) -> delete.tableName(table).key(item("p", s("b"))));
		assertThat(this.dynamo.getItem((get) -> get.tableName(table).key(item("p", s("a")))).item())
			.isEqualTo(item("p", s("a"), "y", n("2")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "only_rmw_uses_lwt", "always_use_lwt", "unsafe_rmw", "a", "o", "u" })
	void otherPoliciesAreAcceptedAndAllowConditionalWrites(String policy) {
		String table = hashTable("policy");
		tag(table, policy);
		this.dynamo.putItem((put) -> put.tableName(table).item(item("p", s("a")))
			.conditionExpression("attribute_not_exists(p)"));
		assertThat(this.dynamo.getItem((get) -> get.tableName(table).key(item("p", s("a")))).hasItem()).isTrue();
	}

	@Test
	void anInvalidPolicyIsRejectedOnTagResourceAndCreateTable() {
		String table = hashTable("invalid");
		assertValidation(() -> tag(table, "sometimes"), "Incorrect write isolation tag sometimes");
		assertValidation(() -> this.dynamo.createTable((create) -> create.tableName(uniqueName("invalid_create"))
			.keySchema(key("p", software.amazon.awssdk.services.dynamodb.model.KeyType.HASH))
			.attributeDefinitions(attribute("p", software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S))
			.billingMode(software.amazon.awssdk.services.dynamodb.model.BillingMode.PAY_PER_REQUEST)
			.tags(Tag.builder().key("system:write_isolation").value("never").build())),
				"Incorrect write isolation tag never");
	}

	@Test
	void tagsAreListedWholeInKeyOrderAndBadRequestsAnswerAsAlternator() {
		String table = hashTable("tags");
		String arn = this.dynamo.describeTable((describe) -> describe.tableName(table)).table().tableArn();
		java.util.List<Tag> tags = new java.util.ArrayList<>();
		for (int i = 50; i > 0; i--) {
			tags.add(Tag.builder().key(String.format("k%02d", i)).value("v" + i).build());
		}
		this.dynamo.tagResource((request) -> request.resourceArn(arn).tags(tags));
		software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse listed = this.dynamo
			.listTagsOfResource((list) -> list.resourceArn(arn));
		assertThat(listed.nextToken()).isNull();
		assertThat(listed.tags()).hasSize(50);
		assertThat(listed.tags()).extracting(Tag::key).isSorted();
		assertValidation(() -> this.dynamo.tagResource((request) -> request.resourceArn(arn)
			.tags(Tag.builder().key("k51").value("v").build())), "Number of Tags exceed the current limit");
		assertApiError(() -> this.dynamo.listTagsOfResource((list) -> list.resourceArn("nonsense")),
				"AccessDeniedException", "Incorrect resource identifier");
		assertValidation(() -> this.dynamo.tagResource((request) -> request.resourceArn(arn)
			.tags(java.util.List.of())), "The number of tags must be at least 1");
		assertApiError(() -> this.dynamo.untagResource((request) -> request.resourceArn(arn.replace(table, "nope"))
			.tagKeys("k01")), "ResourceNotFoundException", "nope");
	}

	@Test
	void tagsPageAndUntagRestoresReadModifyWrite() {
		String table = forbidRmwTable();
		String arn = this.dynamo.describeTable((describe) -> describe.tableName(table)).table().tableArn();
		this.dynamo.untagResource((untag) -> untag.resourceArn(arn).tagKeys("system:write_isolation"));
		this.dynamo.putItem((put) -> put.tableName(table).item(item("p", s("a")))
			.conditionExpression("attribute_not_exists(p)"));
		assertThat(this.dynamo.listTagsOfResource((list) -> list.resourceArn(arn)).tags()).isEmpty();
	}

}
