package dev.alternator.local.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

import static dev.alternator.local.engine.EngineClusterSupport.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableOperationsTests {

	@RegisterExtension
	static final EngineCluster engine = EngineCluster.twoNodes();

	private static final DynamoDbClient client = engine.client(0);

	private static void createHashTable(String name) {
		client.createTable((request) -> request.tableName(name)
			.keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
			.attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
			.billingMode(BillingMode.PAY_PER_REQUEST));
	}

	@Test
	void createdTableIsDescribedActiveWithItsKeysIndexesAndCounts() {
		TableDescription created = client.createTable((request) -> request.tableName("described")
			.keySchema(KeySchemaElement.builder().attributeName("p").keyType(KeyType.HASH).build(),
					KeySchemaElement.builder().attributeName("c").keyType(KeyType.RANGE).build())
			.attributeDefinitions(
					AttributeDefinition.builder().attributeName("p").attributeType(ScalarAttributeType.S).build(),
					AttributeDefinition.builder().attributeName("c").attributeType(ScalarAttributeType.N).build(),
					AttributeDefinition.builder().attributeName("g").attributeType(ScalarAttributeType.S).build())
			.globalSecondaryIndexes(GlobalSecondaryIndex.builder()
				.indexName("by_g")
				.keySchema(KeySchemaElement.builder().attributeName("g").keyType(KeyType.HASH).build())
				.projection((projection) -> projection.projectionType(ProjectionType.KEYS_ONLY))
				.build())
			.provisionedThroughput((throughput) -> throughput.readCapacityUnits(5L).writeCapacityUnits(7L))
			.tags((tag) -> tag.key("team").value("core"))).tableDescription();
		assertThat(created.tableStatus()).isEqualTo(TableStatus.ACTIVE);
		client.putItem((put) -> put.tableName("described").item(Map.of("p", s("a"), "c", EngineClusterSupport.n("1"),
				"g", s("x"))));
		TableDescription described = client.describeTable((request) -> request.tableName("described")).table();
		assertThat(described.tableName()).isEqualTo("described");
		assertThat(described.tableStatus()).isEqualTo(TableStatus.ACTIVE);
		assertThat(described.tableArn()).contains("described");
		assertThat(described.tableId()).isEqualTo(created.tableId());
		assertThat(described.creationDateTime()).isNotNull();
		assertThat(described.keySchema()).extracting(KeySchemaElement::attributeName).containsExactly("p", "c");
		assertThat(described.attributeDefinitions()).hasSize(3);
		assertThat(described.itemCount()).isEqualTo(1);
		assertThat(described.tableSizeBytes()).isPositive();
		assertThat(described.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
		assertThat(described.billingModeSummary().billingMode()).isEqualTo(BillingMode.PROVISIONED);
		assertThat(described.globalSecondaryIndexes()).singleElement().satisfies((index) -> {
			assertThat(index.indexName()).isEqualTo("by_g");
			assertThat(index.indexStatusAsString()).isEqualTo("ACTIVE");
			assertThat(index.indexArn()).endsWith("/index/by_g");
			assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
			assertThat(index.itemCount()).isEqualTo(1);
		});
	}

	@Test
	void listTablesPagesInNameOrder() {
		for (String name : List.of("list_a", "list_b", "list_c")) {
			createHashTable(name);
		}
		List<String> seen = new ArrayList<>();
		String start = null;
		do {
			String from = start;
			ListTablesResponse page = client.listTables((request) -> request.limit(2).exclusiveStartTableName(from));
			assertThat(page.tableNames()).hasSizeLessThanOrEqualTo(2);
			seen.addAll(page.tableNames());
			start = page.lastEvaluatedTableName();
		}
		while (start != null);
		assertThat(seen).contains("list_a", "list_b", "list_c").isSorted().doesNotHaveDuplicates();
	}

	@Test
	void aSecondTableWithTheSameNameIsInUse() {
		createHashTable("twice");
		assertThatThrownBy(() -> createHashTable("twice")).isInstanceOf(ResourceInUseException.class)
			.hasMessageContaining("already exists");
	}

	@Test
	void deletedTableIsGone() {
		createHashTable("doomed");
		assertThat(client.deleteTable((request) -> request.tableName("doomed")).tableDescription().tableName())
			.isEqualTo("doomed");
		assertThatThrownBy(() -> client.describeTable((request) -> request.tableName("doomed")))
			.isInstanceOf(ResourceNotFoundException.class);
		assertThatThrownBy(() -> client.deleteTable((request) -> request.tableName("doomed")))
			.isInstanceOf(ResourceNotFoundException.class);
	}

	@Test
	void tableNamesFollowAlternatorsRules() {
		assertThatThrownBy(() -> createHashTable("ab")).isInstanceOf(DynamoDbException.class)
			.hasMessageContaining("at least 3 characters long and at most 222");
		assertThatThrownBy(() -> createHashTable("x".repeat(223))).isInstanceOf(DynamoDbException.class)
			.hasMessageContaining("222");
		assertThatThrownBy(() -> createHashTable("bad name!")).isInstanceOf(DynamoDbException.class)
			.hasMessageContaining("[a-zA-Z0-9_.-]+");
		createHashTable("x".repeat(222));
	}

	@Test
	void keyAttributesMustBeDefinedAndDefinitionsUsed() {
		assertThatThrownBy(() -> client.createTable((request) -> request.tableName("undefined_key")
			.keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
			.attributeDefinitions(AttributeDefinition.builder().attributeName("other").attributeType("S").build())))
			.isInstanceOf(DynamoDbException.class)
			.hasMessageContaining("AttributeDefinitions");
		assertThatThrownBy(() -> client.createTable((request) -> request.tableName("unused_definition")
			.keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
			.attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType("S").build(),
					AttributeDefinition.builder().attributeName("extra").attributeType("S").build())))
			.isInstanceOf(DynamoDbException.class)
			.hasMessageContaining("AttributeDefinitions");
	}

	@Test
	void addedGlobalIndexIsBackfilledAndDeletedIndexIsGone() {
		createHashTable("grown");
		for (int i = 0; i < 20; i++) {
			String id = "item" + i;
			client.putItem((put) -> put.tableName("grown").item(Map.of("id", s(id), "colour", s((id.hashCode() % 2 == 0) ? "red" : "blue"))));
		}
		client.putItem((put) -> put.tableName("grown").item(Map.of("id", s("colourless"))));
		client.updateTable((request) -> request.tableName("grown")
			.attributeDefinitions(AttributeDefinition.builder().attributeName("colour").attributeType("S").build())
			.globalSecondaryIndexUpdates((update) -> update.create((create) -> create.indexName("by_colour")
				.keySchema(KeySchemaElement.builder().attributeName("colour").keyType(KeyType.HASH).build())
				.projection((projection) -> projection.projectionType(ProjectionType.ALL)))));
		int found = 0;
		for (String colour : List.of("red", "blue")) {
			QueryResponse response = client.query((query) -> query.tableName("grown").indexName("by_colour")
				.keyConditionExpression("colour = :c")
				.expressionAttributeValues(Map.of(":c", s(colour))));
			assertThat(response.items()).allSatisfy((item) -> assertThat(item.get("colour").s()).isEqualTo(colour));
			found += response.count();
		}
		assertThat(found).isEqualTo(20);
		client.updateTable((request) -> request.tableName("grown")
			.globalSecondaryIndexUpdates((update) -> update.delete((delete) -> delete.indexName("by_colour"))));
		assertThat(client.describeTable((request) -> request.tableName("grown")).table().globalSecondaryIndexes())
			.isEmpty();
		assertThatThrownBy(() -> client.query((query) -> query.tableName("grown").indexName("by_colour")
			.keyConditionExpression("colour = :c")
			.expressionAttributeValues(Map.of(":c", s("red"))))).isInstanceOf(DynamoDbException.class)
			.hasMessageContaining("does not have the specified index");
	}

	@Test
	void tagsAreKeptPerTable() {
		createHashTable("tagged");
		String arn = client.describeTable((request) -> request.tableName("tagged")).table().tableArn();
		client.tagResource((request) -> request.resourceArn(arn).tags((tag) -> tag.key("a").value("1"),
				(tag) -> tag.key("b").value("2")));
		client.untagResource((request) -> request.resourceArn(arn).tagKeys("a"));
		assertThat(client.listTagsOfResource((request) -> request.resourceArn(arn)).tags())
			.extracting((tag) -> tag.key() + "=" + tag.value())
			.containsExactly("b=2");
	}

}
