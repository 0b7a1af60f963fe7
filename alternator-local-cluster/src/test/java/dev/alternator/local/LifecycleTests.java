package dev.alternator.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;

import dev.alternator.testing.ThreadLeaks;
import dev.alternator.testing.Ports;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Starting and closing clusters: ports, threads and clear errors.
 */
class LifecycleTests {

	/** Threads of the JDK and the SDK that live for the whole JVM, whoever starts them first. */
	private static final ThreadLeaks threads = ThreadLeaks.ignoring("java-sdk-", "process reaper");

	@Test
	void closeFreesThePortAndEveryThread() throws Exception {
		Set<String> before = threads.threadNames();
		int port;
		try (LocalCluster cluster = LocalCluster.start();
				DynamoDbClient client = Clients.pinnedTo(cluster.node(1).endpoint())) {
			port = cluster.port();
			client.listTables();
			cluster.node(2).hang();
			assertThat(threads.threadNames()).anyMatch((name) -> name.startsWith("alternator-local-"));
		}
		// Threads of the engine's pool may take a moment to end: the check waits for them.
		threads.assertNoneLeftSince(before);
		Ports.assertFree(port, "127.0.0.1", "127.0.0.2", "127.0.0.3");
	}

	@Test
	void closeIsIdempotentAndClosedClusterRejectsNewNodes() {
		LocalCluster cluster = LocalCluster.builder().node("dc1", "rack1").start();
		cluster.close();
		cluster.close();
		assertThatThrownBy(() -> cluster.addNode("dc1", "rack1")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("closed");
	}

	@Test
	void portInUseIsReportedWithAFix() throws IOException {
		try (ServerSocket taken = new ServerSocket()) {
			taken.bind(new InetSocketAddress("127.0.0.2", 0));
			int port = taken.getLocalPort();
			assertThatThrownBy(() -> LocalCluster.builder().nodes("dc1", "rack1", 2).port(port).start())
				.isInstanceOf(LocalClusterException.class)
				.hasMessageContaining("127.0.0.2:" + port)
				.hasMessageContaining("already in use")
				.hasMessageContaining("port 0");
			// The first node that did bind was released again.
			try (Socket probe = new Socket()) {
				assertThatThrownBy(() -> probe.connect(new InetSocketAddress("127.0.0.1", port), 500))
					.isInstanceOf(java.net.ConnectException.class);
			}
		}
	}

	@Test
	void addressMissingOnThisMachineIsReportedWithTheAliasCommand() throws IOException {
		// 192.0.2.1 (TEST-NET-1) is never a local address: binding fails as 127.0.0.2 does on macOS.
		assertThatThrownBy(() -> NodeServer.bind(InetAddress.getByName("192.0.2.1"), 0, null))
			.isInstanceOf(LocalClusterException.class)
			.hasMessageContaining("192.0.2.1")
			.hasMessageContaining("not configured on this machine")
			.hasMessageContaining("sudo ifconfig lo0 alias 192.0.2.1");
	}

	@Test
	void badTopologyArgumentsNameTheirValue() {
		assertThatThrownBy(() -> LocalCluster.builder().nodes("dc1", "rack1", 0))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("dc1/rack1")
			.hasMessageContaining("0");
		assertThatThrownBy(() -> LocalCluster.builder().node(" ", "rack1")).hasMessageContaining("datacenter");
		assertThatThrownBy(() -> LocalCluster.builder().port(70000)).hasMessageContaining("70000");
	}

}
