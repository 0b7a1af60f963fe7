package dev.alternator.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import dev.alternator.local.ClientCertificates;
import dev.alternator.local.LocalCluster;
import dev.alternator.local.testing.TlsCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Mutual TLS with PEM files against nodes that require a client certificate, and the files' rotation.
 */
class PemTlsTests {

	@RegisterExtension
	static final TlsCluster tls = TlsCluster.requiringClientCertificates(2);

	private static final LocalCluster cluster = tls.cluster();

	private static final Path caPem = tls.caPem();

	private static final ClientCertificates.Issued trustedAuthority = tls.trustedAuthority();

	private static final ClientCertificates.Issued otherAuthority = ClientCertificates.authority("other-ca");

	@Test
	void pkcs8ClientCertificateIsAcceptedBySyncAndAsyncClients(@TempDir Path files) throws IOException {
		Path chain = files.resolve("client.pem");
		Path key = files.resolve("client.key");
		ClientCertificates.Issued client = ClientCertificates.client("client", trustedAuthority, "EC");
		client.writePem(chain, key, trustedAuthority);
		try (AlternatorLoadBalancer loadBalancer = loadBalancer(chain, key, Duration.ofSeconds(10));
				DynamoDbClient sync = TestClients.client(loadBalancer);
				DynamoDbAsyncClient async = loadBalancer.configure(DynamoDbAsyncClient.builder())
					.credentialsProvider(TestClients.CREDENTIALS)
					.build()) {
			assertThat(sync.listTables().tableNames()).isNotNull();
			assertThat(async.listTables().join().tableNames()).isNotNull();
			// Discovery used the client certificate too.
			assertThat(loadBalancer.state().liveNodes()).hasSize(2);
		}
	}

	@ParameterizedTest
	@CsvSource({ "RSA, BEGIN RSA PRIVATE KEY", "EC, BEGIN EC PRIVATE KEY" })
	void traditionalKeyIsRead(String algorithm, String header, @TempDir Path files) throws IOException {
		Path chain = files.resolve("client.pem");
		Path key = files.resolve("client.key");
		ClientCertificates.Issued client = ClientCertificates.client("client", trustedAuthority, algorithm);
		client.writeChain(chain, trustedAuthority.certificate());
		client.writeTraditionalKey(key);
		assertThat(Files.readString(key)).contains(header);
		try (AlternatorLoadBalancer loadBalancer = loadBalancer(chain, key, Duration.ofSeconds(10));
				DynamoDbClient sync = TestClients.client(loadBalancer)) {
			assertThat(sync.listTables().tableNames()).isNotNull();
		}
	}

	@Test
	void nodeRejectsAClientWithoutCertificate() {
		try (AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster)
			.discovery(false)
			.tls(TlsSettings.builder().caCertificate(caPem).build())
			.build(); DynamoDbClient sync = TestClients.client(loadBalancer)) {
			assertThatThrownBy(() -> sync.listTables()).isInstanceOf(SdkClientException.class);
		}
	}

	@Test
	void rotatedFilesTakeEffectAndABrokenFileKeepsTheLastGoodOnes(@TempDir Path files) throws IOException {
		Path chain = files.resolve("client.pem");
		Path key = files.resolve("client.key");
		ClientCertificates.Issued untrusted = ClientCertificates.client("client", otherAuthority, "EC");
		untrusted.writePem(chain, key, otherAuthority);
		try (AlternatorLoadBalancer loadBalancer = loadBalancer(chain, key, Duration.ofMillis(100))) {
			// Each new client has a new connection pool: every call below makes a new handshake.
			assertThatThrownBy(() -> listTablesWithNewClient(loadBalancer)).isInstanceOf(RuntimeException.class);
			ClientCertificates.Issued trusted = ClientCertificates.client("client", trustedAuthority, "EC");
			trusted.writePem(chain, key, trustedAuthority);
			touch(chain, key);
			await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> listTablesWithNewClient(loadBalancer));
			Files.writeString(key, "-----BEGIN PRIVATE KEY-----\nbroken\n-----END PRIVATE KEY-----\n");
			touch(key);
			Thread.sleep(300);
			assertThat(listTablesWithNewClient(loadBalancer)).isTrue();
			assertThat(listTablesWithNewClient(loadBalancer)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void missingPemFileIsNamedAtBuild() {
		assertThatThrownBy(() -> AlternatorLoadBalancer.builder()
			.seeds("https://127.0.0.1:8043")
			.tls(TlsSettings.builder()
				.clientCertificatePem(Path.of("/nonexistent/client.pem"), Path.of("/nonexistent/client.key"))
				.build())
			.build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/nonexistent/client.pem");
	}

	@Test
	void keyStoreAndPemTogetherAreRefused() {
		assertThatThrownBy(() -> TlsSettings.builder()
			.clientCertificate(Path.of("a.p12"), null, null)
			.clientCertificatePem(Path.of("a.pem"), Path.of("a.key"))
			.build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not both");
	}

	private static AlternatorLoadBalancer loadBalancer(Path chain, Path key, Duration reloadInterval) {
		return TestClients.fastLoadBalancer(cluster)
			.tls(TlsSettings.builder()
				.caCertificate(caPem)
				.clientCertificatePem(chain, key)
				.reloadInterval(reloadInterval)
				.build())
			.build();
	}

	private static boolean listTablesWithNewClient(AlternatorLoadBalancer loadBalancer) {
		try (DynamoDbClient client = TestClients.client(loadBalancer)) {
			return client.listTables().tableNames() != null;
		}
	}

	/** File systems with coarse time stamps could keep the time of a quick rewrite: move it on explicitly. */
	private static void touch(Path... files) throws IOException {
		for (Path file : files) {
			Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5 + (long) (Math.random() * 100))));
		}
	}

}
