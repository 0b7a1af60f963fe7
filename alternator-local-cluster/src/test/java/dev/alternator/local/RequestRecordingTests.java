package dev.alternator.local;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link RequestRecording} keeps: the request as received and the answer as sent, with their exact size on the
 * wire, only while it is open, on the nodes it was opened on.
 */
class RequestRecordingTests {

	@Test
	void recordsTheExactBytesEachWayWhileOpen() throws Exception {
		try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 2).start()) {
			LocalNode node = cluster.node(0);
			byte[] body = "{\"TableName\":\"none\"}".getBytes(StandardCharsets.UTF_8);
			byte[] request = ("POST / HTTP/1.1\r\nHost: " + node.endpoint().getAuthority()
					+ "\r\nX-Amz-Target: DynamoDB_20120810.DescribeTable\r\nContent-Type: application/x-amz-json-1.0"
					+ "\r\nX-Custom: kept\r\nConnection: close\r\nContent-Length: " + body.length + "\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1);
			byte[] answer;
			try (RequestRecording recording = node.recordRequests()) {
				answer = exchange(node, request, body);
				RecordedRequest recorded = recording.requests().get(0);
				assertThat(recording.requests()).hasSize(1);
				assertThat(recorded.node()).isEqualTo(node.address());
				assertThat(recorded.header("x-custom")).isEqualTo("kept");
				assertThat(recorded.body()).isEqualTo(body);
				assertThat(recorded.requestBytes()).isEqualTo(request.length + body.length);
				assertThat(recorded.status()).isEqualTo(400);
				assertThat(recorded.responseBytes()).isEqualTo(answer.length);
				assertThat(recorded.toString()).doesNotContain("kept");
			}
			try (RequestRecording other = cluster.node(1).recordRequests()) {
				exchange(node, request, body);
				assertThat(other.requests()).isEmpty();
			}
		}
	}

	@Test
	void aClusterRecordingSeesEveryNodeAndStopsWhenClosed() throws Exception {
		try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 2).start()) {
			RequestRecording recording = cluster.recordRequests();
			for (LocalNode node : cluster.nodes()) {
				exchange(node, ("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.ISO_8859_1), new byte[0]);
			}
			recording.close();
			exchange(cluster.node(0), ("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1), new byte[0]);
			assertThat(recording.requests()).extracting(RecordedRequest::node)
				.containsExactlyInAnyOrder(cluster.node(0).address(), cluster.node(1).address());
			assertThat(recording.apiRequests()).isEmpty();
		}
	}

	private static byte[] exchange(LocalNode node, byte[] head, byte[] body) throws Exception {
		try (Socket socket = new Socket(node.endpoint().getHost(), node.endpoint().getPort())) {
			OutputStream out = socket.getOutputStream();
			out.write(head);
			out.write(body);
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			in.transferTo(answer);
			return answer.toByteArray();
		}
	}

}
