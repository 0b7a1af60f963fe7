package dev.alternator.local.engine.persistence;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.alternator.local.LocalCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process killed with SIGKILL in the middle of writes keeps every write it acknowledged, and what it keeps is
 * readable: a child JVM writes through a node with a real DynamoDbClient, is killed, and a new cluster on the
 * same directory is checked key by key. Twice in a row, so that recovery from a recovered directory is
 * covered too.
 */
class CrashRecoveryTests {

	private static final int ACKS_BEFORE_KILL = 3000;

	@TempDir
	Path directory;

	@Test
	void acknowledgedWritesSurviveSigkillAndNothingIsCorrupt() throws Exception {
		// What the parent knows of each key from the child's output: acknowledged present, acknowledged deleted,
		// or in flight when the child died (either is right then).
		Map<String, State> states = new HashMap<>();
		for (int round = 0; round < 2; round++) {
			killWhileWriting(states, round);
			verify(states);
		}
	}

	private void killWhileWriting(Map<String, State> states, int round) throws Exception {
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", classPath, CrashWriter.class.getName(), this.directory.resolve("data").toString());
		File errors = this.directory.resolve("child-" + round + ".err").toFile();
		builder.redirectError(errors);
		Process child = builder.start();
		int acks = 0;
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				int space = line.indexOf(' ');
				if (space < 0) {
					continue;
				}
				String key = line.substring(space + 1);
				switch (line.substring(0, space)) {
					case "PUT", "DELETING" -> states.put(key, State.IN_FLIGHT);
					case "DEL" -> states.put(key, State.DELETED);
					case "ACK" -> {
						states.put(key, State.PRESENT);
						if (++acks == ACKS_BEFORE_KILL) {
							// SIGKILL while four writers are in flight: no shutdown hook, no snapshot, no flush. Through
							// the process handle, which (unlike Process.destroyForcibly) leaves the pipe open: the lines
							// the child printed before it died are read to the end.
							child.toHandle().destroyForcibly();
						}
					}
					default -> {
					}
				}
			}
		}
		assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child died").isTrue();
		assertThat(acks).as("acknowledged writes before the kill (child stderr in %s)", errors)
			.isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
		assertThat(child.exitValue()).as("killed, not exited").isNotZero();
	}

	private void verify(Map<String, State> states) {
		try (LocalCluster cluster = LocalCluster.builder()
			.node("dc1", "rack1")
			.dataDirectory(this.directory.resolve("data"))
			.start(); DynamoDbClient client = CrashWriter.client(cluster.node(0).endpoint())) {
			Map<String, String> stored = new HashMap<>();
			client.scanPaginator((scan) -> scan.tableName(CrashWriter.TABLE)).items().forEach((item) -> {
				AttributeValue id = item.get("id");
				assertThat(id).isNotNull();
				stored.put(id.s(), item.get("payload").s());
			});
			states.forEach((key, state) -> {
				if (state == State.PRESENT) {
					assertThat(stored).as("acknowledged write %s", key).containsKey(key);
				}
				else if (state == State.DELETED) {
					assertThat(stored).as("acknowledged delete %s", key).doesNotContainKey(key);
				}
			});
			// Every item read back, acknowledged or in flight, is whole, and was written by the child.
			stored.forEach((key, payload) -> {
				assertThat(states).as("known key %s", key).containsKey(key);
				assertThat(payload).as("payload of %s", key).isEqualTo(CrashWriter.payload(key));
			});
			assertThat(states.values()).contains(State.PRESENT, State.DELETED);
		}
	}

	private enum State {

		PRESENT, DELETED, IN_FLIGHT

	}

}
