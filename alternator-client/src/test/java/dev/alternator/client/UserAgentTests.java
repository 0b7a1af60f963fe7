package dev.alternator.client;

import dev.alternator.client.internal.sdk.UserAgent;
import dev.alternator.local.LocalCluster;
import dev.alternator.local.LocalNode;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Every request names this library and its version in its User-Agent header, as the node receives it.
 */
class UserAgentTests {

	@Test
	void theLibraryVersionIsTheBuiltOne() {
		String expected = System.getProperty("alternator.expected-version");
		assertThat(expected).as("set by the build (surefire)").isNotBlank();
		assertThat(UserAgent.libraryVersion()).isEqualTo(expected);
		assertThat(UserAgent.of(null)).isEqualTo("alternator-client/" + expected);
	}

	@Test
	void everyRequestNamesTheLibraryAndTheApplicationSuffix() throws Exception {
		try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 1).start()) {
			LocalNode node = cluster.node(0);
			try (RecordingProxy proxy = new RecordingProxy(node.address(), cluster.port());
					AlternatorLoadBalancer loadBalancer = AlternatorLoadBalancer.builder()
						.seeds(proxy.seed())
						.discovery(false)
						.userAgentSuffix("orders-service/2.1")
						.build();
					DynamoDbClient client = TestClients.client(loadBalancer);
					DynamoDbAsyncClient async = loadBalancer.configure(DynamoDbAsyncClient.builder())
						.credentialsProvider(TestClients.CREDENTIALS)
						.build()) {
				client.listTables();
				async.listTables().join();
				String expected = "alternator-client/" + UserAgent.libraryVersion() + " orders-service/2.1";
				assertThat(proxy.headerValues("User-Agent")).as(proxy.sentText()).hasSize(2).allSatisfy((value) -> {
					assertThat(value).startsWith("aws-sdk-java/").endsWith(expected);
				});
			}
		}
	}

	@Test
	void anApplicationsOwnSuffixSetAfterConfigureIsKeptBeforeTheLibrarys() throws Exception {
		try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 1).start()) {
			try (RecordingProxy proxy = new RecordingProxy(cluster.node(0).address(), cluster.port());
					AlternatorLoadBalancer loadBalancer = AlternatorLoadBalancer.builder()
						.seeds(proxy.seed())
						.discovery(false)
						.build();
					DynamoDbClient client = loadBalancer.configure(DynamoDbClient.builder())
						.credentialsProvider(TestClients.CREDENTIALS)
						.overrideConfiguration((overrides) -> overrides
							.putAdvancedOption(SdkAdvancedClientOption.USER_AGENT_SUFFIX, "mine/1"))
						.build()) {
				client.listTables();
				assertThat(proxy.headerValues("User-Agent")).singleElement()
					.satisfies((value) -> assertThat(value)
						.endsWith("mine/1 alternator-client/" + UserAgent.libraryVersion()));
			}
		}
	}

	@Test
	void aSuffixThatCouldAddHeadersIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AlternatorLoadBalancer.builder().seeds("n1").userAgentSuffix("x\r\nX-Evil: 1").build())
			.withMessageContaining("userAgentSuffix")
			.withMessageContaining("orders-service/2.1");
	}

}
