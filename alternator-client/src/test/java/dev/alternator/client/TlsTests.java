package dev.alternator.client;

import java.nio.file.Path;

import dev.alternator.local.LocalCluster;
import dev.alternator.local.LocalClusterTls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * https nodes: verified by default, trusted through a trust store or CA file, or (tests only) trust-all.
 */
class TlsTests {

	private static LocalCluster cluster;

	@BeforeAll
	static void startCluster() {
		cluster = LocalCluster.builder().nodes("dc1", "rack1", 2).tls(true).start();
	}

	@AfterAll
	static void closeCluster() {
		cluster.close();
	}

	@Test
	void certificatesAreVerifiedByDefault() {
		try (AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster).scheme("https").build()) {
			loadBalancer.start();
			// Discovery never succeeded: the seed is all the client knows (issue 10, point 4).
			assertThat(loadBalancer.state().lastRefresh()).isEmpty();
			assertThat(loadBalancer.state().lastError()).get().asString().contains("unable to find valid certification path");
		}
	}

	@Test
	void caCertificateFileIsTrusted(@TempDir Path directory) {
		LocalClusterTls tls = cluster.tls().orElseThrow();
		Path pem = tls.writeCertificatePem(directory);
		try (AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster)
			.scheme("https")
			.tls(TlsSettings.builder().caCertificate(pem).build())
			.build(); DynamoDbClient client = TestClients.client(loadBalancer)) {
			assertThat(loadBalancer.state().liveNodes()).hasSize(2);
			assertThat(loadBalancer.state().liveNodes().get(0).scheme()).isEqualTo("https");
			TestClients.createTable(client, "tls_ca");
			assertThat(client.listTables().tableNames()).contains("tls_ca");
		}
	}

	@Test
	void trustStoreIsTrustedByTheAsyncClientToo(@TempDir Path directory) {
		Path trustStore = cluster.tls().orElseThrow().writeTrustStore(directory, "changeit".toCharArray());
		try (AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster)
			.scheme("https")
			.tls(TlsSettings.builder().trustStore(trustStore, "changeit".toCharArray(), "PKCS12").build())
			.build();
				DynamoDbAsyncClient client = loadBalancer.configure(DynamoDbAsyncClient.builder())
					.credentialsProvider(TestClients.CREDENTIALS)
					.build()) {
			assertThat(client.listTables().join().tableNames()).isNotNull();
		}
	}

	@Test
	void trustAllAcceptsAnyCertificate() {
		try (AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster)
			.scheme("https")
			.tls(TlsSettings.builder().trustAll(true).build())
			.build(); DynamoDbClient client = TestClients.client(loadBalancer)) {
			assertThat(client.listTables().tableNames()).isNotNull();
		}
	}

	@Test
	void missingTrustFileIsNamed() {
		assertThatThrownBy(() -> AlternatorLoadBalancer.builder()
			.seeds("https://127.0.0.1:8043")
			.tls(TlsSettings.builder().caCertificate(Path.of("/nonexistent/ca.pem")).build())
			.build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/nonexistent/ca.pem");
	}

}
