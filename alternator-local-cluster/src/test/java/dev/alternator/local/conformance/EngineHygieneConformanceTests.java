package dev.alternator.local.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.alternator.local.LocalCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the engine must not do: print to standard output, or listen anywhere but the nodes' loopback addresses.
 */
class EngineHygieneConformanceTests extends ConformanceSupport {

	@Override
	protected int nodes() {
		return 3;
	}

	@Test
	void engineWritesNothingToStandardOutput() {
		PrintStream original = System.out;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			try (LocalCluster other = LocalCluster.builder().nodes("dc1", "rack1", 2).start()) {
				DynamoDbClient client = client(other.node(1).endpoint());
				String table = uniqueName("quiet");
				client.createTable((create) -> create.tableName(table)
					.keySchema(key("p", software.amazon.awssdk.services.dynamodb.model.KeyType.HASH))
					.attributeDefinitions(
							attribute("p", software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S))
					.billingMode(software.amazon.awssdk.services.dynamodb.model.BillingMode.PAY_PER_REQUEST));
				client.putItem((put) -> put.tableName(table).item(item("p", s("k"), "v", n("1"))));
				client.getItem((get) -> get.tableName(table).key(item("p", s("k"))));
				client.query((query) -> query.tableName(table)
					.keyConditionExpression("p = :p")
					.expressionAttributeValues(Map.of(":p", s("k"))));
				client.scan((scan) -> scan.tableName(table));
				try {
					client.putItem((put) -> put.tableName(table)
						.item(item("p", s("k")))
						.conditionExpression("attribute_not_exists(p)"));
				}
				catch (ConditionalCheckFailedException expected) {
					// Client errors must be as quiet as successes.
				}
				RawRequests.post(other.node(0).endpoint(), "PutItem", "{not json");
				RawRequests.post(other.node(0).endpoint(), "NoSuchOperation", "{}");
				client.deleteTable((delete) -> delete.tableName(table));
			}
		}
		finally {
			System.setOut(original);
		}
		assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void nothingListensButTheNodesLoopbackAddresses() throws IOException {
		// Make sure the engine has served requests, in case it opens anything lazily.
		String table = hashTable("sockets");
		this.dynamo.putItem((put) -> put.tableName(table).item(item("p", s("k"))));
		Set<String> listening = listeningAddressesOfThisProcess();
		assertThat(listening).as("listening sockets of this JVM")
			.contains("127.0.0.1:" + this.cluster.port(), "127.0.0.2:" + this.cluster.port(),
					"127.0.0.3:" + this.cluster.port());
		for (String address : listening) {
			String host = address.substring(0, address.lastIndexOf(':'));
			assertThat(InetAddress.getByName(host).isLoopbackAddress()).as("%s is a loopback address", address).isTrue();
		}
	}

	/** Local address and port of every listening TCP socket owned by this process, from /proc. */
	private static Set<String> listeningAddressesOfThisProcess() throws IOException {
		Set<String> inodes = new HashSet<>();
		try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
			for (Path fd : fds) {
				try {
					String target = Files.readSymbolicLink(fd).toString();
					if (target.startsWith("socket:[")) {
						inodes.add(target.substring("socket:[".length(), target.length() - 1));
					}
				}
				catch (IOException ex) {
					// The descriptor closed while listing: it is no listening socket of interest.
				}
			}
		}
		Set<String> listening = new HashSet<>();
		for (String file : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
			Path path = Path.of(file);
			if (!Files.exists(path)) {
				continue;
			}
			List<String> lines = Files.readAllLines(path);
			for (String line : lines.subList(1, lines.size())) {
				String[] fields = line.trim().split("\\s+");
				// fields: sl, local_address, rem_address, st, tx:rx, tr:when, retrnsmt, uid, timeout, inode
				if ("0A".equals(fields[3]) && inodes.contains(fields[9])) {
					listening.add(decode(fields[1]));
				}
			}
		}
		return listening;
	}

	/** Decodes {@code /proc/net/tcp*}'s hexadecimal address: 32-bit words in host (little-endian) order. */
	private static String decode(String hexAddress) throws UnknownHostException {
		String[] parts = hexAddress.split(":");
		String hex = parts[0];
		byte[] bytes = new byte[hex.length() / 2];
		for (int word = 0; word < bytes.length / 4; word++) {
			for (int i = 0; i < 4; i++) {
				int from = (word * 4 + (3 - i)) * 2;
				bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(from, from + 2), 16);
			}
		}
		InetAddress address = InetAddress.getByAddress(bytes);
		return address.getHostAddress() + ":" + Integer.parseInt(parts[1], 16);
	}

}
