package dev.alternator.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import dev.alternator.client.AlternatorLoadBalancer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

/**
 * The two clients every benchmark compares, configured alike: the plain SDK client pinned to one node, and the
 * load-balanced one.
 */
final class Clients {

	static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider
		.create(AwsBasicCredentials.create("alternator", "secret"));

	static final Map<String, AttributeValue> KEY = Map.of("id", AttributeValue.fromS("k"));

	static final Map<String, AttributeValue> ITEM = Map.of("id", AttributeValue.fromS("k"), "v",
			AttributeValue.fromS("value"));

	private Clients() {
	}

	static DynamoDbClient plain(URI endpoint) {
		return DynamoDbClient.builder()
			.endpointOverride(endpoint)
			.region(Region.US_EAST_1)
			.credentialsProvider(CREDENTIALS)
			.httpClientBuilder(ApacheHttpClient.builder()
				.maxConnections(100)
				.connectionTimeout(Duration.ofSeconds(2))
				.socketTimeout(Duration.ofSeconds(30)))
			.build();
	}

	static AlternatorLoadBalancer loadBalancer(String seed) {
		return AlternatorLoadBalancer.builder().seeds(seed).build();
	}

	static DynamoDbClient loadBalanced(AlternatorLoadBalancer loadBalancer) {
		return loadBalancer.configure(DynamoDbClient.builder()).credentialsProvider(CREDENTIALS).build();
	}

	static void createTable(DynamoDbClient client, String table) {
		try {
			client.createTable((request) -> request.tableName(table)
				.keySchema((key) -> key.attributeName("id").keyType("HASH"))
				.attributeDefinitions((attribute) -> attribute.attributeName("id").attributeType("S"))
				.billingMode("PAY_PER_REQUEST"));
		}
		catch (ResourceInUseException ex) {
			// already there
		}
		client.putItem((put) -> put.tableName(table).item(ITEM));
	}

}
