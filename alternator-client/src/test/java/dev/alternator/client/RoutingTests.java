package dev.alternator.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.alternator.local.LocalCluster;
import dev.alternator.local.LocalNode;
import dev.alternator.local.testing.ClusterRestore;
import dev.alternator.local.testing.SharedCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests spread over the live nodes and retries move to nodes not tried yet, signed for the node they reach.
 */
class RoutingTests {

	private static final LocalCluster cluster = LocalCluster.builder()
		.nodes("dc1", "rack1", 3)
		.credentials(TestClients.ACCESS_KEY, TestClients.SECRET_KEY)
		.start();

	@RegisterExtension
	static final SharedCluster shared = SharedCluster.of(cluster).afterEach(ClusterRestore::clearFaultsAndRestart);

	@Test
	void requestsAreSpreadEvenlyOverTheNodes() {
		try (AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster).build();
				DynamoDbClient client = TestClients.client(loadBalancer)) {
			TestClients.createTable(client, "spread");
			cluster.resetCounters();
			for (int i = 0; i < 30_000; i++) {
				client.getItem((get) -> get.tableName("spread").key(TestClients.key("k")));
			}
			List<Long> counts = cluster.nodes().stream().map(LocalNode::requestCount).toList();
			assertThat(counts.stream().mapToLong(Long::longValue).sum()).isEqualTo(30_000);
			long max = counts.stream().mapToLong(Long::longValue).max().orElseThrow();
			long min = counts.stream().mapToLong(Long::longValue).min().orElseThrow();
			assertThat((double) max / min).as("busiest/least busy over %s", counts).isLessThanOrEqualTo(1.05);
		}
	}

	@Test
	void retryGoesToAnotherNodeSignedForIt() {
		AtomicInteger moved = new AtomicInteger();
		try (AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster)
			.listener(new AlternatorListener() {
				@Override
				public void retryMovedToAnotherNode(AlternatorNode from, AlternatorNode to) {
					moved.incrementAndGet();
				}
			})
			.build(); DynamoDbClient client = TestClients.client(loadBalancer)) {
			TestClients.createTable(client, "retries");
			// Two of three nodes answer 503 to every request: a call succeeds only if a retry reaches the third,
			// and only if that retry carries a signature made for the third node (SigV4 is enforced).
			cluster.node(0).failures(503, 1.0);
			cluster.node(1).failures(503, 1.0);
			cluster.resetCounters();
			for (int i = 0; i < 60; i++) {
				client.putItem((put) -> put.tableName("retries")
					.item(Map.of("id", TestClients.s("k"), "v", TestClients.s("x"))));
			}
			// No call made more than one attempt on a failing node: at most 2 failing attempts per call.
			long failingAttempts = cluster.node(0).requestCount() + cluster.node(1).requestCount();
			assertThat(cluster.node(2).requestCount()).isEqualTo(60);
			assertThat(failingAttempts).isLessThanOrEqualTo(120);
			assertThat(moved.get()).isEqualTo((int) failingAttempts);
		}
	}

	@Test
	void retryBudgetStaysOffWhenTheApplicationSetsItsOwnOverridesAfterConfigure() {
		try (AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster).build();
				DynamoDbClient client = loadBalancer.configure(DynamoDbClient.builder())
					.credentialsProvider(TestClients.CREDENTIALS)
					// The SDK keeps only the last overrideConfiguration given to a builder.
					.overrideConfiguration((override) -> override.apiCallTimeout(java.time.Duration.ofSeconds(20)))
					.build()) {
			TestClients.createTable(client, "budget");
			// Half the answers of two nodes fail: often enough to drain a retry budget, not always, so that these
			// nodes stay in rotation (a node that answers only 5xx leaves it: issue 10, point 10).
			cluster.node(0).failures(503, 0.5);
			cluster.node(1).failures(503, 0.5);
			cluster.resetCounters();
			int failed = 0;
			// About 250 retries: the SDK's default budget (500 tokens, 5 per retried error) would run dry after 100.
			for (int i = 0; i < 600; i++) {
				try {
					client.getItem((get) -> get.tableName("budget").key(TestClients.key("k")));
				}
				catch (software.amazon.awssdk.core.exception.SdkException ex) {
					failed++;
				}
			}
			assertThat(failed).isZero();
			assertThat(cluster.node(0).requestCount() + cluster.node(1).requestCount()).isGreaterThan(300);
		}
	}

	@Test
	void enhancedClientWorksOnTop() {
		try (AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster).build();
				DynamoDbClient client = TestClients.client(loadBalancer)) {
			TestClients.createTable(client, "enhanced");
			DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
			var table = enhanced.table("enhanced", TableSchema.documentSchemaBuilder()
				.addIndexPartitionKey(software.amazon.awssdk.enhanced.dynamodb.TableMetadata.primaryIndexName(), "id",
						software.amazon.awssdk.enhanced.dynamodb.AttributeValueType.S)
				.attributeConverterProviders(
						software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider.defaultProvider())
				.build());
			table.putItem(software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument.builder()
				.putString("id", "doc1")
				.putString("name", "first")
				.attributeConverterProviders(
						software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider.defaultProvider())
				.build());
			assertThat(table.getItem((r) -> r.key((k) -> k.partitionValue("doc1"))).getString("name"))
				.isEqualTo("first");
		}
	}

}
