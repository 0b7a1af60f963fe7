package dev.alternator.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import dev.alternator.client.internal.affinity.AffinityKeys;
import dev.alternator.client.internal.affinity.GoRandom;
import dev.alternator.client.internal.affinity.PartitionKeyHash;

import dev.alternator.local.LocalCluster;
import dev.alternator.local.LocalNode;
import dev.alternator.local.testing.ClusterRestore;
import dev.alternator.local.testing.SharedCluster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Key-route affinity over real sockets: the writes of one partition reach the node ScyllaDB's other libraries would
 * choose, retries and dead nodes move them along the key's own order, the partition key is learnt with a signed
 * {@code DescribeTable}, and it all stays inside the routing scope.
 */
class KeyRouteAffinityTests {

	private static final String TABLE = "affinity";

	// 127.0.0.1-3: dc1/rack1, 127.0.0.4-6: dc1/rack2. SigV4 enforced: every attempt must be signed for its node.
	private static final LocalCluster cluster = LocalCluster.builder()
		.nodes("dc1", "rack1", 3)
		.nodes("dc1", "rack2", 3)
		.credentials(TestClients.ACCESS_KEY, TestClients.SECRET_KEY)
		.start();

	@RegisterExtension
	static final SharedCluster shared = SharedCluster.of(cluster).afterEach(ClusterRestore::clearFaultsAndRestart);

	@BeforeAll
	static void createTable() {
		try (AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster).build();
				DynamoDbClient client = TestClients.client(loadBalancer)) {
			TestClients.createTable(client, TABLE);
		}
	}

	@Test
	void conditionalWritesOfOneKeyGoToTheNodeTheOtherLibrariesChoose() {
		RoutedNodes routed = new RoutedNodes();
		try (AlternatorLoadBalancer loadBalancer = affine(KeyRouteAffinity.RMW).listener(routed).build();
				DynamoDbClient client = TestClients.client(loadBalancer)) {
			AlternatorNode[] ring = AffinityKeys.ring(loadBalancer.state().liveNodes());
			assertThat(ring).hasSize(6);
			Set<AlternatorNode> used = new HashSet<>();
			for (int key = 0; key < 30; key++) {
				String id = "user-" + key;
				AlternatorNode expected = ring[new GoRandom(PartitionKeyHash.of(AttributeValue.fromS(id)))
					.nextInt(ring.length)];
				for (int write = 0; write < 5; write++) {
					routed.clear();
					int version = write;
					client.putItem((put) -> put.tableName(TABLE)
						.item(Map.of("id", TestClients.s(id), "v", AttributeValue.fromN(Integer.toString(version))))
						.conditionExpression("attribute_not_exists(v) OR v < :v")
						.expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Integer.toString(version)))));
					assertThat(routed.nodes()).as("write %d of %s", write, id).containsExactly(expected);
				}
				used.add(expected);
			}
			// Thirty keys over six nodes: the keys spread (all on one node would be a broken hash).
			assertThat(used).hasSizeGreaterThanOrEqualTo(4);
		}
	}

	@Test
	void rmwModeLeavesPlainWritesAndReadsInTurn() {
		RoutedNodes routed = new RoutedNodes();
		try (AlternatorLoadBalancer loadBalancer = affine(KeyRouteAffinity.RMW).listener(routed).build();
				DynamoDbClient client = TestClients.client(loadBalancer)) {
			for (int i = 0; i < 12; i++) {
				client.putItem((put) -> put.tableName(TABLE).item(Map.of("id", TestClients.s("plain"))));
				client.getItem((get) -> get.tableName(TABLE).key(TestClients.key("plain")));
				client.updateItem((update) -> update.tableName(TABLE)
					.key(TestClients.key("plain"))
					.attributeUpdates(Map.of("x", AttributeValueUpdate.builder()
						.value(AttributeValue.fromN("1"))
						.action(AttributeAction.PUT)
						.build()))
					.returnValues(ReturnValue.UPDATED_NEW));
			}
			assertThat(new HashSet<>(routed.nodes())).hasSize(6);
			routed.clear();
			for (int i = 0; i < 6; i++) {
				// UpdateExpression runs as a lightweight transaction: routed by key.
				client.updateItem((update) -> update.tableName(TABLE)
					.key(TestClients.key("plain"))
					.updateExpression("SET x = :x")
					.expressionAttributeValues(Map.of(":x", AttributeValue.fromN("2"))));
				client.deleteItem((delete) -> delete.tableName(TABLE)
					.key(TestClients.key("plain"))
					.returnValues(ReturnValue.ALL_OLD));
			}
			assertThat(new HashSet<>(routed.nodes())).hasSize(1);
		}
	}

	@Test
	void anyWriteRoutesEveryWriteByKeyAndNoRead() {
		RoutedNodes routed = new RoutedNodes();
		try (AlternatorLoadBalancer loadBalancer = affine(KeyRouteAffinity.ANY_WRITE).listener(routed).build();
				DynamoDbClient client = TestClients.client(loadBalancer)) {
			for (int i = 0; i < 12; i++) {
				client.putItem((put) -> put.tableName(TABLE).item(Map.of("id", TestClients.s("any"))));
			}
			assertThat(new HashSet<>(routed.nodes())).hasSize(1);
			routed.clear();
			for (int i = 0; i < 12; i++) {
				client.getItem((get) -> get.tableName(TABLE).key(TestClients.key("any")));
			}
			assertThat(new HashSet<>(routed.nodes())).hasSize(6);
		}
	}

	@Test
	void retryOfARoutedWriteGoesToTheNextNodeOfItsKeyAndIsSignedForIt() {
		RoutedNodes routed = new RoutedNodes();
		try (AlternatorLoadBalancer loadBalancer = affine(KeyRouteAffinity.ANY_WRITE).listener(routed).build();
				DynamoDbClient client = TestClients.client(loadBalancer)) {
			AlternatorNode[] ring = AffinityKeys.ring(loadBalancer.state().liveNodes());
			AlternatorNode[] order = AffinityKeys.single(PartitionKeyHash.of(AttributeValue.fromS("retried")))
				.order(ring);
			localNode(order[0]).failures(503, 1.0);
			for (int i = 0; i < 5; i++) {
				routed.clear();
				client.putItem((put) -> put.tableName(TABLE).item(Map.of("id", TestClients.s("retried"))));
				assertThat(routed.nodes()).containsExactly(order[0], order[1]);
			}
		}
	}

	@Test
	void writesOfAKeyWhoseNodeDiedMoveAlongItsOrderAndComeBack() {
		RoutedNodes routed = new RoutedNodes();
		try (AlternatorLoadBalancer loadBalancer = affine(KeyRouteAffinity.ANY_WRITE).listener(routed).build();
				DynamoDbClient client = TestClients.client(loadBalancer)) {
			long hash = PartitionKeyHash.of(AttributeValue.fromS("moved"));
			List<AlternatorNode> live = loadBalancer.state().liveNodes();
			AlternatorNode[] order = AffinityKeys.single(hash).order(AffinityKeys.ring(live));
			List<AlternatorNode> others = new ArrayList<>(live);
			others.remove(order[0]);
			// While the dead node is still listed (quarantined), the key's writes go to its second node; once discovery
			// no longer lists it, the ring has five nodes and the key's first node among them takes over.
			Set<AlternatorNode> allowed = Set.of(order[1], AffinityKeys.single(hash).order(AffinityKeys.ring(others))[0]);
			localNode(order[0]).kill();
			for (int i = 0; i < 20; i++) {
				client.putItem((put) -> put.tableName(TABLE).item(Map.of("id", TestClients.s("moved"))));
			}
			// The first write found the node dead (one failed attempt, retried on the next node of the key); after
			// it, the dead node gets nothing.
			List<AlternatorNode> nodes = routed.nodes();
			assertThat(nodes).hasSize(21).filteredOn(order[0]::equals).hasSize(1);
			assertThat(nodes.get(0)).isEqualTo(order[0]);
			assertThat(nodes.subList(1, 21)).allMatch(allowed::contains);
			localNode(order[0]).restart();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> loadBalancer.state().liveNodes().contains(order[0]));
			routed.clear();
			client.putItem((put) -> put.tableName(TABLE).item(Map.of("id", TestClients.s("moved"))));
			assertThat(routed.nodes()).containsExactly(order[0]);
		}
	}

	@Test
	void partitionKeyIsLearntWithASignedDescribeTable() {
		RoutedNodes routed = new RoutedNodes();
		try (AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster)
			.keyRouteAffinity(KeyRouteAffinity.ANY_WRITE)
			.listener(routed)
			.build(); DynamoDbClient client = TestClients.client(loadBalancer)) {
			assertThat(loadBalancer.state().partitionKeys()).isEmpty();
			client.putItem((put) -> put.tableName(TABLE).item(Map.of("id", TestClients.s("learnt"))));
			await().atMost(Duration.ofSeconds(10))
				.until(() -> loadBalancer.state().partitionKeys(), (keys) -> "id".equals(keys.get(TABLE)));
			routed.clear();
			for (int i = 0; i < 12; i++) {
				client.putItem((put) -> put.tableName(TABLE).item(Map.of("id", TestClients.s("learnt"))));
			}
			assertThat(routed.nodes()).hasSize(12);
			assertThat(new HashSet<>(routed.nodes())).hasSize(1);
			assertThat(loadBalancer.state().keyRouteAffinity()).isEqualTo(KeyRouteAffinity.ANY_WRITE);
		}
	}

	@Test
	void aTableThatCannotBeDescribedKeepsItsWritesInTurn() {
		RoutedNodes routed = new RoutedNodes();
		try (AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster)
			.keyRouteAffinity(KeyRouteAffinity.ANY_WRITE)
			.listener(routed)
			.build(); DynamoDbClient client = TestClients.client(loadBalancer)) {
			for (int i = 0; i < 12; i++) {
				try {
					client.putItem((put) -> put.tableName("missing_table").item(Map.of("id", TestClients.s("x"))));
				}
				catch (software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException expected) {
					// the table does not exist: what matters is where the attempts went
				}
				Thread.sleep(20);
			}
			assertThat(new HashSet<>(routed.nodes())).hasSizeGreaterThan(1);
			assertThat(loadBalancer.state().partitionKeys()).doesNotContainKey("missing_table");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void affinityRingSpansTheDatacenterNotTheRack() {
		// Issue 10, point 15: clients in different racks must send a key to the same coordinator (LWT routing wins
		// over rack awareness), so the ring is the datacenter's whatever the rack scope.
		RoutedNodes routed = new RoutedNodes();
		try (AlternatorLoadBalancer loadBalancer = affine(KeyRouteAffinity.ANY_WRITE).datacenter("dc1")
			.rack("rack2")
			.listener(routed)
			.build(); DynamoDbClient client = TestClients.client(loadBalancer)) {
			assertThat(loadBalancer.state().liveNodes()).extracting(AlternatorNode::host)
				.containsExactlyInAnyOrder("127.0.0.4", "127.0.0.5", "127.0.0.6");
			List<AlternatorNode> datacenter = new ArrayList<>();
			for (LocalNode node : cluster.nodes()) {
				datacenter.add(AlternatorNode.of("http", node.endpoint().getHost(), node.endpoint().getPort()));
			}
			AlternatorNode[] ring = AffinityKeys.ring(datacenter);
			assertThat(ring).hasSize(6);
			Set<AlternatorNode> used = new HashSet<>();
			for (int key = 0; key < 12; key++) {
				String id = "rack-" + key;
				AlternatorNode expected = AffinityKeys.single(PartitionKeyHash.of(AttributeValue.fromS(id)))
					.order(ring)[0];
				routed.clear();
				client.putItem((put) -> put.tableName(TABLE).item(Map.of("id", TestClients.s(id))));
				assertThat(routed.nodes()).containsExactly(expected);
				used.add(expected);
			}
			assertThat(used).hasSizeGreaterThan(1);
			assertThat(used).as("some keys leave the rack for their datacenter node")
				.anyMatch((node) -> !loadBalancer.state().liveNodes().contains(node));
		}
	}

	@Test
	void batchWriteGoesToTheNodeMostOfItsKeysPrefer() {
		RoutedNodes routed = new RoutedNodes();
		try (AlternatorLoadBalancer loadBalancer = affine(KeyRouteAffinity.ANY_WRITE).listener(routed).build();
				DynamoDbClient client = TestClients.client(loadBalancer)) {
			AlternatorNode[] ring = AffinityKeys.ring(loadBalancer.state().liveNodes());
			Map<AlternatorNode, List<String>> keysByNode = new HashMap<>();
			for (int key = 0; key < 200; key++) {
				String id = "batch-" + key;
				keysByNode.computeIfAbsent(ring[new GoRandom(PartitionKeyHash.of(AttributeValue.fromS(id)))
					.nextInt(ring.length)], (node) -> new ArrayList<>()).add(id);
			}
			List<AlternatorNode> nodes = new ArrayList<>(keysByNode.keySet());
			AlternatorNode winner = nodes.get(0);
			// Three keys preferring the winner, one each preferring two other nodes.
			List<String> ids = new ArrayList<>(keysByNode.get(winner).subList(0, 3));
			ids.add(keysByNode.get(nodes.get(1)).get(0));
			ids.add(keysByNode.get(nodes.get(2)).get(0));
			List<WriteRequest> writes = ids.stream()
				.map((id) -> WriteRequest.builder()
					.putRequest(PutRequest.builder().item(Map.of("id", TestClients.s(id))).build())
					.build())
				.collect(Collectors.toList());
			routed.clear();
			client.batchWriteItem((batch) -> batch.requestItems(Map.of(TABLE, writes)));
			assertThat(routed.nodes()).containsExactly(winner);
		}
	}

	@Test
	void asyncClientRoutesByKeyToo() {
		RoutedNodes routed = new RoutedNodes();
		try (AlternatorLoadBalancer loadBalancer = affine(KeyRouteAffinity.ANY_WRITE).listener(routed).build();
				DynamoDbAsyncClient client = loadBalancer.configure(DynamoDbAsyncClient.builder())
					.credentialsProvider(TestClients.CREDENTIALS)
					.build()) {
			AlternatorNode expected = AffinityKeys.single(PartitionKeyHash.of(AttributeValue.fromS("async")))
				.order(AffinityKeys.ring(loadBalancer.state().liveNodes()))[0];
			for (int i = 0; i < 10; i++) {
				client.putItem((put) -> put.tableName(TABLE).item(Map.of("id", TestClients.s("async")))).join();
			}
			assertThat(routed.nodes()).hasSize(10).containsOnly(expected);
		}
	}

	@Test
	void keysHandOverHeaderIsNeverSent() {
		// beforeTransmission sees each attempt as it goes on the wire, after signing.
		List<SdkHttpRequest> sent = new CopyOnWriteArrayList<>();
		ExecutionInterceptor recorder = new ExecutionInterceptor() {
			@Override
			public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
				sent.add(context.httpRequest());
			}
		};
		try (AlternatorLoadBalancer loadBalancer = affine(KeyRouteAffinity.ANY_WRITE).build();
				DynamoDbClient client = loadBalancer.configure(DynamoDbClient.builder())
					.credentialsProvider(TestClients.CREDENTIALS)
					.overrideConfiguration((override) -> override.addExecutionInterceptor(recorder))
					.build()) {
			client.putItem((put) -> put.tableName(TABLE).item(Map.of("id", TestClients.s("header"))));
			assertThat(sent).hasSize(1);
			assertThat(sent.get(0).headers()).doesNotContainKey(AffinityKeys.HEADER)
				.containsKey("Authorization");
		}
	}

	private static AlternatorLoadBalancer.Builder affine(KeyRouteAffinity mode) {
		return TestClients.fastLoadBalancer(cluster).keyRouteAffinity(mode).partitionKey(TABLE, "id");
	}

	private static LocalNode localNode(AlternatorNode node) {
		return cluster.node(node.host());
	}

	/**
	 * The node of every attempt, in order.
	 */
	private static final class RoutedNodes implements AlternatorListener {

		private final List<AlternatorNode> nodes = new CopyOnWriteArrayList<>();

		@Override
		public void requestRouted(AlternatorNode node, int attempt) {
			this.nodes.add(node);
		}

		List<AlternatorNode> nodes() {
			return new ArrayList<>(this.nodes);
		}

		void clear() {
			this.nodes.clear();
		}

	}

}
