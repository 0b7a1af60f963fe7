package dev.alternator.local.engine;

import java.net.URI;

import dev.alternator.local.LocalCluster;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Endpoint;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DescribeEndpoints answers, as Alternator does, the Host the request was sent to, cached for a day.
 */
class DescribeEndpointsTests {

	@Test
	void answersTheRequestsHostHeader() {
		try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 2).start()) {
			for (int node = 0; node < 2; node++) {
				URI seed = URI.create(cluster.seeds().get(node));
				try (DynamoDbClient client = EngineClusterSupport.client(cluster, node)) {
					Endpoint endpoint = client.describeEndpoints((request) -> {
					}).endpoints().get(0);
					assertThat(endpoint.address()).isEqualTo(seed.getHost() + ":" + seed.getPort());
					assertThat(endpoint.cachePeriodInMinutes()).isEqualTo(1440L);
				}
			}
		}
	}

}
