package dev.alternator.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.alternator.local.LocalCluster;
import dev.alternator.local.LocalNode;
import dev.alternator.local.LocalNodesFault;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cluster events under a steady load from several threads, counted: no failed request, no lost write. Small versions
 * of the timed scenarios in the benchmarks module.
 */
class ResilienceTests {

	private static final int THREADS = 6;

	@Test
	void rollingRestartLosesNoRequestAndNoWrite() throws Exception {
		try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 3).start();
				AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster).build();
				DynamoDbClient client = TestClients.client(loadBalancer);
				Load load = new Load(client, "rolling")) {
			for (LocalNode node : cluster.nodes()) {
				load.awaitMore(200);
				node.kill();
				load.awaitMore(200);
				node.restart();
				await().atMost(Duration.ofSeconds(5)).until(() -> loadBalancer.state().liveNodes().size() == 3);
			}
			load.awaitMore(200);
			load.stop();
			assertThat(load.failures).isEmpty();
			// Every acknowledged write is there, read through any node.
			for (String id : load.acknowledged) {
				assertThat(client.getItem((get) -> get.tableName("rolling").key(TestClients.key(id)).consistentRead(true))
					.hasItem()).as(id).isTrue();
			}
			assertThat(load.acknowledged).hasSizeGreaterThan(1000);
		}
	}

	@Test
	void joiningNodeCostsNoFailedRequest() throws Exception {
		try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 2).start();
				AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster).build();
				DynamoDbClient client = TestClients.client(loadBalancer);
				Load load = new Load(client, "joining")) {
			load.awaitMore(200);
			LocalNode joining = cluster.addNode("dc1", "rack1");
			joining.joining(Duration.ofSeconds(1));
			load.awaitMore(500);
			await().atMost(Duration.ofSeconds(5)).until(() -> loadBalancer.state().liveNodes().size() == 3);
			load.awaitMore(300);
			load.stop();
			assertThat(load.failures).isEmpty();
			assertThat(joining.requestCount()).as("traffic once joined").isPositive();
		}
	}

	@Test
	void garbageAndSlowLocalNodesAnswersDoNotDisturbRequests() throws Exception {
		try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 3).start();
				AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster).build();
				DynamoDbClient client = TestClients.client(loadBalancer);
				Load load = new Load(client, "garbage")) {
			// The faults added for issue 10 (stall, trickle, redirect, unreachable addresses) have their own tests
			// in HighAvailabilityRegressionTests.
			for (LocalNodesFault fault : java.util.EnumSet.range(LocalNodesFault.NONE, LocalNodesFault.SLOW)) {
				cluster.nodes().forEach((node) -> node.localNodesFault(fault));
				load.awaitMore(150);
			}
			load.stop();
			assertThat(load.failures).isEmpty();
			assertThat(loadBalancer.state().liveNodes()).hasSize(3);
		}
	}

	/**
	 * Writes from several threads until stopped, recording acknowledged writes and failures.
	 */
	private static final class Load implements AutoCloseable {

		final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

		final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final AtomicInteger done = new AtomicInteger();

		private final ExecutorService threads = Executors.newFixedThreadPool(THREADS);

		private final List<Future<?>> workers = new ArrayList<>();

		Load(DynamoDbClient client, String table) {
			TestClients.createTable(client, table);
			for (int t = 0; t < THREADS; t++) {
				int thread = t;
				this.workers.add(this.threads.submit(() -> {
					int i = 0;
					while (this.running.get()) {
						String id = "t" + thread + "-" + i++;
						try {
							client.putItem((put) -> put.tableName(table)
								.item(Map.of("id", TestClients.s(id), "v", TestClients.s("x"))));
							this.acknowledged.add(id);
							this.done.incrementAndGet();
						}
						catch (RuntimeException ex) {
							this.failures.add(ex);
						}
					}
				}));
			}
		}

		void awaitMore(int requests) {
			int target = this.done.get() + requests;
			await().atMost(Duration.ofSeconds(30)).until(() -> this.done.get() >= target);
		}

		void stop() throws Exception {
			this.running.set(false);
			for (Future<?> worker : this.workers) {
				worker.get(30, TimeUnit.SECONDS);
			}
		}

		@Override
		public void close() throws Exception {
			stop();
			this.threads.shutdownNow();
		}

	}

}
