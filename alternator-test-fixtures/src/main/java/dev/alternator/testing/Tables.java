package dev.alternator.testing;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The table most tests use: a string hash key named {@code id}, billed per request.
 */
public final class Tables {

	private Tables() {
	}

	/**
	 * Creates the table; fails if it exists.
	 * @param client the client to send the request with
	 * @param table the table name
	 */
	public static void createHashKeyTable(DynamoDbClient client, String table) {
		client.createTable((request) -> request.tableName(table)
			.keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
			.attributeDefinitions(AttributeDefinition.builder()
				.attributeName("id")
				.attributeType(ScalarAttributeType.S)
				.build())
			.billingMode(BillingMode.PAY_PER_REQUEST));
	}

	/**
	 * Creates the table unless an earlier test on the same cluster already did.
	 * @param client the client to send the request with
	 * @param table the table name
	 */
	public static void createHashKeyTableIfAbsent(DynamoDbClient client, String table) {
		try {
			createHashKeyTable(client, table);
		}
		catch (ResourceInUseException ex) {
			// created by an earlier test on the same cluster
		}
	}

}
