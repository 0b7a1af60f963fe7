package dev.alternator.local.engine.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.alternator.local.LocalCluster;
import dev.alternator.local.LocalClusterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a cluster with a data directory keeps across a restart, through a real DynamoDbClient: tables with their
 * key, indexes (created with the table and added later), settings and tags, and items with string, number and
 * binary keys, as left by puts, updates and deletes; read back from the snapshot written on close, and from the
 * log alone, as a killed process leaves it.
 */
class RestartTests {

	@TempDir
	Path directory;

	@Test
	void tablesIndexesTagsAndItemsSurviveARestart() {
		TableDescription before;
		try (LocalCluster cluster = start(); DynamoDbClient client = CrashWriter.client(cluster.node(0).endpoint())) {
			client.createTable((request) -> request.tableName("orders")
				.keySchema((k) -> k.attributeName("customer").keyType("HASH"),
						(k) -> k.attributeName("number").keyType("RANGE"))
				.attributeDefinitions((a) -> a.attributeName("customer").attributeType("S"),
						(a) -> a.attributeName("number").attributeType("N"),
						(a) -> a.attributeName("placed").attributeType("S"))
				.localSecondaryIndexes((index) -> index.indexName("by_placed")
					.keySchema((k) -> k.attributeName("customer").keyType("HASH"),
							(k) -> k.attributeName("placed").keyType("RANGE"))
					.projection((p) -> p.projectionType("KEYS_ONLY")))
				.tags(Tag.builder().key("team").value("billing").build(),
						Tag.builder().key("env").value("dev").build())
				.billingMode("PAY_PER_REQUEST"));
			for (int i = 0; i < 20; i++) {
				int number = i;
				client.putItem((put) -> put.tableName("orders").item(Map.of("customer", s("c" + (number % 3)), "number",
						n(Integer.toString(number)), "placed", s("2026-11-" + (10 + number)), "status", s("new"))));
			}
			client.updateItem((update) -> update.tableName("orders")
				.key(Map.of("customer", s("c1"), "number", n("1")))
				.updateExpression("SET #s = :s, amount = :t")
				.expressionAttributeNames(Map.of("#s", "status"))
				.expressionAttributeValues(Map.of(":s", s("shipped"), ":t", n("12.50"))));
			client.deleteItem((delete) -> delete.tableName("orders").key(Map.of("customer", s("c2"), "number", n("2"))));
			// An index added after the items, and a tag removed.
			client.updateTable((update) -> update.tableName("orders")
				.attributeDefinitions((a) -> a.attributeName("status").attributeType("S"))
				.globalSecondaryIndexUpdates((u) -> u.create((index) -> index.indexName("by_status")
					.keySchema((k) -> k.attributeName("status").keyType("HASH"))
					.projection((p) -> p.projectionType("ALL")))));
			String arn = client.describeTable((d) -> d.tableName("orders")).table().tableArn();
			client.untagResource((untag) -> untag.resourceArn(arn).tagKeys("env"));
			// A binary key, and a table deleted then created again under its name.
			client.createTable((request) -> request.tableName("blobs")
				.keySchema((k) -> k.attributeName("id").keyType("HASH"))
				.attributeDefinitions((a) -> a.attributeName("id").attributeType("B"))
				.billingMode("PAY_PER_REQUEST"));
			client.putItem((put) -> put.tableName("blobs").item(Map.of("id", b(1, 2, 3), "v", s("first"))));
			client.deleteTable((delete) -> delete.tableName("blobs"));
			client.createTable((request) -> request.tableName("blobs")
				.keySchema((k) -> k.attributeName("id").keyType("HASH"))
				.attributeDefinitions((a) -> a.attributeName("id").attributeType("B"))
				.billingMode("PAY_PER_REQUEST"));
			client.putItem((put) -> put.tableName("blobs").item(Map.of("id", b(9, 0, 255), "v", s("second"))));
			client.createTable((request) -> request.tableName("gone")
				.keySchema((k) -> k.attributeName("id").keyType("HASH"))
				.attributeDefinitions((a) -> a.attributeName("id").attributeType("S"))
				.billingMode("PAY_PER_REQUEST"));
			client.deleteTable((delete) -> delete.tableName("gone"));
			before = client.describeTable((d) -> d.tableName("orders")).table();
			// What a process killed now would leave: the log alone, no closing snapshot.
			crashImage(this.directory.resolve("data"), this.directory.resolve("crashed"));
		}
		verify(this.directory.resolve("data"), before);
		verify(this.directory.resolve("crashed"), before);
		try (LocalCluster cluster = start(); DynamoDbClient client = CrashWriter.client(cluster.node(0).endpoint())) {
			assertThat(client.scan((scan) -> scan.tableName("blobs")).count()).isEqualTo(2);
		}
	}

	private void verify(Path data, TableDescription before) {
		try (LocalCluster cluster = start(data); DynamoDbClient client = CrashWriter.client(cluster.node(0).endpoint())) {
			assertThat(client.listTables().tableNames()).containsExactly("blobs", "orders");
			TableDescription after = client.describeTable((d) -> d.tableName("orders")).table();
			assertThat(after.tableId()).isEqualTo(before.tableId());
			assertThat(after.creationDateTime()).isEqualTo(before.creationDateTime());
			assertThat(after.keySchema()).isEqualTo(before.keySchema());
			assertThat(after.attributeDefinitions()).isEqualTo(before.attributeDefinitions());
			assertThat(after.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
				.containsExactly("by_status");
			assertThat(after.localSecondaryIndexes()).extracting(LocalSecondaryIndexDescription::indexName)
				.containsExactly("by_placed");
			assertThat(after.itemCount()).isEqualTo(19);
			assertThat(client.listTagsOfResource((tags) -> tags.resourceArn(after.tableArn())).tags())
				.containsExactly(Tag.builder().key("team").value("billing").build());
			Map<String, AttributeValue> updated = client.getItem((get) -> get.tableName("orders")
				.key(Map.of("customer", s("c1"), "number", n("1")))).item();
			assertThat(updated).containsEntry("status", s("shipped")).containsEntry("amount", n("12.5"));
			assertThat(client.getItem((get) -> get.tableName("orders")
				.key(Map.of("customer", s("c2"), "number", n("2")))).hasItem()).isFalse();
			// The indexes answer from the recovered items.
			List<Map<String, AttributeValue>> shipped = client.query((query) -> query.tableName("orders")
				.indexName("by_status")
				.keyConditionExpression("#s = :s")
				.expressionAttributeNames(Map.of("#s", "status"))
				.expressionAttributeValues(Map.of(":s", s("shipped")))).items();
			assertThat(shipped).hasSize(1).first().satisfies((item) -> assertThat(item).containsEntry("number", n("1")));
			assertThat(client.query((query) -> query.tableName("orders")
				.indexName("by_placed")
				.keyConditionExpression("customer = :c AND placed > :p")
				.expressionAttributeValues(Map.of(":c", s("c0"), ":p", s("2026-11-20")))).count()).isEqualTo(3);
			assertThat(client.query((query) -> query.tableName("orders")
				.keyConditionExpression("customer = :c AND #n BETWEEN :low AND :high")
				.expressionAttributeNames(Map.of("#n", "number"))
				.expressionAttributeValues(Map.of(":c", s("c0"), ":low", n("3"), ":high", n("9")))).count())
				.isEqualTo(3);
			assertThat(client.scan((scan) -> scan.tableName("blobs")).items())
				.containsExactly(Map.of("id", b(9, 0, 255), "v", s("second")));
			assertThatThrownBy(() -> client.describeTable((d) -> d.tableName("gone")))
				.isInstanceOf(ResourceNotFoundException.class);
			// Still writable, and kept again.
			client.putItem((put) -> put.tableName("blobs").item(Map.of("id", b(7), "v", s("third"))));
		}
	}

	@Test
	void twoClustersCannotShareADirectory() {
		try (LocalCluster cluster = start()) {
			assertThatThrownBy(this::start).isInstanceOf(LocalClusterException.class)
				.hasMessageContaining("in use by another engine");
		}
	}

	private LocalCluster start() {
		return start(this.directory.resolve("data"));
	}

	private static LocalCluster start(Path data) {
		return LocalCluster.builder().node("dc1", "rack1").dataDirectory(data).start();
	}

	private static void crashImage(Path data, Path copy) {
		try (Stream<Path> files = Files.list(data)) {
			Files.createDirectories(copy);
			for (Path file : (Iterable<Path>) files::iterator) {
				if (!file.getFileName().toString().equals("lock")) {
					Files.copy(file, copy.resolve(file.getFileName()));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static AttributeValue s(String value) {
		return AttributeValue.builder().s(value).build();
	}

	private static AttributeValue n(String value) {
		return AttributeValue.builder().n(value).build();
	}

	private static AttributeValue b(int... bytes) {
		byte[] value = new byte[bytes.length];
		for (int i = 0; i < bytes.length; i++) {
			value[i] = (byte) bytes[i];
		}
		return AttributeValue.builder().b(SdkBytes.fromByteArray(value)).build();
	}

}
