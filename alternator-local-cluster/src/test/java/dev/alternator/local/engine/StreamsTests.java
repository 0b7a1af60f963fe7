package dev.alternator.local.engine;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.alternator.local.LocalCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsResponse;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import static dev.alternator.local.engine.EngineClusterSupport.key;
import static dev.alternator.local.engine.EngineClusterSupport.n;
import static dev.alternator.local.engine.EngineClusterSupport.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * DynamoDB Streams through the SDK's DynamoDbStreamsClient against a node: the stream of a table as
 * CreateTable/UpdateTable enable it, ListStreams, DescribeStream, the four iterator types and GetRecords with
 * each view type.
 */
class StreamsTests {

	@RegisterExtension
	static final EngineCluster engine = EngineCluster.twoNodes();

	private static final DynamoDbClient client = engine.client(0);

	private static final DynamoDbStreamsClient streams = engine.closing(streamsClient(engine.cluster()));

	private static int tableCounter;

	static DynamoDbStreamsClient streamsClient(LocalCluster cluster) {
		return DynamoDbStreamsClient.builder()
			.endpointOverride(URI.create(cluster.seeds().get(cluster.seeds().size() - 1)))
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("engine", "tests")))
			.build();
	}

	private static TableDescription createTable(StreamViewType viewType) {
		String name = "streamed_" + (++tableCounter);
		return client.createTable((request) -> {
			request.tableName(name)
				.keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
				.attributeDefinitions(AttributeDefinition.builder().attributeName("id")
					.attributeType(ScalarAttributeType.S).build())
				.billingMode(BillingMode.PAY_PER_REQUEST);
			if (viewType != null) {
				request.streamSpecification((stream) -> stream.streamEnabled(true).streamViewType(viewType));
			}
		}).tableDescription();
	}

	private static String shardId(String streamArn) {
		StreamDescription description = streams.describeStream((describe) -> describe.streamArn(streamArn))
			.streamDescription();
		assertThat(description.shards()).hasSize(1);
		return description.shards().get(0).shardId();
	}

	private static String iterator(String streamArn, ShardIteratorType type, String sequenceNumber) {
		String shard = shardId(streamArn);
		return streams.getShardIterator((request) -> request.streamArn(streamArn).shardId(shard)
			.shardIteratorType(type).sequenceNumber(sequenceNumber)).shardIterator();
	}

	private static void writeInsertModifyRemove(String table) {
		client.putItem((put) -> put.tableName(table).item(Map.of("id", s("a"), "v", n("1"))));
		client.updateItem((update) -> update.tableName(table).key(key("a")).updateExpression("SET v = :two")
			.expressionAttributeValues(Map.of(":two", n("2"))));
		client.deleteItem((delete) -> delete.tableName(table).key(key("a")));
	}

	@Test
	void recordsTellInsertModifyRemoveWithBothImagesInOrder() {
		TableDescription table = createTable(StreamViewType.NEW_AND_OLD_IMAGES);
		assertThat(table.latestStreamArn()).startsWith("arn:aws:dynamodb:");
		assertThat(table.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
		writeInsertModifyRemove(table.tableName());
		GetRecordsResponse response = streams.getRecords((get) -> get.shardIterator(
				iterator(table.latestStreamArn(), ShardIteratorType.TRIM_HORIZON, null)));
		List<Record> records = response.records();
		assertThat(records).extracting(Record::eventName)
			.containsExactly(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE);
		assertThat(records).allSatisfy((record) -> {
			assertThat(record.eventSource()).isEqualTo("scylladb:alternator");
			assertThat(record.dynamodb().keys()).isEqualTo(key("a"));
			assertThat(record.dynamodb().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
		});
		assertThat(records.get(0).dynamodb().oldImage()).isEmpty();
		assertThat(records.get(0).dynamodb().newImage()).isEqualTo(Map.of("id", s("a"), "v", n("1")));
		assertThat(records.get(1).dynamodb().oldImage()).isEqualTo(Map.of("id", s("a"), "v", n("1")));
		assertThat(records.get(1).dynamodb().newImage()).isEqualTo(Map.of("id", s("a"), "v", n("2")));
		assertThat(records.get(2).dynamodb().oldImage()).isEqualTo(Map.of("id", s("a"), "v", n("2")));
		assertThat(records.get(2).dynamodb().newImage()).isEmpty();
		List<String> sequences = records.stream().map((record) -> record.dynamodb().sequenceNumber()).toList();
		assertThat(sequences).isSorted().doesNotHaveDuplicates();
		// The shard is open: the next iterator finds nothing yet, then the next write.
		String next = response.nextShardIterator();
		GetRecordsResponse empty = streams.getRecords((get) -> get.shardIterator(next));
		assertThat(empty.records()).isEmpty();
		client.putItem((put) -> put.tableName(table.tableName()).item(Map.of("id", s("b"))));
		assertThat(streams.getRecords((get) -> get.shardIterator(empty.nextShardIterator())).records())
			.extracting(Record::eventName).containsExactly(OperationType.INSERT);
	}

	@ParameterizedTest
	@EnumSource(value = StreamViewType.class, names = { "KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE" })
	void eachViewTypeCarriesItsImages(StreamViewType viewType) {
		TableDescription table = createTable(viewType);
		writeInsertModifyRemove(table.tableName());
		List<Record> records = streams.getRecords((get) -> get.shardIterator(
				iterator(table.latestStreamArn(), ShardIteratorType.TRIM_HORIZON, null))).records();
		assertThat(records).hasSize(3);
		Record modify = records.get(1);
		assertThat(modify.dynamodb().keys()).isEqualTo(key("a"));
		assertThat(modify.dynamodb().hasNewImage()).isEqualTo(viewType == StreamViewType.NEW_IMAGE);
		assertThat(modify.dynamodb().hasOldImage()).isEqualTo(viewType == StreamViewType.OLD_IMAGE);
	}

	@Test
	void iteratorsStartAtLatestAtOrAfterASequenceNumber() {
		TableDescription table = createTable(StreamViewType.KEYS_ONLY);
		String arn = table.latestStreamArn();
		client.putItem((put) -> put.tableName(table.tableName()).item(key("1")));
		String latest = iterator(arn, ShardIteratorType.LATEST, null);
		client.putItem((put) -> put.tableName(table.tableName()).item(key("2")));
		client.putItem((put) -> put.tableName(table.tableName()).item(key("3")));
		List<Record> afterLatest = streams.getRecords((get) -> get.shardIterator(latest)).records();
		assertThat(afterLatest).extracting((record) -> record.dynamodb().keys().get("id").s())
			.containsExactly("2", "3");
		String second = afterLatest.get(0).dynamodb().sequenceNumber();
		assertThat(streams.getRecords((get) -> get.shardIterator(
				iterator(arn, ShardIteratorType.AT_SEQUENCE_NUMBER, second))).records())
			.extracting((record) -> record.dynamodb().keys().get("id").s()).containsExactly("2", "3");
		assertThat(streams.getRecords((get) -> get.shardIterator(
				iterator(arn, ShardIteratorType.AFTER_SEQUENCE_NUMBER, second))).records())
			.extracting((record) -> record.dynamodb().keys().get("id").s()).containsExactly("3");
		GetRecordsResponse limited = streams.getRecords((get) -> get.limit(1).shardIterator(
				iterator(arn, ShardIteratorType.TRIM_HORIZON, null)));
		assertThat(limited.records()).extracting((record) -> record.dynamodb().keys().get("id").s())
			.containsExactly("1");
		assertThat(streams.getRecords((get) -> get.shardIterator(limited.nextShardIterator())).records())
			.hasSize(2);
	}

	@Test
	void iteratorErrorsAreValidationOrNotFound() {
		TableDescription table = createTable(StreamViewType.KEYS_ONLY);
		String arn = table.latestStreamArn();
		String shard = shardId(arn);
		assertThatThrownBy(() -> streams.getShardIterator((request) -> request.streamArn(arn).shardId(shard)
			.shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)))
			.isInstanceOf(DynamoDbException.class).hasMessageContaining("SequenceNumber");
		assertThatThrownBy(() -> streams.getShardIterator((request) -> request.streamArn(arn).shardId("H 1:2")
			.shardIteratorType(ShardIteratorType.TRIM_HORIZON)))
			.isInstanceOf(ResourceNotFoundException.class);
		assertThatThrownBy(() -> streams.describeStream((request) -> request.streamArn(arn + "x")))
			.isInstanceOf(ResourceNotFoundException.class);
		assertThatThrownBy(() -> streams.getRecords((request) -> request.shardIterator("nonsense")))
			.isInstanceOf(DynamoDbException.class).hasMessageContaining("ShardIterator");
	}

	@Test
	void getRecordsLimitIsOneToAThousand() {
		TableDescription table = createTable(StreamViewType.KEYS_ONLY);
		String horizon = iterator(table.latestStreamArn(), ShardIteratorType.TRIM_HORIZON, null);
		assertThatThrownBy(() -> streams.getRecords((get) -> get.shardIterator(horizon).limit(0)))
			.isInstanceOf(DynamoDbException.class).hasMessageContaining("Limit must be 1 or more");
		assertThatThrownBy(() -> streams.getRecords((get) -> get.shardIterator(horizon).limit(1001)))
			.isInstanceOf(DynamoDbException.class).hasMessageContaining("Limit must be less than or equal to 1000");
	}

	@Test
	void concurrentWritersLoseNoRecordAndSequenceNumbersGrow() throws Exception {
		TableDescription table = createTable(StreamViewType.NEW_IMAGE);
		int writers = 4;
		int perWriter = 25;
		List<Thread> threads = new ArrayList<>();
		for (int w = 0; w < writers; w++) {
			int writer = w;
			threads.add(new Thread(() -> {
				for (int i = 0; i < perWriter; i++) {
					String id = writer + "-" + i;
					client.putItem((put) -> put.tableName(table.tableName()).item(key(id)));
				}
			}));
		}
		threads.forEach(Thread::start);
		for (Thread thread : threads) {
			thread.join();
		}
		List<Record> all = new ArrayList<>();
		String next = iterator(table.latestStreamArn(), ShardIteratorType.TRIM_HORIZON, null);
		while (true) {
			String current = next;
			GetRecordsResponse page = streams.getRecords((get) -> get.shardIterator(current).limit(30));
			if (page.records().isEmpty()) {
				break;
			}
			all.addAll(page.records());
			next = page.nextShardIterator();
		}
		assertThat(all).hasSize(writers * perWriter);
		assertThat(all).extracting((record) -> record.dynamodb().keys().get("id").s()).doesNotHaveDuplicates();
		assertThat(all).extracting((record) -> record.dynamodb().sequenceNumber()).isSorted();
	}

	@Test
	void listStreamsPagesOverStreamedTablesOnly() {
		Set<String> expected = new java.util.HashSet<>();
		for (int i = 0; i < 3; i++) {
			expected.add(createTable(StreamViewType.KEYS_ONLY).latestStreamArn());
		}
		String unstreamed = createTable(null).tableName();
		List<String> seen = new ArrayList<>();
		String start = null;
		int pages = 0;
		do {
			String exclusiveStart = start;
			ListStreamsResponse page = streams.listStreams((list) -> list.limit(1)
				.exclusiveStartStreamArn(exclusiveStart));
			assertThat(page.streams()).hasSizeLessThanOrEqualTo(1);
			page.streams().forEach((stream) -> seen.add(stream.streamArn()));
			start = page.lastEvaluatedStreamArn();
			pages++;
		}
		while (start != null && pages < 100);
		assertThat(seen).doesNotHaveDuplicates().containsAll(expected);
		assertThat(streams.listStreams((list) -> list.tableName(unstreamed)).streams()).isEmpty();
		String oneTable = createTable(StreamViewType.NEW_IMAGE).tableName();
		assertThat(streams.listStreams((list) -> list.tableName(oneTable)).streams())
			.singleElement().satisfies((stream) -> assertThat(stream.tableName()).isEqualTo(oneTable));
	}

	@Test
	void updateTableEnablesAndDisablesTheStream() {
		String table = createTable(null).tableName();
		assertThat(client.describeTable((describe) -> describe.tableName(table)).table().latestStreamArn()).isNull();
		String arn = client.updateTable((update) -> update.tableName(table)
			.streamSpecification((stream) -> stream.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)))
			.tableDescription().latestStreamArn();
		assertThat(arn).isNotNull();
		assertThatThrownBy(() -> client.updateTable((update) -> update.tableName(table)
			.streamSpecification((stream) -> stream.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE))))
			.isInstanceOf(DynamoDbException.class).hasMessageContaining("already has an enabled stream");
		client.putItem((put) -> put.tableName(table).item(key("kept")));
		client.updateTable((update) -> update.tableName(table).streamSpecification((stream) -> stream.streamEnabled(false)));
		client.putItem((put) -> put.tableName(table).item(key("not captured")));
		StreamDescription description = streams.describeStream((describe) -> describe.streamArn(arn))
			.streamDescription();
		assertThat(description.streamStatus()).isEqualTo(StreamStatus.DISABLED);
		GetRecordsResponse records = streams.getRecords((get) -> get.shardIterator(
				iterator(arn, ShardIteratorType.TRIM_HORIZON, null)));
		assertThat(records.records()).extracting((record) -> record.dynamodb().keys().get("id").s())
			.containsExactly("kept");
		// A disabled stream's shard is closed: once read to the end there is no next iterator.
		assertThat(records.nextShardIterator()).isNull();
		assertThatThrownBy(() -> client.updateTable((update) -> update.tableName(table)
			.streamSpecification((stream) -> stream.streamEnabled(false))))
			.isInstanceOf(DynamoDbException.class).hasMessageContaining("Table has no stream to disable");
		client.deleteTable((delete) -> delete.tableName(table));
		assertThatThrownBy(() -> streams.describeStream((describe) -> describe.streamArn(arn)))
			.isInstanceOf(ResourceNotFoundException.class);
	}

	@Test
	void recordsOlderThanTheRetentionExpire() {
		try (LocalCluster shortLived = LocalCluster.builder().node("dc1", "rack1")
			.streamRetention(Duration.ofMillis(500))
			.start();
				DynamoDbClient dynamo = EngineClusterSupport.client(shortLived, 0);
				DynamoDbStreamsClient reader = DynamoDbStreamsClient.builder()
					.endpointOverride(URI.create(shortLived.seeds().get(0)))
					.region(Region.US_EAST_1)
					.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
					.build()) {
			String arn = dynamo.createTable((request) -> request.tableName("expiring")
				.keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
				.attributeDefinitions(AttributeDefinition.builder().attributeName("id")
					.attributeType(ScalarAttributeType.S).build())
				.billingMode(BillingMode.PAY_PER_REQUEST)
				.streamSpecification((stream) -> stream.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)))
				.tableDescription().latestStreamArn();
			dynamo.putItem((put) -> put.tableName("expiring").item(key("old")));
			String shard = reader.describeStream((describe) -> describe.streamArn(arn)).streamDescription().shards()
				.get(0).shardId();
			String horizon = reader.getShardIterator((request) -> request.streamArn(arn).shardId(shard)
				.shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
			assertThat(reader.getRecords((get) -> get.shardIterator(horizon)).records()).hasSize(1);
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
					reader.getRecords((get) -> get.shardIterator(horizon)).records()).isEmpty());
			dynamo.putItem((put) -> put.tableName("expiring").item(key("new")));
			assertThat(reader.getRecords((get) -> get.shardIterator(horizon)).records())
				.extracting((record) -> record.dynamodb().keys().get("id").s()).containsExactly("new");
		}
	}

	@Test
	void tablesWithoutStreamsCaptureNothing() {
		String table = createTable(null).tableName();
		client.putItem((put) -> put.tableName(table).item(key("x")));
		assertThat(streams.listStreams((list) -> list.tableName(table)).streams()).isEmpty();
		assertThat(client.describeTable((describe) -> describe.tableName(table)).table().streamSpecification())
			.isNull();
		Set<String> names = streams.listStreams().streams().stream()
			.map(software.amazon.awssdk.services.dynamodb.model.Stream::tableName).collect(Collectors.toSet());
		assertThat(names).doesNotContain(table);
	}

}
