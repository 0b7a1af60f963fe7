package dev.alternator.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

import dev.alternator.local.LocalCluster;
import dev.alternator.local.RecordedRequest;
import dev.alternator.local.RequestRecording;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request compression, response compression and header trimming, checked on the bytes the nodes received, with SigV4
 * enforced on every node: a call succeeds only when each attempt is signed over exactly what was sent.
 */
class WireSavingsTests {

	private static final String TABLE = "wire";

	/** A value well above the 1 KB request and 4 KB answer thresholds, and compressible, as JSON items are. */
	private static final String LARGE = "abcdefghij".repeat(1_000);

	private static LocalCluster cluster;

	@BeforeAll
	static void startCluster() {
		cluster = LocalCluster.builder()
			.nodes("dc1", "rack1", 3)
			.credentials(TestClients.ACCESS_KEY, TestClients.SECRET_KEY)
			.start();
		try (AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster).build();
				DynamoDbClient client = TestClients.client(loadBalancer)) {
			TestClients.createTable(client, TABLE);
		}
	}

	@AfterAll
	static void closeCluster() {
		cluster.close();
	}

	@BeforeEach
	void restore() {
		TestClients.restoreNodes(cluster);
	}

	@Test
	void largeRequestBodyIsSentGzippedAndSignedOverTheCompressedBytes() throws Exception {
		try (AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster)
			.requestCompression(Compression.GZIP, 1024)
			.build(); DynamoDbClient client = TestClients.client(loadBalancer);
				RequestRecording recording = cluster.recordRequests()) {
			client.putItem((put) -> put.tableName(TABLE).item(item("gzipped", LARGE)));
			RecordedRequest put = only(recording.apiRequests());
			assertThat(put.status()).isEqualTo(200);
			assertThat(put.header("content-encoding")).isEqualTo("gzip");
			assertThat(Integer.parseInt(put.header("content-length"))).isEqualTo(put.body().length)
				.isLessThan(LARGE.length() / 10);
			assertThat(text(new GZIPInputStream(new ByteArrayInputStream(put.body())))).contains(LARGE);
			// The signature covers the payload hash, and the hash is that of the compressed bytes.
			assertThat(put.header("x-amz-content-sha256")).isEqualTo(sha256(put.body()));
			assertThat(valueOf(client, "gzipped")).isEqualTo(LARGE);
		}
	}

	@Test
	void asyncClientSendsDeflateBodiesTheNodeAccepts() throws IOException {
		try (AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster)
			.requestCompression(Compression.DEFLATE, 1024)
			.build(); DynamoDbAsyncClient client = asyncClient(loadBalancer);
				RequestRecording recording = cluster.recordRequests()) {
			client.putItem((put) -> put.tableName(TABLE).item(item("deflated", LARGE))).join();
			RecordedRequest put = only(recording.apiRequests());
			assertThat(put.status()).isEqualTo(200);
			assertThat(put.header("content-encoding")).isEqualTo("deflate");
			assertThat(text(new InflaterInputStream(new ByteArrayInputStream(put.body())))).contains(LARGE);
			assertThat(asyncValueOf(client, "deflated")).isEqualTo(LARGE);
		}
	}

	@Test
	void bodyBelowTheThresholdIsSentAsIs() {
		try (AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster)
			.requestCompression(Compression.GZIP, 1024)
			.build(); DynamoDbClient client = TestClients.client(loadBalancer);
				RequestRecording recording = cluster.recordRequests()) {
			client.putItem((put) -> put.tableName(TABLE).item(item("small", "tiny")));
			RecordedRequest put = only(recording.apiRequests());
			assertThat(put.status()).isEqualTo(200);
			assertThat(put.header("content-encoding")).isNull();
			assertThat(new String(put.body(), StandardCharsets.UTF_8)).startsWith("{").contains("tiny");
		}
	}

	@Test
	void compressedRetryOnAnotherNodeIsSignedForThatNode() {
		try (AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster)
			.requestCompression(Compression.GZIP, 0)
			.build(); DynamoDbClient client = TestClients.client(loadBalancer)) {
			// Two of three nodes answer 503: each call succeeds only on a retry, re-signed for the third node.
			cluster.node(0).failures(503, 1.0);
			cluster.node(1).failures(503, 1.0);
			try (RequestRecording recording = cluster.recordRequests()) {
				for (int i = 0; i < 10; i++) {
					client.putItem((put) -> put.tableName(TABLE).item(item("retried", LARGE)));
				}
				List<RecordedRequest> attempts = recording.apiRequests();
				assertThat(attempts).allSatisfy((attempt) -> assertThat(attempt.header("content-encoding"))
					.isEqualTo("gzip"));
				assertThat(attempts.stream().filter((attempt) -> attempt.status() == 200).map(RecordedRequest::node))
					.hasSize(10)
					.containsOnly(cluster.node(2).address());
				assertThat(attempts.stream().filter((attempt) -> attempt.status() == 503)).isNotEmpty();
			}
		}
	}

	@Test
	void compressedAnswerIsDecodedBySyncAndAsyncClients() {
		try (AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster).responseCompression(true).build();
				DynamoDbClient client = TestClients.client(loadBalancer);
				DynamoDbAsyncClient async = asyncClient(loadBalancer)) {
			client.putItem((put) -> put.tableName(TABLE).item(item("answer", LARGE)));
			try (RequestRecording recording = cluster.recordRequests()) {
				assertThat(valueOf(client, "answer")).isEqualTo(LARGE);
				assertThat(asyncValueOf(async, "answer")).isEqualTo(LARGE);
				assertThat(recording.apiRequests()).hasSize(2).allSatisfy((get) -> {
					assertThat(get.header("accept-encoding")).isEqualTo("gzip, deflate");
					assertThat(get.responseHeader("Content-Encoding")).isEqualTo("gzip");
					assertThat(get.responseBody().length).isLessThan(LARGE.length() / 10);
				});
			}
		}
	}

	@Test
	void deflateAnswerIsDecodedAndItsChecksumChecked() {
		// A node answers deflate when the client prefers it: a plugin after the load balancer's asks for it.
		try (AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster).responseCompression(true).build();
				DynamoDbClient client = loadBalancer.configure(DynamoDbClient.builder())
					.credentialsProvider(TestClients.CREDENTIALS)
					.addPlugin((config) -> config.overrideConfiguration(preferDeflate(config.overrideConfiguration())))
					.build();
				DynamoDbAsyncClient async = loadBalancer.configure(DynamoDbAsyncClient.builder())
					.credentialsProvider(TestClients.CREDENTIALS)
					.addPlugin((config) -> config.overrideConfiguration(preferDeflate(config.overrideConfiguration())))
					.build()) {
			client.putItem((put) -> put.tableName(TABLE).item(item("deflate-answer", LARGE)));
			try (RequestRecording recording = cluster.recordRequests()) {
				assertThat(valueOf(client, "deflate-answer")).isEqualTo(LARGE);
				assertThat(asyncValueOf(async, "deflate-answer")).isEqualTo(LARGE);
				assertThat(recording.apiRequests()).hasSize(2).allSatisfy((get) -> {
					assertThat(get.responseHeader("Content-Encoding")).isEqualTo("deflate");
					assertThat(get.responseHeader("x-amz-crc32")).isNotNull();
				});
			}
		}
	}

	@Test
	void answersStayPlainUnlessAsked() {
		try (AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster).build();
				DynamoDbClient client = TestClients.client(loadBalancer)) {
			client.putItem((put) -> put.tableName(TABLE).item(item("plain", LARGE)));
			try (RequestRecording recording = cluster.recordRequests()) {
				assertThat(valueOf(client, "plain")).isEqualTo(LARGE);
				RecordedRequest get = only(recording.apiRequests());
				assertThat(get.header("accept-encoding")).isNull();
				assertThat(get.responseHeader("Content-Encoding")).isNull();
			}
		}
	}

	@Test
	void trimmedRequestsCarryOnlyWhatAlternatorReadsAndStayAuthorised() {
		try (AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster).trimHeaders(true).build();
				DynamoDbClient client = TestClients.client(loadBalancer);
				DynamoDbAsyncClient async = asyncClient(loadBalancer);
				RequestRecording recording = cluster.recordRequests()) {
			client.putItem((put) -> put.tableName(TABLE).item(item("trimmed", "v")));
			async.putItem((put) -> put.tableName(TABLE).item(item("trimmed-async", "v"))).join();
			assertThat(recording.apiRequests()).hasSize(2).allSatisfy((request) -> {
				assertThat(request.status()).isEqualTo(200);
				assertThat(request.headers()).doesNotContainKeys("amz-sdk-invocation-id", "amz-sdk-request");
				assertThat(request.headers()).containsKeys("host", "x-amz-target", "content-type", "authorization",
						"x-amz-date");
			});
		}
	}

	@Test
	void untrimmedRequestsCarryTheSdksBookkeepingHeaders() {
		try (AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster).build();
				DynamoDbClient client = TestClients.client(loadBalancer);
				RequestRecording recording = cluster.recordRequests()) {
			client.putItem((put) -> put.tableName(TABLE).item(item("untrimmed", "v")));
			assertThat(only(recording.apiRequests()).headers()).containsKeys("amz-sdk-invocation-id",
					"amz-sdk-request");
		}
	}

	@Test
	void everythingTogetherOnRetriesToAnotherNode() {
		try (AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster)
			.requestCompression(Compression.GZIP, 1024)
			.responseCompression(true)
			.trimHeaders(true)
			.build(); DynamoDbAsyncClient async = asyncClient(loadBalancer)) {
			cluster.node(1).failures(503, 1.0);
			try (RequestRecording recording = cluster.recordRequests()) {
				for (int i = 0; i < 6; i++) {
					async.putItem((put) -> put.tableName(TABLE).item(item("all", LARGE))).join();
					assertThat(asyncValueOf(async, "all")).isEqualTo(LARGE);
				}
				assertThat(recording.apiRequests()).anySatisfy((attempt) -> assertThat(attempt.status()).isEqualTo(503));
				assertThat(recording.apiRequests()).allSatisfy((attempt) -> {
					assertThat(attempt.headers()).doesNotContainKey("amz-sdk-invocation-id");
					assertThat(attempt.header("accept-encoding")).isEqualTo("gzip, deflate");
				});
			}
		}
	}

	private static ClientOverrideConfiguration preferDeflate(ClientOverrideConfiguration existing) {
		return existing.toBuilder().addExecutionInterceptor(new ExecutionInterceptor() {

			@Override
			public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context,
					ExecutionAttributes executionAttributes) {
				return context.httpRequest().toBuilder().putHeader("Accept-Encoding", "deflate").build();
			}

		}).build();
	}

	private static DynamoDbAsyncClient asyncClient(AlternatorLoadBalancer loadBalancer) {
		return loadBalancer.configure(DynamoDbAsyncClient.builder()).credentialsProvider(TestClients.CREDENTIALS).build();
	}

	private static Map<String, AttributeValue> item(String id, String value) {
		return Map.of("id", TestClients.s(id), "v", TestClients.s(value));
	}

	private static String valueOf(DynamoDbClient client, String id) {
		return client.getItem((get) -> get.tableName(TABLE).key(TestClients.key(id))).item().get("v").s();
	}

	private static String asyncValueOf(DynamoDbAsyncClient client, String id) {
		return client.getItem((get) -> get.tableName(TABLE).key(TestClients.key(id))).join().item().get("v").s();
	}

	private static RecordedRequest only(List<RecordedRequest> requests) {
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

	private static String sha256(byte[] bytes) throws java.security.NoSuchAlgorithmException {
		return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	private static String text(InputStream in) throws IOException {
		try (in) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
