package dev.alternator.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
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

	@Test
	void chunkedRequestsAreForwardedWithTheEngineHeadersOverOneKeptAliveConnection() throws IOException {
		try (Socket socket = new Socket(cluster.node(1).address(), cluster.port())) {
			socket.setSoTimeout(5_000);
			OutputStream out = socket.getOutputStream();
			InputStream in = socket.getInputStream();
			for (int i = 0; i < 2; i++) {
				String body = "{}";
				String request = "POST / HTTP/1.1\r\nHost: " + cluster.node(1).address() + ":" + cluster.port()
						+ "\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\n"
						+ "Content-Type: application/x-amz-json-1.0\r\nTransfer-Encoding: chunked\r\n\r\n"
						+ Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n";
				out.write(request.getBytes(StandardCharsets.US_ASCII));
				out.flush();
				RawResponse response = RawResponse.read(in);
				assertThat(response.statusLine).startsWith("HTTP/1.1 200");
				assertThat(response.headers).containsKeys("x-amzn-requestid", "x-amz-crc32");
				assertThat(response.body).contains("\"TableNames\"");
			}
		}
	}

	/** Just enough of an HTTP/1.1 response parser for a fixed-length answer. */
	private static final class RawResponse {

		String statusLine;

		final Map<String, String> headers = new LinkedHashMap<>();

		String body;

		static RawResponse read(InputStream in) throws IOException {
			RawResponse response = new RawResponse();
			response.statusLine = line(in);
			for (String header = line(in); !header.isEmpty(); header = line(in)) {
				int colon = header.indexOf(':');
				response.headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
						header.substring(colon + 1).trim());
			}
			int length = Integer.parseInt(response.headers.get("content-length"));
			response.body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
			return response;
		}

		private static String line(InputStream in) throws IOException {
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			for (int b = in.read(); b != '\n'; b = in.read()) {
				if (b < 0) {
					throw new IOException("Connection closed mid-response");
				}
				if (b != '\r') {
					line.write(b);
				}
			}
			return line.toString(StandardCharsets.US_ASCII);
		}

	}

}
