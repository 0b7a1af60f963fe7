package dev.alternator.local.engine;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's own API, without HTTP: dispatch and the error shape.
 */
class AlternatorEngineTests {

	private final AlternatorEngine engine = AlternatorEngine.create();

	private EngineResponse execute(String operation, String body) {
		return this.engine.execute(operation, body.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void operationIsWhatFollowsTheTargetsLastDot() {
		assertThat(AlternatorEngine.operationOf("DynamoDB_20120810.GetItem")).isEqualTo("GetItem");
		assertThat(AlternatorEngine.operationOf(null)).isEmpty();
	}

	@Test
	void unknownAndUnsupportedOperationsAnswerAsAlternatorDoes() {
		for (String operation : new String[] { "", "NoSuchThing", "TransactWriteItems", "TransactGetItems",
				"ExecuteStatement", "BatchExecuteStatement", "ExecuteTransaction", "CreateBackup" }) {
			EngineResponse response = execute(operation, "{}");
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.bodyAsString())
				.startsWith("{\"__type\":\"com.amazonaws.dynamodb.v20120810#UnknownOperationException\"")
				.contains("Unsupported operation " + operation);
		}
	}

	@Test
	void malformedJsonIsASerializationError() {
		for (String body : new String[] { "{", "", "[1]", "not json" }) {
			EngineResponse response = execute("ListTables", body);
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.bodyAsString()).contains("#SerializationException");
		}
	}

	@Test
	void answersAreDynamoDbJson() {
		EngineResponse created = execute("CreateTable", "{\"TableName\":\"direct\",\"KeySchema\":[{\"AttributeName\":"
				+ "\"id\",\"KeyType\":\"HASH\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":"
				+ "\"S\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}");
		assertThat(created.status()).isEqualTo(200);
		assertThat(execute("PutItem", "{\"TableName\":\"direct\",\"Item\":{\"id\":{\"S\":\"a\"},\"n\":{\"N\":\"1.0\"}}}")
			.bodyAsString()).isEqualTo("{}");
		assertThat(execute("GetItem", "{\"TableName\":\"direct\",\"Key\":{\"id\":{\"S\":\"a\"}}}").bodyAsString())
			.isEqualTo("{\"Item\":{\"id\":{\"S\":\"a\"},\"n\":{\"N\":\"1\"}}}");
		EngineResponse missing = execute("GetItem", "{\"TableName\":\"nope\",\"Key\":{\"id\":{\"S\":\"a\"}}}");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.bodyAsString()).contains("#ResourceNotFoundException");
	}

}
