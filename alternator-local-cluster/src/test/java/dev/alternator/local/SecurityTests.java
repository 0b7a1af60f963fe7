package dev.alternator.local;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
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
	void unsignedRequestIsRejectedWhenCredentialsAreEnforced() throws Exception {
		try (LocalCluster cluster = LocalCluster.builder()
			.node("dc1", "rack1")
			.credentials(Clients.ACCESS_KEY, Clients.SECRET_KEY)
			.start()) {
			HttpResponse<String> response = send(cluster.node(0).endpoint(), Map.of(), "{}");
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(response.body()).contains("MissingAuthenticationTokenException");
			assertThat(cluster.node(0).requestCount()).isEqualTo(1);
		}
	}

	@Test
	void signedRequestWhoseBodyWasChangedIsRejected() throws Exception {
		try (LocalCluster cluster = LocalCluster.builder()
			.node("dc1", "rack1")
			.credentials(Clients.ACCESS_KEY, Clients.SECRET_KEY)
			.start()) {
			AtomicReference<Map<String, List<String>>> signedHeaders = new AtomicReference<>();
			ExecutionInterceptor capture = new ExecutionInterceptor() {
				@Override
				public void beforeTransmission(Context.BeforeTransmission context,
						ExecutionAttributes executionAttributes) {
					signedHeaders.set(context.httpRequest().headers());
				}
			};
			try (DynamoDbClient client = DynamoDbClient.builder()
				.endpointOverride(cluster.node(0).endpoint())
				.region(Region.US_EAST_1)
				.credentialsProvider(StaticCredentialsProvider
					.create(AwsBasicCredentials.create(Clients.ACCESS_KEY, Clients.SECRET_KEY)))
				.httpClientBuilder(ApacheHttpClient.builder())
				.overrideConfiguration((override) -> override.addExecutionInterceptor(capture))
				.build()) {
				client.listTables((request) -> request.limit(5));
			}
			// The same signed headers: accepted with the signed body, rejected with another of the same length.
			assertThat(send(cluster.node(0).endpoint(), signedHeaders.get(), "{\"Limit\":5}").statusCode())
				.isEqualTo(200);
			HttpResponse<String> changed = send(cluster.node(0).endpoint(), signedHeaders.get(), "{\"Limit\":6}");
			assertThat(changed.statusCode()).isEqualTo(400);
			assertThat(changed.body()).contains("InvalidSignatureException");
		}
	}

	private static HttpResponse<String> send(URI endpoint, Map<String, List<String>> headers, String body)
			throws Exception {
		Set<String> setByTheClient = Set.of("host", "content-length", "connection", "expect", "upgrade");
		HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
			.version(HttpClient.Version.HTTP_1_1)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		request.header("Content-Type", "application/x-amz-json-1.0");
		request.header("X-Amz-Target", "DynamoDB_20120810.ListTables");
		headers.forEach((name, values) -> {
			String lower = name.toLowerCase(java.util.Locale.ROOT);
			if (!setByTheClient.contains(lower) && !lower.equals("content-type") && !lower.equals("x-amz-target")) {
				values.forEach((value) -> request.header(name, value));
			}
		});
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
