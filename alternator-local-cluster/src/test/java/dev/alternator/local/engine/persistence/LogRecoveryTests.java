package dev.alternator.local.engine.persistence;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alternator.local.engine.api.Operation;
import dev.alternator.local.engine.api.Operations;
import dev.alternator.local.engine.table.PrimaryKey;
import dev.alternator.local.engine.table.StoredItem;
import dev.alternator.local.engine.table.Table;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Recovery from the files a killed process leaves: copies of a data directory taken while it is open (what a
 * SIGKILL leaves behind, since every record is in the operating system's hands), with the last record torn or
 * damaged, and with snapshots taken while writers ran.
 */
class LogRecoveryTests {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	@TempDir
	Path temporary;

	@Test
	void tornLastRecordIsDroppedAndEverythingBeforeItKept() throws IOException {
		Path data = this.temporary.resolve("data");
		try (DataDirectory directory = DataDirectory.open(data, Operations.keyExtractor())) {
			Map<String, Operation> operations = Operations.create(directory.catalog());
			createTable(operations, "torn");
			for (int i = 0; i < 100; i++) {
				put(operations, "torn", "k" + i, "value " + i);
			}
			Path crashed = crashImage(data, "crashed");
			Path log = onlyLog(crashed);
			try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "rw")) {
				// The process died in the middle of writing the last record.
				file.setLength(file.length() - 5);
			}
			assertThat(itemsOf(crashed, "torn")).hasSize(99).containsEntry("k98", "value 98").doesNotContainKey("k99");
		}
	}

	@Test
	void damagedLastRecordIsDetectedByItsChecksum() throws IOException {
		Path data = this.temporary.resolve("data");
		try (DataDirectory directory = DataDirectory.open(data, Operations.keyExtractor())) {
			Map<String, Operation> operations = Operations.create(directory.catalog());
			createTable(operations, "damaged");
			for (int i = 0; i < 50; i++) {
				put(operations, "damaged", "k" + i, "value " + i);
			}
			Path crashed = crashImage(data, "crashed");
			try (RandomAccessFile file = new RandomAccessFile(onlyLog(crashed).toFile(), "rw")) {
				// A byte of the last item's value changed, as a torn page would change it: same length, wrong bytes.
				long position = file.length() - 4;
				file.seek(position);
				int original = file.read();
				file.seek(position);
				file.write(original ^ 0x20);
				// And garbage after it, as a file system may leave after a crash.
				file.seek(file.length());
				file.write(new byte[] { 0, 0, 0, 42, 1, 2, 3 });
			}
			Map<String, String> items = itemsOf(crashed, "damaged");
			assertThat(items).hasSize(49).doesNotContainKey("k49");
			items.forEach((key, value) -> assertThat(value).isEqualTo("value " + key.substring(1)));
		}
	}

	@Test
	void snapshotsTakenWhileWritersRunLoseNothing() throws Exception {
		Path data = this.temporary.resolve("data");
		// A tiny threshold: many snapshots, each taken while four threads write.
		try (DataDirectory directory = DataDirectory.open(data, Operations.keyExtractor(), 32 * 1024)) {
			Map<String, Operation> operations = Operations.create(directory.catalog());
			createTable(operations, "busy");
			List<Thread> writers = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				int thread = t;
				Thread writer = new Thread(() -> {
					for (int i = 0; i < 3000; i++) {
						String key = "k" + ThreadLocalRandom.current().nextInt(2000);
						if (i % 5 == 0) {
							delete(operations, "busy", key);
						}
						else {
							put(operations, "busy", key, "t" + thread + " i" + i + " " + "x".repeat(200));
						}
					}
				}, "writer-" + t);
				writer.start();
				writers.add(writer);
			}
			int snapshotsSeen = 0;
			while (writers.stream().anyMatch(Thread::isAlive)) {
				if (files(data, "snapshot-").size() > 0) {
					snapshotsSeen++;
				}
				Thread.sleep(5);
			}
			for (Thread writer : writers) {
				writer.join();
			}
			assertThat(snapshotsSeen).as("snapshots written while writing").isPositive();
			Map<String, String> expected = new HashMap<>();
			Table table = directory.catalog().get("busy");
			for (Map.Entry<PrimaryKey, StoredItem> entry : table.items().entrySet()) {
				JsonNode item = MAPPER.readTree(entry.getValue().json());
				expected.put(item.path("id").path("S").asText(), item.path("v").path("S").asText());
			}
			// A copy of files that a snapshot replaces meanwhile would mix generations, which no crash can do: a
			// killed process leaves the files of one instant. So copy once the last snapshot is written.
			Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> !directory.compacting());
			Path crashed = crashImage(data, "crashed");
			assertThat(itemsOf(crashed, "busy")).isEqualTo(expected);
		}
		// And the snapshot written on close alone holds it all.
		assertThat(files(data, "wal-")).isEmpty();
		assertThat(files(data, "snapshot-")).hasSize(1);
	}

	@Test
	void secondOpenOfTheSameDirectoryIsRefused() {
		Path data = this.temporary.resolve("data");
		try (DataDirectory directory = DataDirectory.open(data, Operations.keyExtractor())) {
			assertThatThrownBy(() -> DataDirectory.open(data, Operations.keyExtractor()))
				.hasMessageContaining("in use by another engine");
		}
		// Released on close.
		DataDirectory.open(data, Operations.keyExtractor()).close();
	}

	private static Map<String, String> itemsOf(Path directory, String tableName) throws IOException {
		Map<String, String> items = new HashMap<>();
		try (DataDirectory reopened = DataDirectory.open(directory, Operations.keyExtractor())) {
			Table table = reopened.catalog().get(tableName);
			assertThat(table).as("table %s", tableName).isNotNull();
			for (StoredItem stored : table.items().values()) {
				JsonNode item = MAPPER.readTree(stored.json());
				items.put(item.path("id").path("S").asText(), item.path("v").path("S").asText());
			}
			assertThat(table.itemCount()).isEqualTo(items.size());
		}
		return items;
	}

	private Path crashImage(Path data, String name) throws IOException {
		Path copy = this.temporary.resolve(name);
		Files.createDirectories(copy);
		for (Path file : files(data, "")) {
			if (!file.getFileName().toString().equals("lock")) {
				try {
					Files.copy(file, copy.resolve(file.getFileName()));
				}
				catch (java.nio.file.NoSuchFileException ex) {
					// Removed by a snapshot that finished meanwhile: what it held is in the newer files.
				}
			}
		}
		return copy;
	}

	private static Path onlyLog(Path directory) throws IOException {
		List<Path> logs = files(directory, "wal-");
		assertThat(logs).hasSize(1);
		return logs.get(0);
	}

	private static List<Path> files(Path directory, String prefix) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((file) -> file.getFileName().toString().startsWith(prefix)).sorted().toList();
		}
	}

	private static void createTable(Map<String, Operation> operations, String table) {
		execute(operations, "CreateTable", "{\"TableName\":\"" + table + "\",\"KeySchema\":[{\"AttributeName\":\"id\","
				+ "\"KeyType\":\"HASH\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],"
				+ "\"BillingMode\":\"PAY_PER_REQUEST\"}");
	}

	private static void put(Map<String, Operation> operations, String table, String key, String value) {
		execute(operations, "PutItem", "{\"TableName\":\"" + table + "\",\"Item\":{\"id\":{\"S\":\"" + key
				+ "\"},\"v\":{\"S\":\"" + value + "\"}}}");
	}

	private static void delete(Map<String, Operation> operations, String table, String key) {
		execute(operations, "DeleteItem", "{\"TableName\":\"" + table + "\",\"Key\":{\"id\":{\"S\":\"" + key + "\"}}}");
	}

	private static void execute(Map<String, Operation> operations, String operation, String json) {
		try {
			operations.get(operation).execute(MAPPER.readTree(json.getBytes(StandardCharsets.UTF_8)));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
