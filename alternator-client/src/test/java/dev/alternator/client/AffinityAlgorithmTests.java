package dev.alternator.client;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import dev.alternator.client.internal.affinity.AffinityKeys;
import dev.alternator.client.internal.affinity.GoRandom;
import dev.alternator.client.internal.affinity.GoRandomPrefix;
import dev.alternator.client.internal.affinity.PartitionKeyHash;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The building blocks of key-route affinity give what ScyllaDB's Go and Java Alternator libraries give: the same
 * generator as Go's {@code math/rand}, the same partition-key hash, the same node order. The expected values are the
 * libraries' published cross-language vectors and Go's own outputs.
 */
class AffinityAlgorithmTests {

	@Test
	void goRandomSeededWithOneGivesGosFamousFirstValues() {
		// rand.New(rand.NewSource(1)).Int63() in Go, four times.
		GoRandom random = new GoRandom(1);
		assertThat(new long[] { random.nextInt63(), random.nextInt63(), random.nextInt63(), random.nextInt63() })
			.containsExactly(5577006791947779410L, 8674665223082153551L, 6129484611666145821L, 4037200794235010051L);
	}

	@Test
	void prefixDrawsEqualTheFullGeneratorsIncludingPastTheHandOver() {
		java.util.SplittableRandom seeds = new java.util.SplittableRandom(7);
		long[] special = { 0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE, 89482311 };
		for (int i = 0; i < 200; i++) {
			long seed = (i < special.length) ? special[i] : seeds.nextLong();
			GoRandom full = new GoRandom(seed);
			GoRandomPrefix prefix = new GoRandomPrefix(seed);
			int draws = (i < 20) ? 700 : 12;
			for (int draw = 0; draw < draws; draw++) {
				int bound = 1 + (draw % 9);
				assertThat(prefix.nextInt(bound)).as("seed %d, draw %d", seed, draw).isEqualTo(full.nextInt(bound));
			}
		}
	}

	@Test
	void cookedStateDerivedByJumpingAheadEqualsStepByStep() {
		for (int steps : new int[] { 0, 1, 272, 273, 606, 607, 608, 10_000, 123_457 }) {
			assertThat(GoRandom.CookedState.compute(steps)).as("after %d steps", steps)
				.containsExactly(stepByStep(steps));
		}
	}

	/**
	 * Go's gen_cooked.go, run literally: seed 1 with its 20/10-bit mixing, then the given number of steps.
	 */
	private static long[] stepByStep(int steps) {
		long[] state = new long[607];
		GoRandom.fillFromSeed(state, 1, 20, 10);
		int tap = 0;
		int feed = 607 - 273;
		for (int step = 0; step < steps; step++) {
			tap = (tap == 0) ? 606 : tap - 1;
			feed = (feed == 0) ? 606 : feed - 1;
			state[feed] += state[tap];
		}
		return state;
	}

	@Test
	void goRandomIntnFollowsGosRejectionRule() {
		GoRandom random = new GoRandom(42);
		GoRandom same = new GoRandom(42);
		for (int i = 0; i < 1000; i++) {
			int bound = 1 + (i % 37);
			int expected;
			if ((bound & (bound - 1)) == 0) {
				expected = same.nextInt31() & (bound - 1);
			}
			else {
				long limit = (1L << 31) - 1 - ((1L << 31) % bound);
				int value = same.nextInt31();
				while (value > limit) {
					value = same.nextInt31();
				}
				expected = value % bound;
			}
			assertThat(random.nextInt(bound)).isEqualTo(expected);
		}
		assertThatIllegalArgumentException().isThrownBy(() -> random.nextInt(0)).withMessageContaining("positive");
	}

	/**
	 * The cross-language query-plan vectors of ScyllaDB's Go library (shared/query_plan_unit_test.go): ten nodes
	 * {@code node1.example.com:8043} to {@code node10...} in that order, the first six picks for a seed.
	 */
	@ParameterizedTest(name = "seed {0}")
	@CsvSource(delimiter = '|', value = { "42|10|6 9 5 2 7 1", "123|10|6 1 4 3 10 5", "999|10|5 10 4 1 2 3",
			"0|10|5 1 2 10 6 8", "-1|10|2 5 1 3 6 10", "12345|10|4 5 1 7 6 8", "9223372036854775807|10|2 7 8 1 10 4",
			"42|6|6 3 1 4 2 5" })
	void seededOrderMatchesTheGoLibrarysVectors(long seed, int nodeCount, String firstSix) {
		AlternatorNode[] nodes = IntStream.rangeClosed(1, nodeCount)
			.mapToObj((n) -> AlternatorNode.of("http", "node" + n + ".example.com", 8043))
			.toArray(AlternatorNode[]::new);
		List<String> picked = Arrays.stream(AffinityKeys.seededOrder(nodes, seed))
			.limit(6)
			.map(AlternatorNode::host)
			.toList();
		List<String> expected = Arrays.stream(firstSix.split(" ")).map((n) -> "node" + n + ".example.com").toList();
		assertThat(picked).isEqualTo(expected);
	}

	@Test
	void seededOrderIsAPermutation() {
		AlternatorNode[] nodes = IntStream.rangeClosed(1, 7)
			.mapToObj((n) -> AlternatorNode.of("http", "10.0.0." + n, 8000))
			.toArray(AlternatorNode[]::new);
		for (long seed = -50; seed < 50; seed++) {
			assertThat(AffinityKeys.seededOrder(nodes, seed)).containsExactlyInAnyOrder(nodes);
		}
	}

	/**
	 * The typed-hash vectors of ScyllaDB's Go library (sdkv2/hasher_test.go) for the partition-key types.
	 */
	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', value = { "S|hello|8815023923555918238", "S||8849112093580131862",
			"S|user_123|-4025731529809423594", "S|こんにちは|-8746014667889746860", "N|42|-5061732451827723051",
			"N|-12345|2496798676881075539", "N|3.14159|2139945193071104172", "N|1.23E10|-8571981415737439826",
			"S|12345|-6122888897254035317", "N|12345|-3190731486301745196" })
	void partitionKeyHashMatchesTheGoLibrarysVectors(String type, String text, long expected) {
		String value = (text != null) ? text : "";
		AttributeValue attribute = "S".equals(type) ? AttributeValue.fromS(value) : AttributeValue.fromN(value);
		assertThat(PartitionKeyHash.of(attribute)).isEqualTo(expected);
	}

	@Test
	void binaryPartitionKeysHashTheirRawBytes() {
		assertThat(PartitionKeyHash.of(AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] { 1, 2, 3 }))))
			.isEqualTo(5026299041734804437L);
		assertThat(PartitionKeyHash.of(AttributeValue.fromB(SdkBytes.fromByteArray(new byte[0]))))
			.isEqualTo(8244620721157455449L);
		assertThat(PartitionKeyHash.of(AttributeValue.fromB(SdkBytes.fromUtf8String("12345"))))
			.isEqualTo(-3752463870508600385L);
		// High-bit bytes are unsigned, as the current cross-language specification and both ScyllaDB libraries have
		// it. An older Go release sign-extended tail bytes like Cassandra's Murmur3 and gave 6569165606467461771.
		assertThat(PartitionKeyHash.of(AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] { -1, 0, -128 }))))
			.isEqualTo(14533934253577680L);
	}

	@Test
	void numbersAreHashedAsWrittenNotNormalized() {
		assertThat(PartitionKeyHash.of(AttributeValue.fromN("42")))
			.isNotEqualTo(PartitionKeyHash.of(AttributeValue.fromN("42.0")));
	}

	@Test
	void longValuesHashEveryBlock() {
		// 40 bytes: two full 16-byte blocks and a tail of 8 (with the type byte): every branch of the hash.
		String text = "0123456789abcdefghijklmnopqrstuvwxyzABC";
		long hash = PartitionKeyHash.hash((byte) 1, text.getBytes(StandardCharsets.UTF_8));
		assertThat(hash).isNotEqualTo(PartitionKeyHash.hash((byte) 1, (text + "D").getBytes(StandardCharsets.UTF_8)));
		for (int length = 0; length <= 40; length++) {
			byte[] data = text.substring(0, Math.min(length, text.length())).getBytes(StandardCharsets.UTF_8);
			assertThat(PartitionKeyHash.hash((byte) 7, data)).isEqualTo(referenceMurmur3(7, data));
		}
	}

	/**
	 * MurmurHash3 x64_128, h1 only, written the textbook way over one contiguous array (type byte included).
	 */
	private static long referenceMurmur3(int prefix, byte[] value) {
		byte[] data = new byte[value.length + 1];
		data[0] = (byte) prefix;
		System.arraycopy(value, 0, data, 1, value.length);
		long c1 = 0x87c37b91114253d5L;
		long c2 = 0x4cf5ad432745937fL;
		long h1 = 0;
		long h2 = 0;
		int blocks = data.length / 16;
		java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(data).order(java.nio.ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < blocks; i++) {
			long k1 = buffer.getLong(i * 16);
			long k2 = buffer.getLong(i * 16 + 8);
			h1 ^= Long.rotateLeft(k1 * c1, 31) * c2;
			h1 = (Long.rotateLeft(h1, 27) + h2) * 5 + 0x52dce729;
			h2 ^= Long.rotateLeft(k2 * c2, 33) * c1;
			h2 = (Long.rotateLeft(h2, 31) + h1) * 5 + 0x38495ab5;
		}
		long k1 = 0;
		long k2 = 0;
		int tail = blocks * 16;
		for (int i = data.length - 1; i >= tail; i--) {
			int offset = i - tail;
			if (offset >= 8) {
				k2 |= (data[i] & 0xffL) << ((offset - 8) * 8);
			}
			else {
				k1 |= (data[i] & 0xffL) << (offset * 8);
			}
		}
		if (data.length - tail > 8) {
			h2 ^= Long.rotateLeft(k2 * c2, 33) * c1;
		}
		if (data.length - tail > 0) {
			h1 ^= Long.rotateLeft(k1 * c1, 31) * c2;
		}
		h1 ^= data.length;
		h2 ^= data.length;
		h1 += h2;
		h2 += h1;
		h1 = fmix(h1);
		h2 = fmix(h2);
		return h1 + h2;
	}

	private static long fmix(long k) {
		k = (k ^ (k >>> 33)) * 0xff51afd7ed558ccdL;
		k = (k ^ (k >>> 33)) * 0xc4ceb9fe1a85ec53L;
		return k ^ (k >>> 33);
	}

	@Test
	void ringIsSortedByCanonicalAddressAsTheOtherLibrariesSortIt() {
		List<AlternatorNode> nodes = IntStream.rangeClosed(1, 10)
			.mapToObj((n) -> AlternatorNode.of("http", "node" + n + ".example.com", 8043))
			.toList();
		assertThat(Arrays.stream(AffinityKeys.ring(nodes)).map(AlternatorNode::host))
			.containsExactly("node1.example.com", "node10.example.com", "node2.example.com", "node3.example.com",
					"node4.example.com", "node5.example.com", "node6.example.com", "node7.example.com",
					"node8.example.com", "node9.example.com");
	}

	@Test
	void canonicalFormLeavesOutDefaultPortsAndBracketsIpv6() {
		assertThat(AffinityKeys.canonical(AlternatorNode.of("http", "Node1.Example.com", 80))).isEqualTo("http://node1.example.com");
		assertThat(AffinityKeys.canonical(AlternatorNode.of("https", "node1", 443))).isEqualTo("https://node1");
		assertThat(AffinityKeys.canonical(AlternatorNode.of("https", "node1", 8043))).isEqualTo("https://node1:8043");
		assertThat(AffinityKeys.canonical(AlternatorNode.of("http", "fd00::1", 8000))).isEqualTo("http://[fd00::1]:8000");
	}

	@Test
	void batchOrderPutsMostVotedNodesFirstThenTheRestInRingOrder() {
		AlternatorNode[] ring = AffinityKeys.ring(IntStream.rangeClosed(1, 5)
			.mapToObj((n) -> AlternatorNode.of("http", "10.0.0." + n, 8000))
			.toList());
		long[] hashes = LongStreams.first(40);
		int[] votes = new int[ring.length];
		for (long hash : hashes) {
			votes[new GoRandom(hash).nextInt(ring.length)]++;
		}
		AlternatorNode[] order = AffinityKeys.batch(hashes).order(ring);
		assertThat(order).containsExactlyInAnyOrder(ring);
		for (int i = 1; i < order.length; i++) {
			int before = votes[Arrays.asList(ring).indexOf(order[i - 1])];
			int after = votes[Arrays.asList(ring).indexOf(order[i])];
			assertThat(before).as("votes of %s before %s", order[i - 1], order[i]).isGreaterThanOrEqualTo(after);
			if (before == after) {
				assertThat(AffinityKeys.canonical(order[i - 1])).isLessThan(AffinityKeys.canonical(order[i]));
			}
		}
		// A batch of one key prefers that key's own first node.
		assertThat(AffinityKeys.batch(new long[] { 77 }).order(ring)[0])
			.isEqualTo(AffinityKeys.single(77).order(ring)[0]);
	}

	@Test
	void keysTravelThroughTheHeaderUnchanged() {
		AffinityKeys single = AffinityKeys.single(-8746014667889746860L);
		assertThat(AffinityKeys.fromHeader(single.toHeader())).hasToString(single.toString());
		AffinityKeys batch = AffinityKeys.batch(new long[] { 1, Long.MIN_VALUE, Long.MAX_VALUE });
		assertThat(AffinityKeys.fromHeader(batch.toHeader())).hasToString(batch.toString());
		assertThat(AffinityKeys.fromHeader("key")).isNull();
		assertThat(AffinityKeys.fromHeader("key 1 2")).isNull();
		assertThat(AffinityKeys.fromHeader("other 1")).isNull();
		assertThat(AffinityKeys.fromHeader("key x")).isNull();
	}

	/**
	 * Arbitrary but fixed hashes.
	 */
	private static final class LongStreams {

		static long[] first(int count) {
			return IntStream.range(0, count)
				.mapToLong((i) -> PartitionKeyHash.of(AttributeValue.fromS("key-" + i)))
				.toArray();
		}

	}

}
