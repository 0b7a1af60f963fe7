package dev.alternator.local;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;

import dev.alternator.testing.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP front end of a node as Alternator's: health answer, compressed requests and answers, the body size
 * limit and CORS, all over real sockets.
 */
class FrontEndTests {

	private static final String TABLE = "front_end";

	private static LocalCluster cluster;

	private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@BeforeAll
	static void start() {
		cluster = LocalCluster.builder().nodes("dc1", "rack1", 2).credentials(Clients.ACCESS_KEY, Clients.SECRET_KEY)
			.start();
		try (DynamoDbClient client = Clients.pinnedTo(cluster.node(0).endpoint())) {
			Clients.createTable(client, TABLE);
			// Enough data for a Scan answer well above the 4 KB compression threshold.
			for (int i = 0; i < 20; i++) {
				client.putItem((put) -> put.tableName(TABLE).item(Map.of("id", Clients.s("item-" + System.nanoTime()),
						"payload", Clients.s("x".repeat(500)))));
			}
		}
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@Test
	void healthCheckAnswersWithTheHostHeaderTheClientSent() throws Exception {
		LocalNode node = cluster.node(1);
		HttpResponse<String> answer = http.send(HttpRequest.newBuilder(node.endpoint()).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo("healthy: " + node.address() + ":" + cluster.port());
	}

	@Test
	void gzipRequestSignedOverItsCompressedBytesIsDecodedAndExecuted() {
		try (DynamoDbClient gzipping = DynamoDbClient.builder()
					.endpointOverride(cluster.node(0).endpoint())
					.region(software.amazon.awssdk.regions.Region.US_EAST_1)
					.credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
							software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(Clients.ACCESS_KEY,
									Clients.SECRET_KEY)))
					.overrideConfiguration((config) -> config.addExecutionInterceptor(new CompressingInterceptor()))
					.build();
				DynamoDbClient plain = Clients.pinnedTo(cluster.node(1).endpoint())) {
			gzipping.putItem((put) -> put.tableName(TABLE)
				.item(Map.of("id", Clients.s("gzipped"), "v", Clients.s("y".repeat(10_000)))));
			assertThat(plain.getItem((get) -> get.tableName(TABLE).key(Map.of("id", Clients.s("gzipped"))))
				.item()
				.get("v")
				.s()).hasSize(10_000);
			assertThat(CompressingInterceptor.compressed).isPositive();
		}
	}

	@Test
	void corruptGzipBodyGetsAlternatorsInternalServerError() throws Exception {
		HttpResponse<String> answer = post(cluster.node(0), "ListTables", "{}".getBytes(StandardCharsets.UTF_8),
				Map.of("Content-Encoding", "gzip"));
		// Unsigned requests are rejected first on this cluster; the decoding error needs an open one.
		assertThat(answer.statusCode()).isEqualTo(400);
		try (LocalCluster open = LocalCluster.builder().nodes("dc1", "rack1", 1).start()) {
			HttpResponse<String> corrupt = post(open.node(0), "ListTables", "{}".getBytes(StandardCharsets.UTF_8),
					Map.of("Content-Encoding", "gzip"));
			assertThat(corrupt.statusCode()).isEqualTo(500);
			assertThat(corrupt.body()).contains("InternalServerError");
			HttpResponse<String> unknown = post(open.node(0), "ListTables", "{}".getBytes(StandardCharsets.UTF_8),
					Map.of("Content-Encoding", "garbage"));
			assertThat(unknown.statusCode()).isEqualTo(500);
			assertThat(unknown.body()).contains("Unsupported Content-Encoding");
			HttpResponse<String> deflated = post(open.node(0), "ListTables", deflate("{}"),
					Map.of("Content-Encoding", "deflate"));
			assertThat(deflated.statusCode()).isEqualTo(200);
			assertThat(deflated.body()).contains("TableNames");
		}
	}

	@Test
	void gzipBombOverTheLimitOnceDecodedGets413() throws Exception {
		try (LocalCluster open = LocalCluster.builder().nodes("dc1", "rack1", 1).start()) {
			String json = "{\"TableName\":\"t\"" + " ".repeat(17 * 1024 * 1024) + "}";
			byte[] bomb = gzip(json.getBytes(StandardCharsets.UTF_8));
			assertThat(bomb.length).isLessThan(1024 * 1024);
			HttpResponse<String> answer = post(open.node(0), "DescribeTable", bomb, Map.of("Content-Encoding", "gzip"));
			assertThat(answer.statusCode()).isEqualTo(413);
		}
	}

	@Test
	void largeAnswerIsCompressedAsTheClientAccepts() throws Exception {
		try (LocalCluster open = LocalCluster.builder().nodes("dc1", "rack1", 1).start();
				DynamoDbClient client = Clients.pinnedTo(open.node(0).endpoint())) {
			Clients.createTable(client, TABLE);
			for (int i = 0; i < 20; i++) {
				int n = i;
				client.putItem((put) -> put.tableName(TABLE)
					.item(Map.of("id", Clients.s("item-" + n), "payload", Clients.s("x".repeat(500)))));
			}
			byte[] scan = ("{\"TableName\":\"" + TABLE + "\"}").getBytes(StandardCharsets.UTF_8);

			HttpResponse<byte[]> gzipped = postBytes(open.node(0), "Scan", scan, Map.of("Accept-Encoding", "gzip"));
			assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
			String json = new String(new GZIPInputStream(new ByteArrayInputStream(gzipped.body())).readAllBytes(),
					StandardCharsets.UTF_8);
			assertThat(json).contains("\"Count\":20");
			assertThat(gzipped.body().length).isLessThan(json.length() / 4);
			CRC32 crc = new CRC32();
			crc.update(gzipped.body());
			assertThat(gzipped.headers().firstValue("x-amz-crc32")).hasValue(Long.toString(crc.getValue()));

			HttpResponse<byte[]> deflated = postBytes(open.node(0), "Scan", scan,
					Map.of("Accept-Encoding", "gzip;q=0.5, deflate"));
			assertThat(deflated.headers().firstValue("Content-Encoding")).hasValue("deflate");
			assertThat(new String(new InflaterInputStream(new ByteArrayInputStream(deflated.body())).readAllBytes(),
					StandardCharsets.UTF_8)).isEqualTo(json);

			HttpResponse<byte[]> small = postBytes(open.node(0), "ListTables", "{}".getBytes(StandardCharsets.UTF_8),
					Map.of("Accept-Encoding", "gzip"));
			assertThat(small.headers().firstValue("Content-Encoding")).isEmpty();
			HttpResponse<byte[]> notAsked = postBytes(open.node(0), "Scan", scan, Map.of());
			assertThat(notAsked.headers().firstValue("Content-Encoding")).isEmpty();
			assertThat(new String(notAsked.body(), StandardCharsets.UTF_8)).isEqualTo(json);
		}
	}

	@Test
	void declaredBodyOver16MegabytesGets413WithoutBeingRead() throws Exception {
		LocalNode node = cluster.node(0);
		try (Socket socket = new Socket(node.address(), cluster.port())) {
			OutputStream out = socket.getOutputStream();
			out.write(("POST / HTTP/1.1\r\nHost: " + node.address() + ":" + cluster.port()
					+ "\r\nContent-Type: application/x-amz-json-1.0\r\nX-Amz-Target: DynamoDB_20120810.PutItem"
					+ "\r\nContent-Length: " + (17 * 1024 * 1024) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			// The answer comes before a single byte of the body was sent.
			socket.setSoTimeout(10_000);
			String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
			assertThat(status).isEqualTo("HTTP/1.1 413");
		}
	}

	@Test
	void oversizedBodyGets413OverTlsToo() throws Exception {
		try (LocalCluster tls = LocalCluster.builder().nodes("dc1", "rack1", 1).tls(true).start()) {
			javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory
				.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
			trust.init(tls.tls().orElseThrow().trustStore());
			javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
			context.init(null, trust.getTrustManagers(), null);
			HttpClient https = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(context).build();
			byte[] body = new byte[17 * 1024 * 1024];
			HttpResponse<String> answer = https.send(HttpRequest.newBuilder(tls.node(0).endpoint())
				.header("X-Amz-Target", "DynamoDB_20120810.PutItem")
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).isEqualTo(413);
		}
	}

	@Test
	void streamedChunkedBodyOver16MegabytesGets413() throws Exception {
		byte[] block = new byte[64 * 1024];
		java.util.Arrays.fill(block, (byte) ' ');
		InputStream seventeenMegabytes = new InputStream() {

			private long left = 17L * 1024 * 1024;

			@Override
			public int read() {
				return (this.left-- > 0) ? ' ' : -1;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) {
				if (this.left <= 0) {
					return -1;
				}
				int count = (int) Math.min(length, this.left);
				java.util.Arrays.fill(buffer, offset, offset + count, (byte) ' ');
				this.left -= count;
				return count;
			}

		};
		try (LocalCluster open = LocalCluster.builder().nodes("dc1", "rack1", 1).start()) {
			HttpResponse<String> answer = http.send(HttpRequest.newBuilder(open.node(0).endpoint())
				.header("X-Amz-Target", "DynamoDB_20120810.PutItem")
				.POST(HttpRequest.BodyPublishers.ofInputStream(() -> seventeenMegabytes))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).isEqualTo(413);
			// The node still serves.
			assertThat(RawHttp.get(open.node(0).endpoint()).status()).isEqualTo(200);
		}
	}

	@Test
	void corsHeadersOnlyWhenTheRequestHasAnOrigin() throws Exception {
		URI endpoint = cluster.node(0).endpoint();
		HttpResponse<String> plain = http.send(HttpRequest.newBuilder(endpoint).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(plain.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

		HttpResponse<String> get = http.send(HttpRequest.newBuilder(endpoint).header("Origin", "http://example.com")
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
		assertThat(get.headers().firstValue("Access-Control-Expose-Headers")).isPresent();
		assertThat(get.headers().firstValue("Access-Control-Max-Age")).isEmpty();

		HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(endpoint)
			.header("Origin", "http://example.com")
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "x-amz-target, content-type")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(preflight.statusCode()).isEqualTo(200);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValue("POST");
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
			.hasValue("x-amz-target, content-type");
		assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).isPresent();
	}

	private static HttpResponse<String> post(LocalNode node, String operation, byte[] body,
			Map<String, String> headers) throws Exception {
		HttpResponse<byte[]> answer = postBytes(node, operation, body, headers);
		return new StringAnswer(answer);
	}

	private static HttpResponse<byte[]> postBytes(LocalNode node, String operation, byte[] body,
			Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(node.endpoint())
			.header("Content-Type", "application/x-amz-json-1.0")
			.header("X-Amz-Target", "DynamoDB_20120810." + operation)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		headers.forEach(request::header);
		return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	static byte[] gzip(byte[] bytes) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		return out.toByteArray();
	}

	private static byte[] deflate(String text) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (java.util.zip.DeflaterOutputStream deflater = new java.util.zip.DeflaterOutputStream(out)) {
			deflater.write(text.getBytes(StandardCharsets.UTF_8));
		}
		return out.toByteArray();
	}

	/**
	 * Gzips every request body before the SDK signs it, as an SDK with request compression does.
	 */
	static final class CompressingInterceptor implements ExecutionInterceptor {

		static volatile int compressed;

		@Override
		public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context,
				ExecutionAttributes executionAttributes) {
			// The SDK already declared the uncompressed length; it signs whatever this leaves.
			return context.httpRequest()
				.toBuilder()
				.putHeader("Content-Encoding", "gzip")
				.putHeader("Content-Length", Integer.toString(zipped(context).length))
				.build();
		}

		@Override
		public java.util.Optional<RequestBody> modifyHttpContent(Context.ModifyHttpRequest context,
				ExecutionAttributes executionAttributes) {
			compressed++;
			return java.util.Optional.of(RequestBody.fromBytes(zipped(context)));
		}

		private static byte[] zipped(Context.ModifyHttpRequest context) {
			try {
				ContentStreamProvider provider = context.requestBody().get().contentStreamProvider();
				// Java's gzip header carries no time stamp: the same input always gives the same bytes.
				return gzip(provider.newStream().readAllBytes());
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}

	}

	/**
	 * A byte answer read as UTF-8 text.
	 */
	private record StringAnswer(HttpResponse<byte[]> bytes) implements HttpResponse<String> {

		@Override
		public int statusCode() {
			return this.bytes.statusCode();
		}

		@Override
		public HttpRequest request() {
			return this.bytes.request();
		}

		@Override
		public java.util.Optional<HttpResponse<String>> previousResponse() {
			return java.util.Optional.empty();
		}

		@Override
		public java.net.http.HttpHeaders headers() {
			return this.bytes.headers();
		}

		@Override
		public String body() {
			return new String(this.bytes.body(), StandardCharsets.UTF_8);
		}

		@Override
		public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
			return this.bytes.sslSession();
		}

		@Override
		public URI uri() {
			return this.bytes.uri();
		}

		@Override
		public HttpClient.Version version() {
			return this.bytes.version();
		}

	}

}
