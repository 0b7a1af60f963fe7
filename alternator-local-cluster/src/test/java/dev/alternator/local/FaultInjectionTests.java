package dev.alternator.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.RegisterExtension;
import dev.alternator.testing.Tables;
import dev.alternator.testing.SdkClients;
import dev.alternator.local.testing.SharedCluster;
import dev.alternator.local.testing.ClusterRestore;
import dev.alternator.testing.RawHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The faults the client's fault simulation injects: API-only hangs, discovery answers that stall, trickle, redirect
 * or list unreachable addresses, and a node on the IPv6 loopback.
 */
class FaultInjectionTests {

	private static final String TABLE = "fault_injection";

	private static final LocalCluster cluster = LocalCluster.builder()
		.nodes("dc1", "rack1", 2)
		.node("dc1", "rack2", "::1")
		.start();

	@RegisterExtension
	static final SharedCluster shared = SharedCluster.of(cluster).afterEach(ClusterRestore::clearFaultsAndRestart);

	@BeforeAll
	static void createTable() {
		try (DynamoDbClient client = SdkClients.forSetUp(cluster.node(0).endpoint(), Clients.ACCESS_KEY,
				Clients.SECRET_KEY)) {
			Tables.createHashKeyTable(client, TABLE);
		}
	}

	@Test
	void apiHangHoldsPostsButHealthCheckAndDiscoveryStillAnswer() throws Exception {
		LocalNode node = cluster.node(1);
		node.hangApiRequests();
		assertThat(node.isHangingApiRequests()).isTrue();
		assertThat(RawHttp.get(node.endpoint()).status()).isEqualTo(200);
		assertThat(RawHttp.localNodes(node.endpoint(), null).body()).contains(node.address());
		try (DynamoDbClient client = Clients.pinnedTo(node.endpoint())) {
			assertThatThrownBy(() -> client.getItem((get) -> get.tableName(TABLE).key(Map.of("id", Clients.s("a")))))
				.isInstanceOf(SdkClientException.class)
				.hasRootCauseInstanceOf(SocketTimeoutException.class);
		}
		node.clearFaults();
		assertThat(node.isHangingApiRequests()).isFalse();
		try (DynamoDbClient client = Clients.pinnedTo(node.endpoint())) {
			client.getItem((get) -> get.tableName(TABLE).key(Map.of("id", Clients.s("a"))));
		}
	}

	@Test
	void restartEndsAnApiHangAndClosesTheHeldRequest() throws Exception {
		LocalNode node = cluster.node(1);
		node.hangApiRequests();
		try (DynamoDbClient client = Clients.pinnedTo(node.endpoint())) {
			CompletableFuture<Object> held = CompletableFuture
				.supplyAsync(() -> client.getItem((get) -> get.tableName(TABLE).key(Map.of("id", Clients.s("b")))));
			Thread.sleep(300);
			assertThat(held).isNotDone();
			node.restart();
			assertThat(held).failsWithin(Duration.ofSeconds(5));
			client.getItem((get) -> get.tableName(TABLE).key(Map.of("id", Clients.s("b"))));
		}
	}

	@Test
	void stalledLocalNodesNeverAnswersUntilCleared() throws Exception {
		LocalNode node = cluster.node(0);
		node.localNodesFault(LocalNodesFault.STALL);
		assertThat(node.localNodesFault()).isEqualTo(LocalNodesFault.STALL);
		assertThatThrownBy(() -> RawHttp.get(URI.create(node.endpoint() + "/localnodes"), 500))
			.hasRootCauseInstanceOf(SocketTimeoutException.class);
		assertThat(RawHttp.get(node.endpoint()).status()).isEqualTo(200);
		node.localNodesFault(LocalNodesFault.NONE);
		assertThat(RawHttp.localNodes(node.endpoint(), null).status()).isEqualTo(200);
	}

	@Test
	void tricklingLocalNodesSendsOneByteAtATimeForEver() throws Exception {
		LocalNode node = cluster.node(0);
		node.localNodesFault(LocalNodesFault.TRICKLE);
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(node.address(), cluster.port()), 2_000);
			socket.setSoTimeout(2_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET /localnodes HTTP/1.1\r\nHost: " + node.address() + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			String head = readHead(in);
			assertThat(head).startsWith("HTTP/1.1 200").contains("Content-Length: " + (1L << 30));
			long start = System.nanoTime();
			int bytes = 0;
			// Every read returns within the read timeout: only a whole-request deadline ends such an answer.
			while (System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(800)) {
				assertThat(in.read()).isNotNegative();
				bytes++;
			}
			assertThat(bytes).isBetween(2, 20);
			node.localNodesFault(LocalNodesFault.NONE);
			// The fault's end closes the connection, short of the declared length.
			int last = 0;
			while (last >= 0) {
				last = in.read();
			}
		}
	}

	@Test
	void redirectPointsToAnUnreachableAddressOrTheGivenLocation() throws Exception {
		LocalNode node = cluster.node(0);
		node.localNodesFault(LocalNodesFault.REDIRECT);
		HttpURLConnection connection = (HttpURLConnection) URI.create(node.endpoint() + "/localnodes").toURL()
			.openConnection();
		connection.setInstanceFollowRedirects(false);
		assertThat(connection.getResponseCode()).isEqualTo(307);
		assertThat(connection.getHeaderField("Location"))
			.isEqualTo("http://" + LocalNode.UNREACHABLE_ADDRESSES.get(0) + ":" + cluster.port() + "/localnodes");
		connection.disconnect();
		URI elsewhere = URI.create(cluster.node(1).endpoint() + "/localnodes?dc=nowhere");
		node.redirectLocalNodes(elsewhere);
		assertThat(node.localNodesFault()).isEqualTo(LocalNodesFault.REDIRECT);
		connection = (HttpURLConnection) URI.create(node.endpoint() + "/localnodes").toURL().openConnection();
		connection.setInstanceFollowRedirects(false);
		assertThat(connection.getResponseCode()).isEqualTo(307);
		assertThat(connection.getHeaderField("Location")).isEqualTo(elsewhere.toString());
		connection.disconnect();
	}

	@Test
	void unreachableAddressesAreListedAndRefuseConnections() {
		LocalNode node = cluster.node(0);
		node.localNodesFault(LocalNodesFault.UNREACHABLE_ADDRESSES);
		assertThat(RawHttp.localNodes(node.endpoint(), null).body())
			.isEqualTo("[\"127.255.255.1\",\"127.255.255.2\",\"127.255.255.3\"]");
		for (String address : LocalNode.UNREACHABLE_ADDRESSES) {
			assertThatThrownBy(() -> {
				try (Socket socket = new Socket()) {
					socket.connect(new InetSocketAddress(address, cluster.port()), 1_000);
				}
			}).isInstanceOf(IOException.class);
		}
	}

	@Test
	void ipv6NodeServesAndIsListedWithoutBrackets() {
		LocalNode node = cluster.node("::1");
		assertThat(node.address()).isEqualTo("::1");
		assertThat(node.endpoint().toString()).isEqualTo("http://[::1]:" + cluster.port());
		assertThat(cluster.seeds()).contains("http://[::1]:" + cluster.port());
		// As Alternator: the Host header the client sent.
		assertThat(RawHttp.get(node.endpoint()).body()).isEqualTo("healthy: [::1]:" + cluster.port());
		assertThat(RawHttp.localNodes(cluster.node(0).endpoint(), null).body()).contains("\"::1\"").doesNotContain("[::1]");
		assertThat(RawHttp.localNodes(node.endpoint(), "rack=rack2").body()).isEqualTo("[\"::1\"]");
		try (DynamoDbClient client = Clients.pinnedTo(node.endpoint())) {
			client.putItem((put) -> put.tableName(TABLE).item(Map.of("id", Clients.s("v6"))));
			assertThat(client.getItem((get) -> get.tableName(TABLE).key(Map.of("id", Clients.s("v6")))).item()).isNotEmpty();
		}
		node.kill();
		assertThatThrownBy(() -> RawHttp.get(node.endpoint())).isInstanceOf(RuntimeException.class);
		node.restart();
		assertThat(RawHttp.get(node.endpoint()).status()).isEqualTo(200);
	}

	@Test
	void nodeAddressesMustBeLoopbackLiterals() {
		assertThatThrownBy(() -> cluster.addNode("dc1", "rack1", "10.0.0.1"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("loopback");
		assertThatThrownBy(() -> cluster.addNode("dc1", "rack1", "localhost"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("literal");
		assertThatThrownBy(() -> cluster.addNode("dc1", "rack1", "0:0:0:0:0:0:0:1"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("already used");
		assertThatThrownBy(() -> LocalCluster.builder().node("dc1", "rack1", "::"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static String readHead(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		while (!head.toString().endsWith("\r\n\r\n")) {
			int next = in.read();
			if (next < 0) {
				break;
			}
			head.append((char) next);
		}
		return head.toString();
	}

}
