package dev.alternator.local.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conditional writes are atomic per item, whichever node they go through.
 */
class ConcurrencyConformanceTests extends ConformanceSupport {

	private static final int THREADS = 16;

	private static final int INCREMENTS_PER_THREAD = 25;

	@Override
	protected int nodes() {
		return 3;
	}

	@Test
	void conditionalIncrementsFromSixteenThreadsThroughThreeNodesLoseNoUpdate() throws Exception {
		String table = hashTable("counter");
		this.dynamo.putItem((put) -> put.tableName(table).item(item("p", s("counter"), "v", n("0"))));
		incrementFromEveryNode(table, "counter", (client) -> incrementRepeatedly(client, table));
	}

	@Test
	void unconditionalAddFromSixteenThreadsThroughThreeNodesLosesNoUpdate() throws Exception {
		String table = hashTable("adder");
		incrementFromEveryNode(table, "adder", (client) -> {
			for (int i = 0; i < INCREMENTS_PER_THREAD; i++) {
				client.updateItem((update) -> update.tableName(table)
					.key(item("p", s("adder")))
					.updateExpression("ADD v :one")
					.expressionAttributeValues(Map.of(":one", n("1"))));
			}
		});
	}

	/**
	 * Runs the increments of {@value #THREADS} threads, spread over clients of the three nodes, and checks that the
	 * item counts every one of them: lost updates would show as a final value below that number.
	 */
	private void incrementFromEveryNode(String table, String key, Consumer<DynamoDbClient> increments)
			throws Exception {
		List<DynamoDbClient> clients = new ArrayList<>();
		for (int node = 0; node < 3; node++) {
			clients.add(client(this.cluster.node(node).endpoint()));
		}
		ExecutorService threads = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int thread = 0; thread < THREADS; thread++) {
				DynamoDbClient client = clients.get(thread % clients.size());
				done.add(threads.submit(() -> increments.accept(client)));
			}
			for (Future<?> future : done) {
				future.get(5, TimeUnit.MINUTES);
			}
			assertThat(this.dynamo.getItem((get) -> get.tableName(table).key(item("p", s(key))).consistentRead(true))
				.item()).containsEntry("v", n(Integer.toString(THREADS * INCREMENTS_PER_THREAD)));
		}
		finally {
			threads.shutdownNow();
		}
	}

	/** Read, then write the next value on the condition that nobody wrote in between; retry when someone did. */
	private static void incrementRepeatedly(DynamoDbClient client, String table) {
		for (int done = 0; done < INCREMENTS_PER_THREAD;) {
			String current = client
				.getItem((get) -> get.tableName(table).key(item("p", s("counter"))).consistentRead(true))
				.item()
				.get("v")
				.n();
			String next = Long.toString(Long.parseLong(current) + 1);
			try {
				client.updateItem((update) -> update.tableName(table)
					.key(item("p", s("counter")))
					.updateExpression("SET v = :next")
					.conditionExpression("v = :current")
					.expressionAttributeValues(Map.of(":next", n(next), ":current", n(current))));
				done++;
			}
			catch (ConditionalCheckFailedException ex) {
				// Another thread incremented first: read again and retry.
			}
		}
	}

}
