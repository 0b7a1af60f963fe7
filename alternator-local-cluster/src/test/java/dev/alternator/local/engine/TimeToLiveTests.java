package dev.alternator.local.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.alternator.local.LocalCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import static dev.alternator.local.engine.EngineClusterSupport.key;
import static dev.alternator.local.engine.EngineClusterSupport.n;
import static dev.alternator.local.engine.EngineClusterSupport.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * UpdateTimeToLive, DescribeTimeToLive and the background expiry of items, through a real client; and that the
 * expiry thread goes away with the cluster.
 */
class TimeToLiveTests {

	private static final String EXPIRY_THREAD = "alternator-ttl-expiry";

	private static LocalCluster cluster;

	private static DynamoDbClient client;

	private static int tableCounter;

	@BeforeAll
	static void start() {
		cluster = LocalCluster.builder().node("dc1", "rack1").ttlScanPeriod(Duration.ofMillis(200)).start();
		client = EngineClusterSupport.client(cluster, 0);
	}

	@AfterAll
	static void stop() {
		client.close();
		cluster.close();
	}

	private static String createTable() {
		String name = "ttl_" + (++tableCounter);
		client.createTable((request) -> request.tableName(name)
			.keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
			.attributeDefinitions(AttributeDefinition.builder().attributeName("id")
				.attributeType(ScalarAttributeType.S).build())
			.billingMode(BillingMode.PAY_PER_REQUEST));
		return name;
	}

	private static TimeToLiveDescription describe(String table) {
		return client.describeTimeToLive((request) -> request.tableName(table)).timeToLiveDescription();
	}

	private static void ttl(String table, String attribute, boolean enabled) {
		client.updateTimeToLive((request) -> request.tableName(table)
			.timeToLiveSpecification((spec) -> spec.attributeName(attribute).enabled(enabled)));
	}

	@Test
	void updateAndDescribeAnswerAsAlternator() {
		String table = createTable();
		assertThat(describe(table).timeToLiveStatus()).isEqualTo(TimeToLiveStatus.DISABLED);
		assertThat(describe(table).attributeName()).isNull();
		assertThat(client.updateTimeToLive((request) -> request.tableName(table)
			.timeToLiveSpecification((spec) -> spec.attributeName("expires").enabled(true)))
			.timeToLiveSpecification().attributeName()).isEqualTo("expires");
		assertThat(describe(table).timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
		assertThat(describe(table).attributeName()).isEqualTo("expires");
		assertThatThrownBy(() -> ttl(table, "other", true)).isInstanceOf(DynamoDbException.class)
			.hasMessageContaining("TTL is already enabled");
		assertThatThrownBy(() -> ttl(table, "other", false)).isInstanceOf(DynamoDbException.class)
			.hasMessageContaining("Requested to disable TTL on attribute other, but a different attribute "
					+ "expires is enabled.");
		ttl(table, "expires", false);
		assertThat(describe(table).timeToLiveStatus()).isEqualTo(TimeToLiveStatus.DISABLED);
		assertThatThrownBy(() -> ttl(table, "expires", false)).isInstanceOf(DynamoDbException.class)
			.hasMessageContaining("TTL is already disabled");
		assertThatThrownBy(() -> describe("no_such_table")).isInstanceOf(ResourceNotFoundException.class);
	}

	@Test
	void itemsWhoseNumericTtlHasPassedAreDeleted() {
		String table = createTable();
		ttl(table, "expires", true);
		long now = Instant.now().getEpochSecond();
		client.putItem((put) -> put.tableName(table).item(Map.of("id", s("past"), "expires", n(Long.toString(now - 10)))));
		client.putItem((put) -> put.tableName(table).item(Map.of("id", s("future"), "expires",
				n(Long.toString(now + 3600)))));
		client.putItem((put) -> put.tableName(table).item(Map.of("id", s("text"), "expires", s("0"))));
		client.putItem((put) -> put.tableName(table).item(Map.of("id", s("none"))));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(client.getItem((get) -> get.tableName(table).key(key("past"))).hasItem())
				.isFalse());
		for (String kept : new String[] { "future", "text", "none" }) {
			assertThat(client.getItem((get) -> get.tableName(table).key(key(kept))).hasItem()).as(kept).isTrue();
		}
	}

	@Test
	void expiryIsAStreamRemoveByTheService() {
		String table = "ttl_streamed";
		String arn = client.createTable((request) -> request.tableName(table)
			.keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
			.attributeDefinitions(AttributeDefinition.builder().attributeName("id")
				.attributeType(ScalarAttributeType.S).build())
			.billingMode(BillingMode.PAY_PER_REQUEST)
			.streamSpecification((stream) -> stream.streamEnabled(true).streamViewType(StreamViewType.OLD_IMAGE)))
			.tableDescription().latestStreamArn();
		ttl(table, "expires", true);
		client.putItem((put) -> put.tableName(table).item(Map.of("id", s("gone"), "expires", n("1"))));
		client.deleteItem((delete) -> delete.tableName(table).key(key("missing")));
		try (DynamoDbStreamsClient streams = StreamsTests.streamsClient(cluster)) {
			String shard = streams.describeStream((describe) -> describe.streamArn(arn)).streamDescription()
				.shards().get(0).shardId();
			String horizon = streams.getShardIterator((request) -> request.streamArn(arn).shardId(shard)
				.shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
					streams.getRecords((get) -> get.shardIterator(horizon)).records()).hasSize(2));
			List<Record> records = streams.getRecords((get) -> get.shardIterator(horizon)).records();
			assertThat(records.get(0).userIdentity()).isNull();
			Record expiry = records.get(1);
			assertThat(expiry.eventName()).isEqualTo(OperationType.REMOVE);
			assertThat(expiry.userIdentity().type()).isEqualTo("Service");
			assertThat(expiry.userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
			assertThat(expiry.dynamodb().oldImage()).containsEntry("expires", n("1"));
		}
	}

	@Test
	void disabledTtlDeletesNothing() throws InterruptedException {
		String table = createTable();
		String other = createTable();
		// The scan runs (another table has TTL), but this table's attribute is not a TTL attribute.
		ttl(other, "expires", true);
		client.putItem((put) -> put.tableName(table).item(Map.of("id", s("past"), "expires", n("1"))));
		client.putItem((put) -> put.tableName(other).item(Map.of("id", s("past"), "expires", n("1"))));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(client.getItem((get) -> get.tableName(other).key(key("past"))).hasItem())
				.isFalse());
		assertThat(client.getItem((get) -> get.tableName(table).key(key("past"))).hasItem()).isTrue();
	}

	@Test
	void closingTheClusterStopsTheExpiryThread() {
		try (LocalCluster own = LocalCluster.builder().node("dc1", "rack1").start();
				DynamoDbClient dynamo = EngineClusterSupport.client(own, 0)) {
			dynamo.createTable((request) -> request.tableName("threaded")
				.keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
				.attributeDefinitions(AttributeDefinition.builder().attributeName("id")
					.attributeType(ScalarAttributeType.S).build())
				.billingMode(BillingMode.PAY_PER_REQUEST));
			long before = expiryThreads();
			dynamo.updateTimeToLive((request) -> request.tableName("threaded")
				.timeToLiveSpecification((spec) -> spec.attributeName("expires").enabled(true)));
			assertThat(expiryThreads()).isEqualTo(before + 1);
			own.close();
			assertThat(expiryThreads()).isEqualTo(before);
		}
	}

	private static long expiryThreads() {
		return Thread.getAllStackTraces().keySet().stream()
			.filter((thread) -> thread.isAlive() && EXPIRY_THREAD.equals(thread.getName()))
			.count();
	}

}
