package dev.alternator.local;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A cluster with a canned answer serves the nodes' HTTP path without an engine: the reference for benchmarks.
 */
class CannedAnswerTests {

	private static final byte[] ITEM = "{\"Item\":{\"id\":{\"S\":\"k\"},\"v\":{\"S\":\"canned\"}}}"
		.getBytes(StandardCharsets.UTF_8);

	@Test
	void everyNodeAnswersEveryRequestWithTheCannedBodyAndStoresNothing() {
		try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 2).cannedAnswer(ITEM).start()) {
			for (LocalNode node : cluster.nodes()) {
				try (DynamoDbClient client = Clients.pinnedTo(node.endpoint())) {
					// No table was created: a real engine would answer ResourceNotFoundException.
					Map<String, AttributeValue> item = client.getItem((get) -> get.tableName("missing")
						.key(Map.of("id", Clients.s("other")))).item();
					assertThat(item).containsEntry("v", Clients.s("canned"));
					client.putItem((put) -> put.tableName("missing").item(Map.of("id", Clients.s("x"))));
				}
				assertThat(node.requestCount()).isEqualTo(2);
			}
		}
	}

	@Test
	void aCannedAnswerNeedsABody() {
		assertThatIllegalArgumentException().isThrownBy(() -> LocalCluster.builder().cannedAnswer(null))
			.withMessageContaining("cannedAnswer");
	}

}
