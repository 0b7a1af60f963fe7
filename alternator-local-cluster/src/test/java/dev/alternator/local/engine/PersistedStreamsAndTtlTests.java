package dev.alternator.local.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.alternator.local.LocalCluster;
import dev.alternator.local.engine.persistence.DataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Persistence ({@link DataDirectory}) together with Streams and TTL, through real clients: after a restart
 * over the same directory a streamed table still streams its writes, TTL expiry runs again on the recovered
 * table, and the deletes it makes are themselves kept, so the expired item stays gone after the next restart.
 */
class PersistedStreamsAndTtlTests {

	private static final String TABLE = "kept";

	@TempDir
	Path directory;

	@Test
	void streamsAndTtlWorkOnTablesRecoveredFromADataDirectory() {
		try (LocalCluster cluster = start(); DynamoDbClient client = client(cluster)) {
			client.createTable((request) -> request.tableName(TABLE)
				.keySchema((k) -> k.attributeName("id").keyType("HASH"))
				.attributeDefinitions((a) -> a.attributeName("id").attributeType("S"))
				.streamSpecification((stream) -> stream.streamEnabled(true).streamViewType("NEW_IMAGE"))
				.billingMode("PAY_PER_REQUEST"));
			client.updateTimeToLive((ttl) -> ttl.tableName(TABLE)
				.timeToLiveSpecification((spec) -> spec.attributeName("expires").enabled(true)));
			client.putItem((put) -> put.tableName(TABLE).item(Map.of("id", s("before"))));
		}
		long past = Instant.now().minusSeconds(60).getEpochSecond();
		try (LocalCluster cluster = start(); DynamoDbClient client = client(cluster);
				DynamoDbStreamsClient streams = StreamsTests.streamsClient(cluster)) {
			assertThat(client.describeTimeToLive((d) -> d.tableName(TABLE)).timeToLiveDescription())
				.satisfies((ttl) -> {
					assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
					assertThat(ttl.attributeName()).isEqualTo("expires");
				});
			assertThat(client.getItem((get) -> get.tableName(TABLE).key(Map.of("id", s("before")))).item())
				.as("written before the restart").isNotEmpty();
			client.putItem((put) -> put.tableName(TABLE)
				.item(Map.of("id", s("expired"), "expires", AttributeValue.fromN(Long.toString(past)))));
			// The recovered table streams again: the put above is its stream's first record after the restart.
			String streamArn = streams.listStreams((list) -> list.tableName(TABLE)).streams().get(0).streamArn();
			String shardId = streams.describeStream((d) -> d.streamArn(streamArn)).streamDescription().shards().get(0)
				.shardId();
			String iterator = streams.getShardIterator((it) -> it.streamArn(streamArn).shardId(shardId)
				.shardIteratorType("TRIM_HORIZON")).shardIterator();
			List<Record> records = streams.getRecords((get) -> get.shardIterator(iterator)).records();
			assertThat(records).first().satisfies((record) -> {
				assertThat(record.eventNameAsString()).isEqualTo("INSERT");
				assertThat(record.dynamodb().newImage()).containsEntry("id", s("expired"));
			});
			// TTL expiry restarted on the recovered table deletes the expired item.
			await().atMost(Duration.ofSeconds(30))
				.until(() -> client.getItem((get) -> get.tableName(TABLE).key(Map.of("id", s("expired")))).item()
					.isEmpty());
		}
		try (LocalCluster cluster = start(); DynamoDbClient client = client(cluster)) {
			assertThat(client.getItem((get) -> get.tableName(TABLE).key(Map.of("id", s("expired")))).item())
				.as("the expiry delete was kept").isEmpty();
			assertThat(client.getItem((get) -> get.tableName(TABLE).key(Map.of("id", s("before")))).item())
				.isNotEmpty();
		}
	}

	private LocalCluster start() {
		return LocalCluster.builder().node("dc1", "rack1").dataDirectory(this.directory)
			.ttlScanPeriod(Duration.ofMillis(200)).start();
	}

	private static DynamoDbClient client(LocalCluster cluster) {
		return DynamoDbClient.builder()
			.endpointOverride(cluster.node(0).endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("engine", "tests")))
			.build();
	}

	private static AttributeValue s(String value) {
		return AttributeValue.fromS(value);
	}

}
