package dev.alternator.local.engine.table;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TableStorageTests {

	private static final KeySchema TABLE_KEY = new KeySchema(new KeyAttribute("p", KeyType.S),
			new KeyAttribute("c", KeyType.N));

	private static final KeySchema INDEX_KEY = new KeySchema(new KeyAttribute("g", KeyType.S), null);

	/** Items in these tests are "p|c|g" strings; g may be empty (then the item is not in the index). */
	private static final KeyExtractor KEYS = (item, schema) -> {
		String[] parts = new String(item.json(), StandardCharsets.UTF_8).split("\\|", -1);
		if (schema == TABLE_KEY) {
			return PrimaryKey.of(KeyPart.ofString(parts[0]), KeyPart.ofNumber(new BigDecimal(parts[1])));
		}
		return parts[2].isEmpty() ? null : PrimaryKey.of(KeyPart.ofString(parts[2]), null);
	};

	private static StoredItem item(String p, int c, String g) {
		byte[] json = (p + "|" + c + "|" + g).getBytes(StandardCharsets.UTF_8);
		return new StoredItem(json, json.length);
	}

	private static PrimaryKey key(String p, int c) {
		return PrimaryKey.of(KeyPart.ofString(p), KeyPart.ofNumber(BigDecimal.valueOf(c)));
	}

	private static Table table() {
		IndexDefinition index = new IndexDefinition("by_g", IndexKind.GLOBAL, INDEX_KEY, ProjectionType.ALL, List.of());
		TableDefinition definition = new TableDefinition("storage", UUID.randomUUID(), Instant.now(), TABLE_KEY,
				Map.of("p", KeyType.S, "c", KeyType.N, "g", KeyType.S), Map.of("by_g", index),
				new TableDefinition.Settings("PAY_PER_REQUEST", 0, 0, false, null, Map.of()));
		return new Table(definition, KEYS);
	}

	@Test
	void aPartitionIsOneContiguousRangeOrderedBySortKeyBetweenItsBounds() {
		ConcurrentSkipListMap<PrimaryKey, String> keys = new ConcurrentSkipListMap<>();
		for (String p : List.of("a", "b", "c", "d")) {
			for (int c : new int[] { 10, -3, 2, 100 }) {
				keys.put(key(p, c), p + c);
			}
		}
		List<String> partition = new ArrayList<>(keys
			.subMap(PrimaryKey.partitionStart(KeyPart.ofString("b")), true,
					PrimaryKey.partitionEnd(KeyPart.ofString("b")), true)
			.values());
		assertThat(partition).containsExactly("b-3", "b2", "b10", "b100");
		KeyPart b = KeyPart.ofString("b");
		KeyPart two = KeyPart.ofNumber(BigDecimal.valueOf(2));
		assertThat(keys.subMap(PrimaryKey.rangeBound(b, two, false), true, PrimaryKey.rangeBound(b, two, true), true)
			.values()).containsExactly("b2");
		assertThat(keys.subMap(PrimaryKey.rangeBound(b, two, true), true, PrimaryKey.partitionEnd(b), true).values())
			.containsExactly("b10", "b100");
	}

	@Test
	void numbersAreOneKeyWhateverTheirScale() {
		assertThat(KeyPart.ofNumber(new BigDecimal("1.0"))).isEqualTo(KeyPart.ofNumber(new BigDecimal("1")))
			.hasSameHashCodeAs(KeyPart.ofNumber(new BigDecimal("1")));
		assertThat(key("x", 1)).isEqualTo(PrimaryKey.of(KeyPart.ofString("x"), KeyPart.ofNumber(new BigDecimal("1.00"))));
	}

	@Test
	void tokenBoundsSplitTheKeySpaceWithoutOverlap() {
		ConcurrentSkipListMap<PrimaryKey, Integer> keys = new ConcurrentSkipListMap<>();
		for (int i = 0; i < 1000; i++) {
			keys.put(PrimaryKey.of(KeyPart.ofString("k" + i), null), i);
		}
		PrimaryKey middle = PrimaryKey.tokenStart(0);
		int low = keys.headMap(middle, false).size();
		int high = keys.tailMap(middle, true).size();
		assertThat(low + high).isEqualTo(1000);
		// The token spreads keys: both halves get a fair share.
		assertThat(low).isBetween(350, 650);
		assertThat(keys.headMap(middle).keySet()).allSatisfy((key) -> assertThat(key.token()).isNegative());
	}

	@Test
	void prefixEndIsTheFirstValueAfterEveryValueWithThePrefix() {
		KeyPart ab = KeyPart.ofString("ab");
		KeyPart end = ab.prefixEnd();
		assertThat(KeyPart.ofString("abzzzz").compareTo(end)).isNegative();
		assertThat(KeyPart.ofString("ac").compareTo(end)).isZero();
		assertThat(KeyPart.ofBinary(new byte[] { (byte) 0xFF, (byte) 0xFF }).prefixEnd()).isNull();
		assertThat(KeyPart.ofBinary(new byte[] { 1, (byte) 0xFF }).prefixEnd())
			.isEqualTo(KeyPart.ofBinary(new byte[] { 2 }));
	}

	@Test
	void writesMaintainTheIndexAndTheCounts() {
		Table table = table();
		SecondaryIndex index = table.index("by_g");
		table.write(key("a", 1), item("a", 1, "red"));
		table.write(key("a", 2), item("a", 2, ""));
		assertThat(index.entries()).hasSize(1);
		assertThat(table.itemCount()).isEqualTo(2);
		table.write(key("a", 1), item("a", 1, "blue"));
		assertThat(index.entries().keySet()).extracting((entry) -> new String(entry.indexKey().hash().bytes(),
				StandardCharsets.UTF_8)).containsExactly("blue");
		table.write(key("a", 2), item("a", 2, "blue"));
		assertThat(index.entries()).hasSize(2);
		long size = table.sizeBytes();
		table.write(key("a", 1), null);
		assertThat(index.entries()).hasSize(1);
		assertThat(table.itemCount()).isEqualTo(1);
		assertThat(table.sizeBytes()).isEqualTo(size - item("a", 1, "blue").size());
		assertThat(table.write(key("a", 1), null)).isNull();
		assertThat(table.itemCount()).isEqualTo(1);
	}

	@Test
	void anAddedIndexHoldsTheItemsWrittenBeforeIt() {
		Table table = table();
		for (int i = 0; i < 50; i++) {
			table.write(key("p", i), item("p", i, (i % 2 == 0) ? "even" : ""));
		}
		IndexDefinition added = new IndexDefinition("late", IndexKind.GLOBAL, INDEX_KEY, ProjectionType.KEYS_ONLY,
				List.of());
		Map<String, IndexDefinition> indexes = new java.util.LinkedHashMap<>(table.definition().indexes());
		indexes.put("late", added);
		table.addIndex(added, table.definition().withIndexes(table.definition().attributeDefinitions(), indexes));
		assertThat(table.index("late").entries()).hasSize(25);
		assertThat(table.definition().indexes()).containsKey("late");
		table.removeIndex("late", table.definition().withIndexes(table.definition().attributeDefinitions(),
				Map.of("by_g", table.definition().indexes().get("by_g"))));
		assertThat(table.index("late")).isNull();
	}

}
