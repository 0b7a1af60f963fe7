package dev.alternator.local;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DynamoDB API through the nodes: one engine behind all of them.
 */
class LocalClusterDataTests {

	private static LocalCluster cluster;

	@BeforeAll
	static void startCluster() {
		cluster = LocalCluster.start();
	}

	@AfterAll
	static void closeCluster() {
		cluster.close();
	}

	@Test
	void itemWrittenThroughOneNodeIsReadThroughAnother() {
		try (DynamoDbClient first = Clients.pinnedTo(cluster.node(0).endpoint());
				DynamoDbClient third = Clients.pinnedTo(cluster.node(2).endpoint())) {
			Clients.createTable(first, "data_round_trip");
			first.putItem((put) -> put.tableName("data_round_trip")
				.item(Map.of("id", Clients.s("k1"), "value", Clients.s("written via 127.0.0.1"))));
			Map<String, AttributeValue> item = third
				.getItem((get) -> get.tableName("data_round_trip").key(Map.of("id", Clients.s("k1"))))
				.item();
			assertThat(item).containsEntry("value", Clients.s("written via 127.0.0.1"));
		}
		assertThat(cluster.node(0).requestCount()).isGreaterThanOrEqualTo(2);
		assertThat(cluster.node(2).requestCount()).isEqualTo(1);
	}

	@Test
	void everyNodeListensOnItsOwnLoopbackAddressOnOnePort() {
		assertThat(cluster.nodes()).extracting(LocalNode::address)
			.containsExactly("127.0.0.1", "127.0.0.2", "127.0.0.3");
		assertThat(cluster.seeds()).containsExactly("http://127.0.0.1:" + cluster.port(),
				"http://127.0.0.2:" + cluster.port(), "http://127.0.0.3:" + cluster.port());
	}

}
