package dev.alternator.local.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.alternator.local.LocalCluster;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import static dev.alternator.local.engine.EngineClusterSupport.key;
import static dev.alternator.local.engine.EngineClusterSupport.n;
import static dev.alternator.local.engine.EngineClusterSupport.s;
import static org.assertj.core.api.Assertions.assertThat;

class ConcurrencyTests {

	private static final int THREADS = 16;

	private static final int INCREMENTS_PER_THREAD = 20;

	/**
	 * Each thread reads the counter and writes it back one higher only if it has not changed meanwhile
	 * (optimistic concurrency): a lost update would show as a final count below the number of successes.
	 */
	@Test
	void conditionalIncrementsThroughThreeNodesLoseNoUpdate() throws Exception {
		try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 3).start()) {
			List<DynamoDbClient> clients = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				clients.add(EngineClusterSupport.client(cluster, i));
			}
			DynamoDbClient first = clients.get(0);
			first.createTable((request) -> request.tableName("counters")
				.keySchema((k) -> k.attributeName("id").keyType("HASH"))
				.attributeDefinitions((a) -> a.attributeName("id").attributeType("S"))
				.billingMode("PAY_PER_REQUEST"));
			first.putItem((put) -> put.tableName("counters").item(Map.of("id", s("c"), "count", n("0"))));
			ExecutorService executor = Executors.newFixedThreadPool(THREADS);
			try {
				List<Future<Integer>> results = new ArrayList<>();
				for (int t = 0; t < THREADS; t++) {
					DynamoDbClient client = clients.get(t % 3);
					results.add(executor.submit(() -> {
						int done = 0;
						while (done < INCREMENTS_PER_THREAD) {
							Map<String, AttributeValue> item = client.getItem((get) -> get.tableName("counters")
								.key(key("c"))).item();
							String current = item.get("count").n();
							String next = String.valueOf(Long.parseLong(current) + 1);
							try {
								client.putItem((put) -> put.tableName("counters")
									.item(Map.of("id", s("c"), "count", n(next)))
									.conditionExpression("#c = :current")
									.expressionAttributeNames(Map.of("#c", "count"))
									.expressionAttributeValues(Map.of(":current", n(current))));
								done++;
							}
							catch (ConditionalCheckFailedException ex) {
								// Another thread got there first: read again.
							}
						}
						return done;
					}));
				}
				int succeeded = 0;
				for (Future<Integer> result : results) {
					succeeded += result.get(5, TimeUnit.MINUTES);
				}
				assertThat(succeeded).isEqualTo(THREADS * INCREMENTS_PER_THREAD);
				// Atomic updates too: ADD through every node at once.
				List<Future<?>> adds = new ArrayList<>();
				for (int t = 0; t < THREADS; t++) {
					DynamoDbClient client = clients.get(t % 3);
					adds.add(executor.submit(() -> {
						for (int i = 0; i < INCREMENTS_PER_THREAD; i++) {
							client.updateItem((update) -> update.tableName("counters").key(key("c"))
								.updateExpression("ADD #c :one")
								.expressionAttributeNames(Map.of("#c", "count"))
								.expressionAttributeValues(Map.of(":one", n("1"))));
						}
					}));
				}
				for (Future<?> add : adds) {
					add.get(5, TimeUnit.MINUTES);
				}
				String count = first.getItem((get) -> get.tableName("counters").key(key("c"))).item().get("count").n();
				assertThat(count).isEqualTo(String.valueOf(2 * THREADS * INCREMENTS_PER_THREAD));
			}
			finally {
				executor.shutdownNow();
				clients.forEach(DynamoDbClient::close);
			}
		}
	}

}
