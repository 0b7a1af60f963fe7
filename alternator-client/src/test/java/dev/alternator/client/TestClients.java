package dev.alternator.client;

import java.time.Duration;
import java.util.Map;

import dev.alternator.local.LocalCluster;
import dev.alternator.local.LocalNode;
import dev.alternator.local.NodeState;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Shared set-up for tests: fast load balancers over a local cluster, credentials and a table.
 */
final class TestClients {

	static final String ACCESS_KEY = "alternator";

	static final String SECRET_KEY = "test-secret-do-not-log";

	static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider
		.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));

	private TestClients() {
	}

	/**
	 * A load balancer with short intervals, so that tests see discovery and probes within a second.
	 */
	static AlternatorLoadBalancer.Builder fastLoadBalancer(LocalCluster cluster) {
		return AlternatorLoadBalancer.builder()
			// The seed's port is the cluster's: discovered nodes get it too.
			.seeds(cluster.seeds().get(0))
			.activeRefreshInterval(Duration.ofMillis(200))
			.idleRefreshInterval(Duration.ofSeconds(5))
			.probeInterval(Duration.ofMillis(100))
			.discoveryTimeout(Duration.ofMillis(500))
			.readTimeout(Duration.ofSeconds(2));
	}

	/**
	 * Clears every node's faults and restarts the nodes a test stopped, killed or hung.
	 */
	static void restoreNodes(LocalCluster cluster) {
		for (LocalNode node : cluster.nodes()) {
			node.clearFaults();
			if (node.state() != NodeState.RUNNING) {
				node.restart();
			}
		}
	}

	static DynamoDbClient client(AlternatorLoadBalancer loadBalancer) {
		return loadBalancer.configure(DynamoDbClient.builder()).credentialsProvider(CREDENTIALS).build();
	}

	static void createTable(DynamoDbClient client, String table) {
		try {
			client.createTable((request) -> request.tableName(table)
				.keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
				.attributeDefinitions(AttributeDefinition.builder()
					.attributeName("id")
					.attributeType(ScalarAttributeType.S)
					.build())
				.billingMode(BillingMode.PAY_PER_REQUEST));
		}
		catch (ResourceInUseException ex) {
			// created by an earlier test on the same cluster
		}
	}

	static Map<String, AttributeValue> key(String id) {
		return Map.of("id", AttributeValue.builder().s(id).build());
	}

	static AttributeValue s(String value) {
		return AttributeValue.builder().s(value).build();
	}

}
