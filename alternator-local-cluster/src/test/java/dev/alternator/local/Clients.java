package dev.alternator.local;

import java.net.URI;
import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Plain AWS SDK clients pinned to one node, as a test sees the cluster.
 */
final class Clients {

	static final String ACCESS_KEY = "alternator";

	static final String SECRET_KEY = "secret-for-tests";

	private Clients() {
	}

	static DynamoDbClient pinnedTo(URI endpoint) {
		return pinnedTo(endpoint, ACCESS_KEY, SECRET_KEY);
	}

	static DynamoDbClient pinnedTo(URI endpoint, String accessKey, String secretKey) {
		return DynamoDbClient.builder()
			.endpointOverride(endpoint)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
			.httpClientBuilder(ApacheHttpClient.builder().socketTimeout(Duration.ofSeconds(2)))
			.overrideConfiguration((config) -> config.retryStrategy(RetryMode.STANDARD)
				.retryStrategy((retry) -> retry.maxAttempts(1)))
			.build();
	}

	static void createTable(DynamoDbClient client, String table) {
		client.createTable((request) -> request.tableName(table)
			.keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
			.attributeDefinitions(AttributeDefinition.builder()
				.attributeName("id")
				.attributeType(ScalarAttributeType.S)
				.build())
			.billingMode(BillingMode.PAY_PER_REQUEST));
	}

	static AttributeValue s(String value) {
		return AttributeValue.builder().s(value).build();
	}

}
