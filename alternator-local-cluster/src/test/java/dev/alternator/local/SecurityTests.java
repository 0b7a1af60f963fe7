package dev.alternator.local;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SigV4 enforcement and TLS, with the AWS SDK's own clients.
 */
class SecurityTests {

	@Test
	void requestSignedForTheNodeItReachesIsAccepted() {
		try (LocalCluster cluster = LocalCluster.builder()
			.nodes("dc1", "rack1", 2)
			.credentials(Clients.ACCESS_KEY, Clients.SECRET_KEY)
			.start(); DynamoDbClient client = Clients.pinnedTo(cluster.node(1).endpoint())) {
			assertThat(client.listTables().tableNames()).isEmpty();
		}
	}

	@Test
	void requestSignedForAnotherNodeIsRejected() {
		try (LocalCluster cluster = LocalCluster.builder()
			.nodes("dc1", "rack1", 2)
			.credentials(Clients.ACCESS_KEY, Clients.SECRET_KEY)
			.start();
				// Signed for 127.0.0.1 (the endpoint), but the connection goes to 127.0.0.2.
				DynamoDbClient client = DynamoDbClient.builder()
					.endpointOverride(cluster.node(0).endpoint())
					.region(Region.US_EAST_1)
					.credentialsProvider(StaticCredentialsProvider
						.create(AwsBasicCredentials.create(Clients.ACCESS_KEY, Clients.SECRET_KEY)))
					.httpClientBuilder(ApacheHttpClient.builder()
						.dnsResolver((host) -> new InetAddress[] { InetAddress.getByName("127.0.0.2") }))
					.build()) {
			assertThatThrownBy(client::listTables).isInstanceOfSatisfying(DynamoDbException.class, (ex) -> {
				assertThat(ex.statusCode()).isEqualTo(400);
				assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
				assertThat(ex.getMessage()).contains("127.0.0.2");
			});
			assertThat(cluster.node(1).requestCount()).isPositive();
		}
	}

	@Test
	void wrongSecretOrUnknownKeyIsRejected() {
		try (LocalCluster cluster = LocalCluster.builder()
			.node("dc1", "rack1")
			.credentials(Clients.ACCESS_KEY, Clients.SECRET_KEY)
			.start()) {
			URI endpoint = cluster.node(0).endpoint();
			try (DynamoDbClient wrongSecret = Clients.pinnedTo(endpoint, Clients.ACCESS_KEY, "not-the-secret")) {
				assertThatThrownBy(wrongSecret::listTables).isInstanceOfSatisfying(DynamoDbException.class,
						(ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException"));
			}
			try (DynamoDbClient unknownKey = Clients.pinnedTo(endpoint, "someoneelse", Clients.SECRET_KEY)) {
				assertThatThrownBy(unknownKey::listTables).isInstanceOfSatisfying(DynamoDbException.class,
						(ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException"));
			}
		}
	}

	@Test
	void secretNeverAppearsInErrorsOrDescriptions() {
		try (LocalCluster cluster = LocalCluster.builder()
			.node("dc1", "rack1")
			.credentials(Clients.ACCESS_KEY, Clients.SECRET_KEY)
			.start()) {
			assertThat(cluster.toString()).doesNotContain(Clients.SECRET_KEY);
			assertThat(cluster.sigV4Verifier().toString()).doesNotContain(Clients.SECRET_KEY);
			try (DynamoDbClient wrongSecret = Clients.pinnedTo(cluster.node(0).endpoint(), Clients.ACCESS_KEY,
					"other")) {
				assertThatThrownBy(wrongSecret::listTables).message().doesNotContain(Clients.SECRET_KEY);
			}
		}
	}

	@Test
	void tlsClusterServesHttpsTrustedThroughItsTrustStore(@TempDir Path directory) {
		try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 2).tls(true).start()) {
			assertThat(cluster.scheme()).isEqualTo("https");
			assertThat(cluster.node(1).endpoint().toString()).startsWith("https://127.0.0.2:");
			LocalClusterTls tls = cluster.tls().orElseThrow();
			assertThat(tls.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
			Path trustStore = tls.writeTrustStore(directory, "changeit".toCharArray());
			assertThat(trustStore).isRegularFile();
			try (DynamoDbClient client = DynamoDbClient.builder()
				.endpointOverride(cluster.node(1).endpoint())
				.region(Region.US_EAST_1)
				.credentialsProvider(StaticCredentialsProvider
					.create(AwsBasicCredentials.create(Clients.ACCESS_KEY, Clients.SECRET_KEY)))
				.httpClientBuilder(ApacheHttpClient.builder().tlsTrustManagersProvider(() -> trustManagers(tls)))
				.build()) {
				Clients.createTable(client, "over_tls");
				assertThat(client.listTables().tableNames()).contains("over_tls");
			}
		}
	}

	private static javax.net.ssl.TrustManager[] trustManagers(LocalClusterTls tls) {
		try {
			javax.net.ssl.TrustManagerFactory factory = javax.net.ssl.TrustManagerFactory
				.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
			factory.init(tls.trustStore());
			return factory.getTrustManagers();
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void tlsClusterIsNotTrustedByDefault() {
		try (LocalCluster cluster = LocalCluster.builder().node("dc1", "rack1").tls(true).start();
				DynamoDbClient client = Clients.pinnedTo(cluster.node(0).endpoint())) {
			assertThatThrownBy(client::listTables).isInstanceOf(SdkClientException.class)
				.hasStackTraceContaining("PKIX path building failed");
		}
	}

	@Test
	void nettyAsyncClientWorksThroughTheNodes() {
		try (LocalCluster cluster = LocalCluster.start();
				DynamoDbAsyncClient client = DynamoDbAsyncClient.builder()
					.endpointOverride(cluster.node(2).endpoint())
					.region(Region.US_EAST_1)
					.credentialsProvider(StaticCredentialsProvider
						.create(AwsBasicCredentials.create(Clients.ACCESS_KEY, Clients.SECRET_KEY)))
					.httpClientBuilder(NettyNioAsyncHttpClient.builder().readTimeout(Duration.ofSeconds(5)))
					.build()) {
			try (DynamoDbClient sync = Clients.pinnedTo(cluster.node(0).endpoint())) {
				Clients.createTable(sync, "async_table");
			}
			assertThat(client.listTables().join().tableNames()).containsExactly("async_table");
			assertThatThrownBy(() -> client.describeTable((d) -> d.tableName("missing")).join())
				.isInstanceOf(CompletionException.class);
		}
	}

}
