package dev.alternator.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.alternator.local.LocalCluster;
import dev.alternator.local.LocalNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The per-attempt listener events (attempt start and end, with duration and outcome) from real calls over real
 * sockets.
 */
class AttemptEventsTests {

	private static LocalCluster cluster;

	@BeforeAll
	static void startCluster() {
		cluster = LocalCluster.builder().nodes("dc1", "rack1", 3).start();
		try (AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster).build();
				DynamoDbClient client = TestClients.client(loadBalancer)) {
			TestClients.createTable(client, "events");
		}
	}

	@AfterAll
	static void stopCluster() {
		cluster.close();
	}

	@AfterEach
	void restoreNodes() {
		TestClients.restoreNodes(cluster);
	}

	/**
	 * Seeds only, no discovery: every node of the cluster stays in the list whatever happens to it.
	 */
	private static AlternatorLoadBalancer seedsOnly(AlternatorListener listener) {
		return TestClients.fastLoadBalancer(cluster).seeds(cluster.seeds()).discovery(false).listener(listener).build();
	}

	@Test
	void everyAttemptIsRoutedStartedAndEndedInThatOrderWithItsDurationAndOperation() {
		EventLog log = new EventLog();
		try (AlternatorLoadBalancer loadBalancer = seedsOnly(log);
				DynamoDbClient client = TestClients.client(loadBalancer)) {
			for (int i = 0; i < 6; i++) {
				String id = "k" + i;
				client.putItem((put) -> put.tableName("events").item(Map.of("id", TestClients.s(id))));
			}
			client.getItem((get) -> get.tableName("events").key(TestClients.key("k0")));
			List<String> expected = new ArrayList<>();
			for (int i = 0; i < 7; i++) {
				String node = log.results.get(i).node().toString();
				String operation = (i < 6) ? "PutItem" : "GetItem";
				expected.add("routed " + node);
				expected.add("started " + node + " " + operation);
				expected.add("ended " + node + " " + operation + " SUCCESS 200");
			}
			assertThat(log.events()).containsExactlyElementsOf(expected);
			assertThat(log.results).hasSize(7).allSatisfy((result) -> {
				assertThat(result.duration()).isPositive();
				assertThat(result.failure()).isNull();
			});
			// Round-robin: the six writes went to all three nodes.
			assertThat(log.results.subList(0, 6).stream().map(AttemptResult::node).distinct()).hasSize(3);
		}
	}

	@Test
	void aRefusedRequestEndsWithItsClientErrorStatus() {
		EventLog log = new EventLog();
		try (AlternatorLoadBalancer loadBalancer = seedsOnly(log);
				DynamoDbClient client = TestClients.client(loadBalancer)) {
			assertThatThrownBy(() -> client.getItem((get) -> get.tableName("no-such-table").key(TestClients.key("k"))))
				.isInstanceOf(ResourceNotFoundException.class);
			assertThat(log.results).singleElement().satisfies((result) -> {
				assertThat(result.outcome()).isEqualTo(AttemptResult.Outcome.CLIENT_ERROR);
				assertThat(result.statusCode()).isEqualTo(400);
				assertThat(result.operation()).isEqualTo("GetItem");
			});
		}
	}

	@Test
	void anAttemptToAKilledNodeEndsWithATransportFailureAndTheRetrySucceeds() {
		EventLog log = new EventLog();
		try (AlternatorLoadBalancer loadBalancer = seedsOnly(log);
				DynamoDbClient client = TestClients.client(loadBalancer)) {
			LocalNode victim = cluster.node(1);
			victim.kill();
			log.clear();
			// Round-robin reaches the dead node within three calls; it is quarantined after its first failure.
			for (int i = 0; i < 3; i++) {
				client.getItem((get) -> get.tableName("events").key(TestClients.key("k")));
			}
			AttemptResult failed = log.results.stream()
				.filter((result) -> result.outcome() == AttemptResult.Outcome.TRANSPORT_FAILURE)
				.findFirst()
				.orElseThrow();
			assertThat(failed.node().host()).isEqualTo(victim.address());
			assertThat(failed.statusCode()).isZero();
			assertThat(failed.failure()).isNotNull();
			assertThat(failed.duration()).isPositive();
			// Its retry went to another node, and that attempt succeeded; the failure came before its end event.
			int at = log.results.indexOf(failed);
			assertThat(log.results.get(at + 1).outcome()).isEqualTo(AttemptResult.Outcome.SUCCESS);
			assertThat(log.results.get(at + 1).node()).isNotEqualTo(failed.node());
			assertThat(log.events()).containsSubsequence("failed " + failed.node(), "ended " + failed.node()
					+ " GetItem TRANSPORT_FAILURE 0");
			assertThat(log.results).hasSizeGreaterThanOrEqualTo(4);
		}
	}

	@Test
	void aThrowingListenerDoesNotReachTheCallNorStopOtherListeners() {
		AtomicInteger thrown = new AtomicInteger();
		AlternatorListener throwing = new AlternatorListener() {

			@Override
			public void attemptStarted(AlternatorNode node, String operation) {
				thrown.incrementAndGet();
				throw new IllegalStateException("listener bug");
			}

			@Override
			public void attemptEnded(AttemptResult result) {
				thrown.incrementAndGet();
				throw new IllegalStateException("listener bug");
			}

		};
		EventLog log = new EventLog();
		try (AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster).listener(throwing)
			.listener(log)
			.build(); DynamoDbClient client = TestClients.client(loadBalancer)) {
			for (int i = 0; i < 3; i++) {
				client.getItem((get) -> get.tableName("events").key(TestClients.key("k")));
			}
			assertThat(thrown).hasValue(6);
			assertThat(log.results).hasSize(3)
				.allSatisfy((result) -> assertThat(result.outcome()).isEqualTo(AttemptResult.Outcome.SUCCESS));
		}
	}

	@Test
	void theAsynchronousClientReportsItsAttemptsToo() {
		EventLog log = new EventLog();
		try (AlternatorLoadBalancer loadBalancer = seedsOnly(log);
				DynamoDbClient client = TestClients.client(loadBalancer);
				DynamoDbAsyncClient async = loadBalancer.configure(DynamoDbAsyncClient.builder())
					.credentialsProvider(TestClients.CREDENTIALS)
					.build()) {
			for (int i = 0; i < 3; i++) {
				async.getItem((get) -> get.tableName("events").key(TestClients.key("k"))).join();
			}
			// The end event comes from the I/O thread, possibly just after the call's future completed.
			await().atMost(Duration.ofSeconds(10)).until(() -> log.results.size() == 3);
			assertThat(log.results).extracting(AttemptResult::operation).containsOnly("GetItem");
			assertThat(log.results).allSatisfy((result) -> {
				assertThat(result.outcome()).isEqualTo(AttemptResult.Outcome.SUCCESS);
				assertThat(result.duration()).isPositive();
			});
			assertThat(log.events()).filteredOn((event) -> event.startsWith("started")).hasSize(3);
		}
	}

	/**
	 * Records the attempt events in order.
	 */
	static final class EventLog implements AlternatorListener {

		private final List<String> events = new ArrayList<>();

		final List<AttemptResult> results = java.util.Collections.synchronizedList(new ArrayList<>());

		@Override
		public synchronized void requestRouted(AlternatorNode node, int attempt) {
			this.events.add("routed " + node);
		}

		@Override
		public synchronized void attemptStarted(AlternatorNode node, String operation) {
			this.events.add("started " + node + " " + operation);
		}

		@Override
		public synchronized void requestFailed(AlternatorNode node, Throwable cause) {
			this.events.add("failed " + node);
		}

		@Override
		public synchronized void attemptEnded(AttemptResult result) {
			this.events.add("ended " + result.node() + " " + result.operation() + " " + result.outcome() + " "
					+ result.statusCode());
			this.results.add(result);
		}

		synchronized List<String> events() {
			return new ArrayList<>(this.events);
		}

		synchronized void clear() {
			this.events.clear();
			this.results.clear();
		}

	}

}
