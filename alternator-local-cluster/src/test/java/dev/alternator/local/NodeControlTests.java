package dev.alternator.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.extension.RegisterExtension;
import dev.alternator.local.testing.SharedCluster;
import dev.alternator.local.testing.ClusterRestore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Stopping, killing, hanging and restarting nodes, and injected latency and errors, as a client sees them.
 */
class NodeControlTests {

	private static final String TABLE = "node_control";

	private static final LocalCluster cluster = LocalCluster.start();

	@RegisterExtension
	static final SharedCluster shared = SharedCluster.of(cluster).afterEach(ClusterRestore::clearFaultsAndRestart);

	@BeforeAll
	static void createTable() {
		try (DynamoDbClient client = Clients.pinnedTo(cluster.node(0).endpoint())) {
			Clients.createTable(client, TABLE);
		}
	}

	@Test
	void stoppedNodeRefusesConnectionsUntilRestarted() {
		LocalNode node = cluster.node(1);
		node.stop();
		assertThat(node.state()).isEqualTo(NodeState.STOPPED);
		assertThatThrownBy(() -> connect(node).close()).isInstanceOf(ConnectException.class);
		node.restart();
		try (DynamoDbClient client = Clients.pinnedTo(node.endpoint())) {
			assertThat(client.listTables().tableNames()).contains(TABLE);
		}
	}

	@Test
	void killResetsOpenConnections() throws IOException {
		LocalNode node = cluster.node(1);
		try (Socket socket = connect(node)) {
			OutputStream out = socket.getOutputStream();
			out.write(("GET / HTTP/1.1\r\nHost: " + node.address() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] buffer = new byte[512];
			assertThat(in.read(buffer)).isPositive();
			node.kill();
			assertThat(node.state()).isEqualTo(NodeState.KILLED);
			assertThatThrownBy(() -> {
				// the reset arrives on the next read, or on a write after it
				for (int i = 0; i < 10; i++) {
					out.write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
					out.flush();
					if (in.read(buffer) < 0) {
						throw new AssertionError("connection closed gracefully instead of being reset");
					}
				}
			}).isInstanceOf(SocketException.class).hasMessageContaining("reset");
		}
		assertThatThrownBy(() -> connect(node).close()).isInstanceOf(ConnectException.class);
	}

	@Test
	void hungNodeAcceptsButNeverAnswers() {
		LocalNode node = cluster.node(2);
		node.hang();
		try (DynamoDbClient client = Clients.pinnedTo(node.endpoint())) {
			assertThatThrownBy(client::listTables).isInstanceOf(SdkClientException.class)
				.hasRootCauseInstanceOf(SocketTimeoutException.class);
		}
		node.restart();
		try (DynamoDbClient client = Clients.pinnedTo(node.endpoint())) {
			assertThat(client.listTables().tableNames()).contains(TABLE);
		}
	}

	@Test
	void joiningNodeAnswersServiceUnavailable() {
		LocalNode node = cluster.node(2);
		node.joining(Duration.ofSeconds(30));
		try (DynamoDbClient client = Clients.pinnedTo(node.endpoint())) {
			assertThatThrownBy(client::listTables).isInstanceOfSatisfying(DynamoDbException.class,
					(ex) -> assertThat(ex.statusCode()).isEqualTo(503));
		}
	}

	@Test
	void injectedFailuresUseTheGivenStatusAndRate() {
		LocalNode node = cluster.node(0);
		node.failures(500, 1.0);
		try (DynamoDbClient client = Clients.pinnedTo(node.endpoint())) {
			assertThatThrownBy(client::listTables).isInstanceOfSatisfying(DynamoDbException.class,
					(ex) -> assertThat(ex.statusCode()).isEqualTo(500));
			node.failures(503, 0.5);
			int failed = 0;
			for (int i = 0; i < 200; i++) {
				try {
					client.listTables();
				}
				catch (DynamoDbException ex) {
					assertThat(ex.statusCode()).isEqualTo(503);
					failed++;
				}
			}
			assertThat(failed).isBetween(50, 150);
		}
	}

	@Test
	void injectedLatencyDelaysApiRequests() {
		LocalNode node = cluster.node(0);
		node.latency(Duration.ofMillis(300));
		try (DynamoDbClient client = Clients.pinnedTo(node.endpoint())) {
			long started = System.nanoTime();
			client.getItem((get) -> get.tableName(TABLE).key(Map.of("id", Clients.s("none"))));
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		}
	}

	@Test
	void concurrencyLimitMakesRequestsWait() throws Exception {
		LocalNode node = cluster.node(0);
		node.concurrencyLimit(1);
		node.latency(Duration.ofMillis(200));
		try (DynamoDbClient client = Clients.pinnedTo(node.endpoint())) {
			long started = System.nanoTime();
			Thread other = new Thread(client::listTables);
			other.start();
			client.listTables();
			other.join();
			// Two requests of 200 ms each, one at a time: at least 400 ms in all.
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
		}
	}

	@Test
	void badArgumentsAreRejectedWithTheirValue() {
		assertThatThrownBy(() -> cluster.node(0).failures(200, 0.5)).hasMessageContaining("200");
		assertThatThrownBy(() -> cluster.node(0).failures(500, 1.5)).hasMessageContaining("1.5");
		assertThatThrownBy(() -> cluster.node(0).concurrencyLimit(-1)).hasMessageContaining("-1");
	}

	private static Socket connect(LocalNode node) throws IOException {
		Socket socket = new Socket();
		try {
			socket.connect(new InetSocketAddress(node.address(), cluster.port()), 1_000);
			socket.setSoTimeout(2_000);
			return socket;
		}
		catch (IOException ex) {
			socket.close();
			throw ex;
		}
	}

}
