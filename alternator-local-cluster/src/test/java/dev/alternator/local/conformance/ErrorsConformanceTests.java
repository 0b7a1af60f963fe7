package dev.alternator.local.conformance;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error types and their HTTP answers: the SDK's typed exceptions, SerializationException for bad JSON,
 * UnknownOperationException for an unknown target, and never HTTP 500 for a client's mistake.
 */
class ErrorsConformanceTests extends ConformanceSupport {

	private String table;

	@BeforeAll
	void createTable() {
		this.table = hashTable("errors");
	}

	@Test
	void failedConditionIsAConditionalCheckFailedExceptionCarryingTheItemWhenAsked() {
		this.dynamo.putItem((put) -> put.tableName(this.table).item(item("p", s("ccf"), "v", n("1"))));
		ConditionalCheckFailedException error = (ConditionalCheckFailedException) assertApiError(
				() -> this.dynamo.putItem((put) -> put.tableName(this.table)
					.item(item("p", s("ccf")))
					.conditionExpression("v = :two")
					.expressionAttributeValues(Map.of(":two", n("2")))
					.returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)),
				"ConditionalCheckFailedException", "The conditional request failed");
		assertThat(error.item()).isEqualTo(item("p", s("ccf"), "v", n("1")));
	}

	@Test
	void missingTableIsAResourceNotFoundException() {
		assertThat(assertApiError(
				() -> this.dynamo.getItem((get) -> get.tableName(uniqueName("absent")).key(item("p", s("k")))),
				"ResourceNotFoundException", null))
			.isInstanceOf(ResourceNotFoundException.class);
	}

	@Test
	void existingTableIsAResourceInUseException() {
		assertThat(assertApiError(() -> this.dynamo.createTable((create) -> create.tableName(this.table)
			.keySchema(key("p", software.amazon.awssdk.services.dynamodb.model.KeyType.HASH))
			.attributeDefinitions(attribute("p", software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S))
			.billingMode(software.amazon.awssdk.services.dynamodb.model.BillingMode.PAY_PER_REQUEST)),
				"ResourceInUseException", null))
			.isInstanceOf(ResourceInUseException.class);
	}

	@Test
	void invalidParameterIsAValidationException() {
		assertValidation(() -> this.dynamo.putItem((put) -> put.tableName(this.table).item(item("q", s("no key")))),
				null);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{", "{\"TableName\": ", "not json", "{\"TableName\": \"x\",}", "{{}}" })
	void malformedJsonIsASerializationException(String body) {
		RawRequests.Answer answer = RawRequests.post(this.cluster.node(0).endpoint(), "PutItem", body);
		assertThat(answer.status()).as(answer.body()).isEqualTo(400);
		assertThat(answer.errorType()).as(answer.body()).isEqualTo("SerializationException");
	}

	@Test
	void numberWrittenAsAJsonNumberIsASerializationException() {
		RawRequests.Answer answer = RawRequests.post(this.cluster.node(0).endpoint(), "PutItem",
				"{\"TableName\": \"" + this.table + "\", \"Item\": {\"p\": {\"S\": \"k\"}, \"n\": {\"N\": 123}}}");
		assertThat(answer.status()).as(answer.body()).isEqualTo(400);
		assertThat(answer.errorType()).as(answer.body()).isEqualTo("SerializationException");
	}

	@Test
	void unknownOperationIsAnUnknownOperationException() {
		RawRequests.Answer answer = RawRequests.post(this.cluster.node(0).endpoint(), "FlyToTheMoon", "{}");
		assertThat(answer.status()).as(answer.body()).isEqualTo(400);
		assertThat(answer.errorType()).as(answer.body()).isEqualTo("UnknownOperationException");
	}

	@Test
	void missingTargetIsAnUnknownOperationException() {
		RawRequests.Answer answer = RawRequests.post(this.cluster.node(0).endpoint(), null, "{}");
		assertThat(answer.status()).as(answer.body()).isEqualTo(400);
		assertThat(answer.errorType()).as(answer.body()).isEqualTo("UnknownOperationException");
	}

	@Test
	void errorBodyHasATypeAndAMessage() {
		RawRequests.Answer answer = RawRequests.post(this.cluster.node(0).endpoint(), "DescribeTable",
				"{\"TableName\": \"" + uniqueName("absent") + "\"}");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body()).contains("\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\"")
			.containsIgnoringCase("\"message\"");
	}

	@Test
	void clientMistakesAreNeverAnsweredWithHttp500() {
		String table = this.table;
		List<String[]> requests = List.of(new String[] { "PutItem", "{}" }, new String[] { "PutItem", "null" },
				new String[] { "PutItem", "[]" }, new String[] { "PutItem", "42" },
				new String[] { "PutItem", "{\"TableName\": 5, \"Item\": {}}" },
				new String[] { "PutItem", "{\"TableName\": \"" + table + "\"}" },
				new String[] { "PutItem", "{\"TableName\": \"" + table + "\", \"Item\": {\"p\": {\"X\": \"1\"}}}" },
				new String[] { "PutItem", "{\"TableName\": \"" + table + "\", \"Item\": {\"p\": {\"S\": 1}}}" },
				new String[] { "PutItem", "{\"TableName\": \"" + table + "\", \"Item\": {\"p\": {\"S\": \"a\", \"N\": \"1\"}}}" },
				new String[] { "PutItem", "{\"TableName\": \"" + table + "\", \"Item\": {\"p\": {\"S\": \"k\"}, \"n\": {\"N\": \"x1\"}}}" },
				new String[] { "PutItem", "{\"TableName\": \"" + table + "\", \"Item\": {\"p\": {\"S\": \"k\"}, \"b\": {\"B\": \"***\"}}}" },
				new String[] { "GetItem", "{\"TableName\": \"" + table + "\", \"Key\": \"p\"}" },
				new String[] { "Query", "{\"TableName\": \"" + table + "\", \"KeyConditionExpression\": \"p = \"}" },
				new String[] { "Query", "{\"TableName\": \"" + table + "\", \"Limit\": \"ten\"}" },
				new String[] { "Scan", "{\"TableName\": \"" + table + "\", \"Segment\": -1, \"TotalSegments\": 2}" },
				new String[] { "UpdateItem", "{\"TableName\": \"" + table + "\", \"Key\": {\"p\": {\"S\": \"k\"}}, \"UpdateExpression\": \"SET\"}" },
				new String[] { "BatchWriteItem", "{\"RequestItems\": {}}" },
				new String[] { "BatchGetItem", "{\"RequestItems\": {\"" + table + "\": {}}}" },
				new String[] { "CreateTable", "{\"TableName\": \"" + uniqueName("bad") + "\"}" },
				new String[] { "CreateTable", "{\"TableName\": \"" + uniqueName("bad") + "\", \"KeySchema\": [{}]}" },
				new String[] { "DeleteTable", "{}" }, new String[] { "ListTables", "{\"Limit\": -3}" },
				new String[] { "UpdateTable", "{\"TableName\": \"" + table + "\", \"GlobalSecondaryIndexUpdates\": [{}]}" },
				new String[] { "PutItem", "{\"TableName\": \"" + table + "\", \"Item\": " + "{\"a\":{\"M\":".repeat(200)
						+ "{}" + "}}".repeat(200) + "}" });
		for (String[] request : requests) {
			RawRequests.Answer answer = RawRequests.post(this.cluster.node(0).endpoint(), request[0], request[1]);
			assertThat(answer.status()).as("%s %s -> %s", request[0], request[1], answer.body()).isEqualTo(400);
			assertThat(answer.errorType()).as("%s %s -> %s", request[0], request[1], answer.body())
				.isIn("ValidationException", "SerializationException", "ResourceNotFoundException");
		}
	}

}
