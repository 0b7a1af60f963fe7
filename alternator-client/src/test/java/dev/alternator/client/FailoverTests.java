package dev.alternator.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.alternator.local.LocalCluster;
import dev.alternator.local.LocalNode;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Nodes dying, hanging and coming back while requests flow.
 */
class FailoverTests {

	@Test
	void killedNodeUnderLoadCostsNoFailedRequestAndGetsNoNewRequest() throws Exception {
		try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 3).start();
				AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster).build();
				DynamoDbClient client = TestClients.client(loadBalancer)) {
			TestClients.createTable(client, "kill");
			LocalNode victim = cluster.node(1);
			AtomicLong victimRequestsAtFailure = new AtomicLong(-1);
			loadBalancer.addListener(new AlternatorListener() {
				@Override
				public void nodeDown(AlternatorNode node, String reason) {
					if (node.host().equals(victim.address())) {
						victimRequestsAtFailure.compareAndSet(-1, victim.requestCount());
					}
				}
			});
			AtomicBoolean running = new AtomicBoolean(true);
			AtomicInteger succeeded = new AtomicInteger();
			List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
			ExecutorService threads = Executors.newFixedThreadPool(8);
			List<Future<?>> workers = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				int thread = t;
				workers.add(threads.submit(() -> {
					int i = 0;
					while (running.get()) {
						try {
							String id = "t" + thread + "-" + (i++ % 50);
							client.putItem((put) -> put.tableName("kill")
								.item(Map.of("id", TestClients.s(id), "v", TestClients.s("x"))));
							succeeded.incrementAndGet();
						}
						catch (RuntimeException ex) {
							failures.add(ex);
						}
					}
				}));
			}
			await().until(() -> succeeded.get() > 300);
			victim.kill();
			int atKill = succeeded.get();
			await().until(() -> succeeded.get() > atKill + 600);
			running.set(false);
			for (Future<?> worker : workers) {
				worker.get(10, TimeUnit.SECONDS);
			}
			threads.shutdown();
			assertThat(failures).isEmpty();
			// Quarantined at once, then dropped from the list when discovery no longer reports it.
			assertThat(loadBalancer.state().liveNodes()).extracting(AlternatorNode::host)
				.doesNotContain(victim.address())
				.hasSize(2);
			// Once marked down, the dead node got no new request: its counter stopped when it died.
			assertThat(victimRequestsAtFailure.get()).isNotNegative();
			assertThat(victim.requestCount()).isEqualTo(victimRequestsAtFailure.get());
		}
	}

	@Test
	void restartedNodeIsProbedBackIntoRotation() {
		try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 3).start();
				AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster).build();
				DynamoDbClient client = TestClients.client(loadBalancer)) {
			TestClients.createTable(client, "restart");
			cluster.node(2).stop();
			for (int i = 0; i < 10; i++) {
				client.getItem((get) -> get.tableName("restart").key(TestClients.key("k")));
			}
			assertThat(loadBalancer.state().liveNodes()).hasSize(2);
			cluster.node(2).restart();
			await().atMost(Duration.ofSeconds(5)).until(() -> loadBalancer.state().liveNodes().size() == 3);
			cluster.resetCounters();
			for (int i = 0; i < 30; i++) {
				client.getItem((get) -> get.tableName("restart").key(TestClients.key("k")));
			}
			assertThat(cluster.node(2).requestCount()).isEqualTo(10);
		}
	}

	@Test
	void hungNodeIsQuarantinedAfterItsTimeoutAndTheRequestSucceedsElsewhere() {
		try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 3).start();
				AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster)
					.readTimeout(Duration.ofMillis(500))
					.build();
				DynamoDbClient client = TestClients.client(loadBalancer)) {
			TestClients.createTable(client, "hang");
			cluster.node(0).hang();
			for (int i = 0; i < 6; i++) {
				client.getItem((get) -> get.tableName("hang").key(TestClients.key("k")));
			}
			assertThat(loadBalancer.state().quarantinedNodes()).extracting(AlternatorNode::host)
				.containsExactly("127.0.0.1");
		}
	}

	@Test
	void hungNodeDoesNotCaptureEveryThreadBeforeItsTimeoutAndTheOthersShareItsTurns() throws Exception {
		Map<String, AtomicInteger> routed = new ConcurrentHashMap<>();
		try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 3).start();
				AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster)
					.readTimeout(Duration.ofSeconds(4))
					.listener(new AlternatorListener() {
						@Override
						public void requestRouted(AlternatorNode node, int attempt) {
							routed.computeIfAbsent(node.host(), (host) -> new AtomicInteger()).incrementAndGet();
						}
					})
					.build();
				DynamoDbClient client = TestClients.client(loadBalancer)) {
			TestClients.createTable(client, "hang_load");
			AtomicBoolean running = new AtomicBoolean(true);
			AtomicInteger completed = new AtomicInteger();
			ExecutorService threads = Executors.newFixedThreadPool(8);
			for (int t = 0; t < 8; t++) {
				threads.execute(() -> {
					while (running.get()) {
						client.getItem((get) -> get.tableName("hang_load").key(TestClients.key("k")));
						completed.incrementAndGet();
					}
				});
			}
			await().until(() -> completed.get() > 200);
			cluster.node(0).hang();
			Thread.sleep(300);
			// Well before the 4 s read timeout: without load-aware routing every thread would sit on the hung node.
			int before = completed.get();
			int secondBefore = routed.get("127.0.0.2").get();
			int thirdBefore = routed.get("127.0.0.3").get();
			Thread.sleep(1_500);
			int duringHang = completed.get() - before;
			int second = routed.get("127.0.0.2").get() - secondBefore;
			int third = routed.get("127.0.0.3").get() - thirdBefore;
			running.set(false);
			cluster.node(0).restart();
			threads.shutdown();
			assertThat(threads.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
			assertThat(duringHang).as("requests completed while a node hangs").isGreaterThan(300);
			// The hung node's turns are shared: neither healthy node takes them all.
			assertThat((double) Math.max(second, third) / Math.min(second, third))
				.as("busier/less busy healthy node while node 1 hangs (%d, %d)", second, third)
				.isLessThan(1.2);
		}
	}

	@Test
	void allNodesDownFailsFastNamingTheNodesAndRecoversByItself() {
		try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 2).start();
				AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster).build();
				DynamoDbClient client = TestClients.client(loadBalancer)) {
			TestClients.createTable(client, "down");
			cluster.nodes().forEach(LocalNode::kill);
			// The first call finds both nodes dead, one attempt each, then no live node is left.
			assertThatThrownBy(() -> client.getItem((get) -> get.tableName("down").key(TestClients.key("k"))))
				.isInstanceOf(software.amazon.awssdk.core.exception.SdkClientException.class);
			long started = System.nanoTime();
			assertThatThrownBy(() -> client.getItem((get) -> get.tableName("down").key(TestClients.key("k"))))
				.isInstanceOf(software.amazon.awssdk.core.exception.SdkClientException.class)
				.hasMessageContaining("No live Alternator node")
				.hasMessageContaining("(SDK Attempt Count: 1)")
				.hasMessageContaining("127.0.0.1:" + cluster.port())
				.hasMessageContaining("127.0.0.2:" + cluster.port());
			// It waits at most the discovery timeout (500 ms) for a down node's probe to bring one back.
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500 + 2_000));
			cluster.nodes().forEach(LocalNode::restart);
			await().atMost(Duration.ofSeconds(5)).until(() -> loadBalancer.state().liveNodes().size() == 2);
			client.getItem((get) -> get.tableName("down").key(TestClients.key("k")));
		}
	}

	@Test
	void asyncClientFailsOverToo() throws Exception {
		try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 3).start();
				AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster).build();
				DynamoDbAsyncClient client = loadBalancer.configure(DynamoDbAsyncClient.builder())
					.credentialsProvider(TestClients.CREDENTIALS)
					.build()) {
			client.createTable((request) -> request.tableName("async")
				.keySchema((key) -> key.attributeName("id").keyType("HASH"))
				.attributeDefinitions((attribute) -> attribute.attributeName("id").attributeType("S"))
				.billingMode("PAY_PER_REQUEST")).join();
			cluster.node(0).kill();
			CountDownLatch done = new CountDownLatch(30);
			AtomicInteger failed = new AtomicInteger();
			for (int i = 0; i < 30; i++) {
				client.getItem((get) -> get.tableName("async").key(TestClients.key("k"))).whenComplete((r, t) -> {
					if (t != null) {
						failed.incrementAndGet();
					}
					done.countDown();
				});
			}
			assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
			assertThat(failed.get()).isZero();
			// Out of rotation: quarantined, or already dropped by discovery (a dead node is no longer listed).
			assertThat(loadBalancer.state().liveNodes()).hasSize(2)
				.noneMatch((node) -> node.host().equals(cluster.node(0).address()));
		}
	}

}
