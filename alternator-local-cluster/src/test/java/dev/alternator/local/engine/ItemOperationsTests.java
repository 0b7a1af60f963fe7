package dev.alternator.local.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import static dev.alternator.local.engine.EngineClusterSupport.key;
import static dev.alternator.local.engine.EngineClusterSupport.n;
import static dev.alternator.local.engine.EngineClusterSupport.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ItemOperationsTests {

	private static final String TABLE = "items";

	@RegisterExtension
	static final EngineCluster engine = EngineCluster.twoNodes();

	private static final DynamoDbClient client = engine.client(0);

	private static final DynamoDbClient otherNode = engine.client(1);

	@BeforeAll
	static void createTables() {
		client.createTable((request) -> request.tableName(TABLE)
			.keySchema((k) -> k.attributeName("id").keyType("HASH"))
			.attributeDefinitions((a) -> a.attributeName("id").attributeType("S"))
			.billingMode("PAY_PER_REQUEST"));
		client.createTable((request) -> request.tableName("ranged")
			.keySchema((k) -> k.attributeName("p").keyType("HASH"), (k) -> k.attributeName("c").keyType("RANGE"))
			.attributeDefinitions((a) -> a.attributeName("p").attributeType("B"),
					(a) -> a.attributeName("c").attributeType("N"))
			.billingMode("PAY_PER_REQUEST"));
	}

	@Test
	void everyAttributeTypeRoundTripsThroughAnotherNode() {
		Map<String, AttributeValue> item = new HashMap<>();
		item.put("id", s("all-types"));
		item.put("s", s("text é"));
		item.put("n", n("-12.50"));
		item.put("b", AttributeValue.fromB(SdkBytes.fromUtf8String("bytes")));
		item.put("bool", AttributeValue.fromBool(true));
		item.put("null", AttributeValue.fromNul(true));
		item.put("m", AttributeValue.fromM(Map.of("inner", n("1"))));
		item.put("l", AttributeValue.fromL(List.of(s("x"), n("2"))));
		item.put("ss", AttributeValue.fromSs(List.of("a", "b")));
		item.put("ns", AttributeValue.fromNs(List.of("1", "2.5")));
		item.put("bs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("z"))));
		client.putItem((put) -> put.tableName(TABLE).item(item));
		Map<String, AttributeValue> read = otherNode.getItem((get) -> get.tableName(TABLE).key(key("all-types"))
			.consistentRead(true)).item();
		assertThat(read).containsOnlyKeys(item.keySet());
		assertThat(read.get("n").n()).isEqualTo("-12.5");
		assertThat(read.get("m")).isEqualTo(item.get("m"));
		assertThat(read.get("b")).isEqualTo(item.get("b"));
		assertThat(read.get("ns").ns()).containsExactlyInAnyOrder("1", "2.5");
	}

	@Test
	void missingItemAnswersNoItem() {
		assertThat(client.getItem((get) -> get.tableName(TABLE).key(key("nothing here"))).hasItem()).isFalse();
	}

	@Test
	void projectionsReturnOnlyTheAskedAttributes() {
		client.putItem((put) -> put.tableName(TABLE).item(Map.of("id", s("projected"), "a", s("1"), "b",
				AttributeValue.fromM(Map.of("x", s("2"), "y", s("3"))))));
		assertThat(client.getItem((get) -> get.tableName(TABLE).key(key("projected")).projectionExpression("#b.x")
			.expressionAttributeNames(Map.of("#b", "b"))).item())
			.isEqualTo(Map.of("b", AttributeValue.fromM(Map.of("x", s("2")))));
		assertThat(client.getItem((get) -> get.tableName(TABLE).key(key("projected")).attributesToGet("a")).item())
			.isEqualTo(Map.of("a", s("1")));
		assertThatThrownBy(() -> client.getItem((get) -> get.tableName(TABLE).key(key("projected"))
			.attributesToGet("a").projectionExpression("a"))).isInstanceOf(DynamoDbException.class)
			.hasMessageContaining("Can not use both expression and non-expression parameters");
	}

	@Test
	void failedConditionLeavesTheItemAndCanReturnIt() {
		client.putItem((put) -> put.tableName(TABLE).item(Map.of("id", s("guarded"), "v", n("1"))));
		assertThatThrownBy(() -> client.putItem((put) -> put.tableName(TABLE)
			.item(Map.of("id", s("guarded"), "v", n("2")))
			.conditionExpression("attribute_not_exists(id)")
			.returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
			.isInstanceOfSatisfying(ConditionalCheckFailedException.class,
					(ex) -> assertThat(ex.item()).containsEntry("v", n("1")));
		assertThatThrownBy(() -> client.deleteItem((delete) -> delete.tableName(TABLE).key(key("guarded"))
			.expected(Map.of("v", ExpectedAttributeValue.builder().value(n("5")).build()))))
			.isInstanceOf(ConditionalCheckFailedException.class);
		assertThat(client.getItem((get) -> get.tableName(TABLE).key(key("guarded"))).item()).containsEntry("v", n("1"));
		assertThat(client.deleteItem((delete) -> delete.tableName(TABLE).key(key("guarded"))
			.conditionExpression("v = :one")
			.expressionAttributeValues(Map.of(":one", n("1")))
			.returnValues(ReturnValue.ALL_OLD)).attributes()).containsEntry("v", n("1"));
		assertThat(client.getItem((get) -> get.tableName(TABLE).key(key("guarded"))).hasItem()).isFalse();
	}

	@Test
	void putReturnsTheOldItemOnlyWhenAsked() {
		client.putItem((put) -> put.tableName(TABLE).item(Map.of("id", s("replaced"), "v", n("1"))));
		assertThat(client.putItem((put) -> put.tableName(TABLE).item(Map.of("id", s("replaced"), "v", n("2")))).attributes())
			.isEmpty();
		assertThat(client.putItem((put) -> put.tableName(TABLE).item(Map.of("id", s("replaced"), "v", n("3")))
			.returnValues(ReturnValue.ALL_OLD)).attributes()).containsEntry("v", n("2"));
		assertThatThrownBy(() -> client.putItem((put) -> put.tableName(TABLE).item(key("replaced"))
			.returnValues(ReturnValue.ALL_NEW))).isInstanceOf(DynamoDbException.class)
			.hasMessageContaining("ReturnValues");
	}

	@Test
	void updatesCreateChangeAndReportAttributes() {
		UpdateItemResponse created = client.updateItem((update) -> update.tableName(TABLE).key(key("updated"))
			.updateExpression("SET a = :a, c = :c")
			.expressionAttributeValues(Map.of(":a", n("1"), ":c", s("x")))
			.returnValues(ReturnValue.ALL_NEW));
		assertThat(created.attributes()).isEqualTo(Map.of("id", s("updated"), "a", n("1"), "c", s("x")));
		UpdateItemResponse changed = client.updateItem((update) -> update.tableName(TABLE).key(key("updated"))
			.updateExpression("SET a = a + :one REMOVE c")
			.expressionAttributeValues(Map.of(":one", n("1")))
			.returnValues(ReturnValue.UPDATED_OLD));
		assertThat(changed.attributes()).isEqualTo(Map.of("a", n("1"), "c", s("x")));
		UpdateItemResponse legacy = client.updateItem((update) -> update.tableName(TABLE).key(key("updated"))
			.attributeUpdates(Map.of("a", AttributeValueUpdate.builder().action(AttributeAction.ADD).value(n("10")).build()))
			.returnValues(ReturnValue.UPDATED_NEW));
		assertThat(legacy.attributes()).isEqualTo(Map.of("a", n("12")));
		assertThatThrownBy(() -> client.updateItem((update) -> update.tableName(TABLE).key(key("updated"))
			.updateExpression("SET id = :x")
			.expressionAttributeValues(Map.of(":x", s("other"))))).isInstanceOf(DynamoDbException.class)
			.hasMessageContaining("part of the key");
		assertThatThrownBy(() -> client.updateItem((update) -> update.tableName(TABLE).key(key("updated"))
			.updateExpression("SET a = :x")
			.expressionAttributeValues(Map.of(":x", s("v"), ":unused", s("u"))))).isInstanceOf(DynamoDbException.class)
			.hasMessageContaining("unused");
	}

	@Test
	void keysAreValidatedAsDynamoDbDoes() {
		assertThatThrownBy(() -> client.putItem((put) -> put.tableName(TABLE).item(Map.of("other", s("x")))))
			.isInstanceOf(DynamoDbException.class)
			.hasMessageContaining("Missing the key id");
		assertThatThrownBy(() -> client.putItem((put) -> put.tableName(TABLE).item(Map.of("id", n("1")))))
			.isInstanceOf(DynamoDbException.class)
			.hasMessageContaining("Type mismatch");
		assertThatThrownBy(() -> client.getItem((get) -> get.tableName(TABLE).key(Map.of("id", s("a"), "x", s("b")))))
			.isInstanceOf(DynamoDbException.class)
			.hasMessageContaining("The provided key element does not match the schema");
		assertThatThrownBy(() -> client.getItem((get) -> get.tableName(TABLE).key(Map.of("id", n("1")))))
			.isInstanceOf(DynamoDbException.class)
			.hasMessageContaining("The provided key element does not match the schema");
		assertThatThrownBy(() -> client.putItem((put) -> put.tableName(TABLE).item(Map.of("id", s("")))))
			.isInstanceOf(DynamoDbException.class)
			.hasMessageContaining("empty string");
		assertThatThrownBy(() -> client.putItem((put) -> put.tableName("ranged")
			.item(Map.of("p", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[0])), "c", n("1")))))
			.isInstanceOf(DynamoDbException.class)
			.hasMessageContaining("empty binary");
		client.putItem((put) -> put.tableName(TABLE).item(Map.of("id", s("k".repeat(2048)))));
		assertThatThrownBy(() -> client.putItem((put) -> put.tableName(TABLE).item(Map.of("id", s("k".repeat(2049))))))
			.isInstanceOf(DynamoDbException.class)
			.hasMessageContaining("2048");
		assertThatThrownBy(() -> client.putItem((put) -> put.tableName("nonexistent").item(key("x"))))
			.isInstanceOf(software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException.class);
	}

	@Test
	void itemsAreLimitedTo400Kilobytes() {
		String big = "v".repeat(400 * 1024 - 100);
		client.putItem((put) -> put.tableName(TABLE).item(Map.of("id", s("big"), "v", s(big))));
		assertThatThrownBy(() -> client.putItem((put) -> put.tableName(TABLE)
			.item(Map.of("id", s("too-big"), "v", s(big + "v".repeat(200))))))
			.isInstanceOf(DynamoDbException.class)
			.hasMessageContaining("Item size has exceeded the maximum allowed size");
		assertThat(client.getItem((get) -> get.tableName(TABLE).key(key("too-big"))).hasItem()).isFalse();
	}

	@Test
	void clientMistakesAreNeverServerErrors() {
		assertThatThrownBy(() -> client.putItem((put) -> put.tableName(TABLE).item(key("x"))
			.conditionExpression("this is not an expression")))
			.isInstanceOfSatisfying(DynamoDbException.class, (ex) -> assertThat(ex.statusCode()).isEqualTo(400));
		assertThatThrownBy(() -> client.updateItem((update) -> update.tableName(TABLE).key(key("x"))
			.updateExpression("SET #missing = :v")
			.expressionAttributeValues(Map.of(":v", s("v")))))
			.isInstanceOfSatisfying(DynamoDbException.class, (ex) -> assertThat(ex.statusCode()).isEqualTo(400));
	}

}
