package dev.alternator.local.conformance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.Tag;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CreateTable, DescribeTable, ListTables, DeleteTable and tags, as DynamoDB and Alternator both answer them.
 */
class TablesConformanceTests extends ConformanceSupport {

	@Test
	void createdTableIsDescribedAsActiveWithItsKeySchemaAndAttributeDefinitions() {
		String name = hashRangeTable("described", ScalarAttributeType.N);
		TableDescription table = this.dynamo.describeTable((describe) -> describe.tableName(name)).table();
		assertThat(table.tableName()).isEqualTo(name);
		assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
		assertThat(table.keySchema()).containsExactly(key("p", KeyType.HASH), key("c", KeyType.RANGE));
		assertThat(table.attributeDefinitions()).containsExactlyInAnyOrder(attribute("p", ScalarAttributeType.S),
				attribute("c", ScalarAttributeType.N));
	}

	@Test
	void describedTableHasAnArnEndingWithTheTableName() {
		String name = hashTable("arn");
		TableDescription table = this.dynamo.describeTable((describe) -> describe.tableName(name)).table();
		assertThat(table.tableArn()).startsWith("arn:").endsWith(":table/" + name);
	}

	@Test
	void describedTableHasAUuidTableId() {
		String name = hashTable("tableid");
		TableDescription table = this.dynamo.describeTable((describe) -> describe.tableName(name)).table();
		assertThat(table.tableId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
	}

	@Test
	void creationDateTimeIsWhenTheTableWasCreated() {
		Instant before = Instant.now().minusSeconds(60);
		String name = hashTable("created");
		TableDescription table = this.dynamo.describeTable((describe) -> describe.tableName(name)).table();
		assertThat(table.creationDateTime()).isBetween(before, Instant.now().plusSeconds(60));
	}

	@Test
	void describedTableReportsAnItemCountAndSize() {
		String name = hashTable("count");
		TableDescription table = this.dynamo.describeTable((describe) -> describe.tableName(name)).table();
		assertThat(table.itemCount()).isNotNull().isGreaterThanOrEqualTo(0L);
		assertThat(table.tableSizeBytes()).isNotNull().isGreaterThanOrEqualTo(0L);
	}

	@Test
	void creatingAnExistingTableIsResourceInUse() {
		String name = hashTable("twice");
		assertThat(assertApiError(() -> hashTableNamed(name), "ResourceInUseException", null))
			.isInstanceOf(ResourceInUseException.class);
	}

	@Test
	void describingAMissingTableIsResourceNotFound() {
		assertThat(assertApiError(
				() -> this.dynamo.describeTable((describe) -> describe.tableName(uniqueName("missing"))),
				"ResourceNotFoundException", null))
			.isInstanceOf(ResourceNotFoundException.class);
	}

	@Test
	void deletingAMissingTableIsResourceNotFound() {
		assertApiError(() -> this.dynamo.deleteTable((delete) -> delete.tableName(uniqueName("missing"))),
				"ResourceNotFoundException", null);
	}

	@Test
	void deletedTableIsGoneFromDescribeAndListTables() {
		String name = hashTable("deleted");
		TableDescription deleted = this.dynamo.deleteTable((delete) -> delete.tableName(name)).tableDescription();
		assertThat(deleted.tableName()).isEqualTo(name);
		assertApiError(() -> this.dynamo.describeTable((describe) -> describe.tableName(name)),
				"ResourceNotFoundException", null);
		assertThat(allTableNames()).doesNotContain(name);
	}

	@Test
	void itemsOfADeletedTableAreGoneWhenATableOfTheSameNameIsCreated() {
		String name = hashTable("recreated");
		this.dynamo.putItem((put) -> put.tableName(name).item(item("p", s("k"))));
		this.dynamo.deleteTable((delete) -> delete.tableName(name));
		hashTableNamed(name);
		assertThat(this.dynamo.getItem((get) -> get.tableName(name).key(item("p", s("k"))).consistentRead(true))
			.hasItem()).isFalse();
	}

	@Test
	void listTablesPagesWithLimitAndExclusiveStartTableName() {
		List<String> created = List.of(hashTable("page"), hashTable("page"), hashTable("page"));
		List<String> seen = new ArrayList<>();
		String start = null;
		int pages = 0;
		do {
			String exclusiveStart = start;
			ListTablesResponse page = this.dynamo
				.listTables((list) -> list.limit(2).exclusiveStartTableName(exclusiveStart));
			assertThat(page.tableNames()).hasSizeLessThanOrEqualTo(2);
			seen.addAll(page.tableNames());
			start = page.lastEvaluatedTableName();
			pages++;
		}
		while (start != null && pages < 1000);
		assertThat(seen).containsAll(created).doesNotHaveDuplicates();
		assertThat(pages).isGreaterThanOrEqualTo(2);
	}

	@Test
	void listTablesLimitOfZeroIsRejected() {
		assertValidation(() -> this.dynamo.listTables((list) -> list.limit(0)), "limit");
	}

	@Test
	void provisionedBillingModeWithThroughputIsAccepted() {
		String name = uniqueName("provisioned");
		this.dynamo.createTable((create) -> create.tableName(name)
			.keySchema(key("p", KeyType.HASH))
			.attributeDefinitions(attribute("p", ScalarAttributeType.S))
			.billingMode(BillingMode.PROVISIONED)
			.provisionedThroughput((throughput) -> throughput.readCapacityUnits(5L).writeCapacityUnits(5L)));
		this.dynamo.putItem((put) -> put.tableName(name).item(item("p", s("k"))));
		assertThat(this.dynamo.getItem((get) -> get.tableName(name).key(item("p", s("k")))).hasItem()).isTrue();
	}

	@Test
	void keyAttributeMissingFromAttributeDefinitionsIsRejected() {
		assertValidation(() -> this.dynamo.createTable((create) -> create.tableName(uniqueName("undefined"))
			.keySchema(key("p", KeyType.HASH))
			.attributeDefinitions(attribute("q", ScalarAttributeType.S))
			.billingMode(BillingMode.PAY_PER_REQUEST)), "AttributeDefinitions");
	}

	@Test
	void keySchemaWithoutAHashKeyIsRejected() {
		assertValidation(() -> this.dynamo.createTable((create) -> create.tableName(uniqueName("nohash"))
			.keySchema(key("p", KeyType.RANGE))
			.attributeDefinitions(attribute("p", ScalarAttributeType.S))
			.billingMode(BillingMode.PAY_PER_REQUEST)), null);
	}

	@Test
	void keyAttributeOfTypeBoolIsRejected() {
		assertValidation(() -> this.dynamo.createTable((create) -> create.tableName(uniqueName("boolkey"))
			.keySchema(key("p", KeyType.HASH))
			.attributeDefinitions((definition) -> definition.attributeName("p").attributeType("BOOL"))
			.billingMode(BillingMode.PAY_PER_REQUEST)), null);
	}

	@Test
	void tableNameShorterThanThreeCharactersIsRejected() {
		assertValidation(() -> hashTableNamed("xy"), "3");
	}

	@Test
	void tableNameWithForbiddenCharactersIsRejected() {
		assertValidation(() -> hashTableNamed("bad!name"), "[a-zA-Z0-9_.-]+");
	}

	@Test
	void tableNameOfTwoHundredAndTwentyTwoCharactersIsAccepted() {
		String name = uniqueName("long");
		String longName = name + "x".repeat(222 - name.length());
		hashTableNamed(longName);
		assertThat(this.dynamo.describeTable((describe) -> describe.tableName(longName)).table().tableName())
			.hasSize(222);
	}

	@Test
	void tagsGivenAtCreationAreListedByListTagsOfResource() {
		String name = uniqueName("tags");
		this.dynamo.createTable((create) -> create.tableName(name)
			.keySchema(key("p", KeyType.HASH))
			.attributeDefinitions(attribute("p", ScalarAttributeType.S))
			.billingMode(BillingMode.PAY_PER_REQUEST)
			.tags(Tag.builder().key("team").value("storage").build()));
		String arn = this.dynamo.describeTable((describe) -> describe.tableName(name)).table().tableArn();
		assertThat(this.dynamo.listTagsOfResource((list) -> list.resourceArn(arn)).tags())
			.containsExactly(Tag.builder().key("team").value("storage").build());
	}

	@Test
	void tagResourceAndUntagResourceChangeTheListedTags() {
		String name = hashTable("retag");
		String arn = this.dynamo.describeTable((describe) -> describe.tableName(name)).table().tableArn();
		this.dynamo.tagResource((tag) -> tag.resourceArn(arn)
			.tags(Tag.builder().key("a").value("1").build(), Tag.builder().key("b").value("2").build()));
		this.dynamo.untagResource((untag) -> untag.resourceArn(arn).tagKeys("a"));
		assertThat(this.dynamo.listTagsOfResource((list) -> list.resourceArn(arn)).tags())
			.containsExactly(Tag.builder().key("b").value("2").build());
	}

	@Test
	void streamSpecificationIsStoredAndDescribed() {
		String name = uniqueName("stream");
		this.dynamo.createTable((create) -> create.tableName(name)
			.keySchema(key("p", KeyType.HASH))
			.attributeDefinitions(attribute("p", ScalarAttributeType.S))
			.billingMode(BillingMode.PAY_PER_REQUEST)
			.streamSpecification((stream) -> stream.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
		TableDescription table = this.dynamo.describeTable((describe) -> describe.tableName(name)).table();
		assertThat(table.streamSpecification().streamEnabled()).isTrue();
		assertThat(table.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
		assertThat(table.latestStreamArn()).isNotBlank();
	}

	@Test
	void secondaryIndexesAreDescribedWithKeySchemaProjectionArnAndActiveStatus() {
		String name = uniqueName("indexes");
		this.dynamo.createTable((create) -> create.tableName(name)
			.keySchema(key("p", KeyType.HASH), key("c", KeyType.RANGE))
			.attributeDefinitions(attribute("p", ScalarAttributeType.S), attribute("c", ScalarAttributeType.S),
					attribute("g", ScalarAttributeType.S), attribute("l", ScalarAttributeType.N))
			.billingMode(BillingMode.PAY_PER_REQUEST)
			.globalSecondaryIndexes((gsi) -> gsi.indexName("by_g")
				.keySchema(key("g", KeyType.HASH))
				.projection((projection) -> projection.projectionType(ProjectionType.ALL)))
			.localSecondaryIndexes((lsi) -> lsi.indexName("by_l")
				.keySchema(key("p", KeyType.HASH), key("l", KeyType.RANGE))
				.projection((projection) -> projection.projectionType(ProjectionType.ALL))));
		DescribeTableResponse described = this.dynamo.describeTable((describe) -> describe.tableName(name));
		GlobalSecondaryIndexDescription gsi = described.table().globalSecondaryIndexes().get(0);
		assertThat(gsi.indexName()).isEqualTo("by_g");
		assertThat(gsi.keySchema()).containsExactly(key("g", KeyType.HASH));
		assertThat(gsi.projection().projectionType()).isEqualTo(ProjectionType.ALL);
		assertThat(gsi.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
		assertThat(gsi.indexArn()).endsWith(":table/" + name + "/index/by_g");
		LocalSecondaryIndexDescription lsi = described.table().localSecondaryIndexes().get(0);
		assertThat(lsi.indexName()).isEqualTo("by_l");
		assertThat(lsi.keySchema()).containsExactly(key("p", KeyType.HASH), key("l", KeyType.RANGE));
		assertThat(lsi.indexArn()).endsWith(":table/" + name + "/index/by_l");
	}

	@Test
	void globalSecondaryIndexOnAnAttributeWithoutDefinitionIsRejected() {
		assertValidation(() -> this.dynamo.createTable((create) -> create.tableName(uniqueName("gsiundefined"))
			.keySchema(key("p", KeyType.HASH))
			.attributeDefinitions(attribute("p", ScalarAttributeType.S))
			.billingMode(BillingMode.PAY_PER_REQUEST)
			.globalSecondaryIndexes((gsi) -> gsi.indexName("by_g")
				.keySchema(key("g", KeyType.HASH))
				.projection((projection) -> projection.projectionType(ProjectionType.ALL)))), "AttributeDefinition");
	}

	@Test
	void createTableAnswersWithTheDescriptionOfTheNewTable() {
		String name = uniqueName("answer");
		TableDescription created = this.dynamo.createTable((create) -> create.tableName(name)
			.keySchema(key("p", KeyType.HASH))
			.attributeDefinitions(attribute("p", ScalarAttributeType.S))
			.billingMode(BillingMode.PAY_PER_REQUEST)).tableDescription();
		assertThat(created.tableName()).isEqualTo(name);
		assertThat(created.keySchema()).containsExactly(key("p", KeyType.HASH));
		assertThat(created.tableArn()).endsWith(":table/" + name);
	}

	private void hashTableNamed(String name) {
		this.dynamo.createTable((create) -> create.tableName(name)
			.keySchema(key("p", KeyType.HASH))
			.attributeDefinitions(attribute("p", ScalarAttributeType.S))
			.billingMode(BillingMode.PAY_PER_REQUEST));
	}

	private List<String> allTableNames() {
		List<String> names = new ArrayList<>();
		this.dynamo.listTablesPaginator((list) -> list.limit(100)).tableNames().forEach(names::add);
		return names;
	}

}
