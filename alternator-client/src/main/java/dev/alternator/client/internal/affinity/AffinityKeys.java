package dev.alternator.client.internal.affinity;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;

import dev.alternator.client.AlternatorNode;

/**
 * The partition-key hashes a write is routed by, and the node order they give over a ring of nodes, exactly as
 * ScyllaDB's Go and Java Alternator libraries compute it, so that clients in every language send the writes of one
 * partition to one coordinator:
 * <ul>
 * <li>the ring is the scope's listed nodes (quarantined ones included, so that a node's health does not move other
 * keys), sorted by their {@linkplain #canonical(AlternatorNode) canonical form};</li>
 * <li>one key: a permutation of the ring drawn with Go's {@code math/rand} seeded by the hash, picking an index with
 * {@code Intn(remaining)} and moving the last node into its place;</li>
 * <li>a batch: each key votes for the first node of its own permutation; nodes by votes (most first, ties in ring
 * order), then the rest of the ring in ring order.</li>
 * </ul>
 * The keys travel from the {@link KeyAffinityInterceptor}, which sees the modelled request, to the
 * {@link RoutingSigner}, which routes each attempt, in one HTTP header that the signer removes before signing: it is
 * never sent.
 */
public final class AffinityKeys {

	/**
	 * The in-process header; removed before the request is signed and sent.
	 */
	public static final String HEADER = "x-alternator-key-affinity";

	private static final Comparator<AlternatorNode> RING_ORDER = Comparator.comparing(AffinityKeys::canonical);

	private final long[] hashes;

	private final boolean batch;

	private AffinityKeys(long[] hashes, boolean batch) {
		this.hashes = hashes;
		this.batch = batch;
	}

	/**
	 * The key of a single-item write.
	 */
	public static AffinityKeys single(long hash) {
		return new AffinityKeys(new long[] { hash }, false);
	}

	/**
	 * The keys of the writes of one batch, one per write; at least one.
	 */
	public static AffinityKeys batch(long[] hashes) {
		if (hashes.length == 0) {
			throw new IllegalArgumentException("A batch routes by at least one key");
		}
		return new AffinityKeys(hashes.clone(), true);
	}

	/**
	 * The form the ring is sorted by, as the other libraries write a node: scheme, lower-case host (IPv6 in
	 * brackets), and the port unless it is the scheme's default.
	 */
	public static String canonical(AlternatorNode node) {
		String host = node.host().toLowerCase(Locale.ROOT);
		String authority = (host.indexOf(':') >= 0) ? "[" + host + "]" : host;
		boolean defaultPort = ("http".equals(node.scheme()) && node.port() == 80)
				|| ("https".equals(node.scheme()) && node.port() == 443);
		return node.scheme() + "://" + authority + (defaultPort ? "" : ":" + node.port());
	}

	public String toHeader() {
		StringBuilder value = new StringBuilder(this.batch ? "batch" : "key");
		for (long hash : this.hashes) {
			value.append(' ').append(hash);
		}
		return value.toString();
	}

	/**
	 * Reads {@link #toHeader()}; {@code null} for a value this class did not write.
	 */
	public static AffinityKeys fromHeader(String value) {
		String[] parts = value.split(" ");
		boolean batch = "batch".equals(parts[0]);
		if ((!batch && !"key".equals(parts[0])) || parts.length < 2 || (!batch && parts.length != 2)) {
			return null;
		}
		long[] hashes = new long[parts.length - 1];
		try {
			for (int i = 1; i < parts.length; i++) {
				hashes[i - 1] = Long.parseLong(parts[i]);
			}
		}
		catch (NumberFormatException ex) {
			return null;
		}
		return new AffinityKeys(hashes, batch);
	}

	/**
	 * The nodes sorted into affinity ring order, without duplicates.
	 */
	public static AlternatorNode[] ring(Collection<AlternatorNode> nodes) {
		return nodes.stream().distinct().sorted(RING_ORDER).toArray(AlternatorNode[]::new);
	}

	/**
	 * The order in which this write tries the nodes of {@code ring} (sorted as {@link #ring(Collection)} sorts).
	 */
	public <T> T[] order(T[] ring) {
		if (ring.length == 0) {
			return ring;
		}
		return this.batch ? votedOrder(ring, this.hashes) : seededOrder(ring, this.hashes[0]);
	}

	/**
	 * The whole permutation Go's seeded pick-and-remove draws from the nodes in the given order.
	 */
	public static <T> T[] seededOrder(T[] nodes, long seed) {
		T[] remaining = nodes.clone();
		T[] order = nodes.clone();
		GoRandomPrefix random = new GoRandomPrefix(seed);
		for (int count = remaining.length; count > 0; count--) {
			int index = random.nextInt(count);
			order[nodes.length - count] = remaining[index];
			remaining[index] = remaining[count - 1];
		}
		return order;
	}

	/**
	 * Each key votes with its first draw only; nodes by votes (most first, ties in ring order), then the rest of the
	 * ring in ring order.
	 */
	private static <T> T[] votedOrder(T[] ring, long[] hashes) {
		int[] votes = new int[ring.length];
		for (long hash : hashes) {
			// A vote is the key's first draw only: no generator state is filled for it.
			votes[new GoRandomPrefix(hash).nextInt(ring.length)]++;
		}
		Integer[] indexes = new Integer[ring.length];
		for (int i = 0; i < indexes.length; i++) {
			indexes[i] = i;
		}
		// Stable sort: ties keep ring order, and nodes without votes come last in ring order.
		Arrays.sort(indexes, (a, b) -> Integer.compare(votes[b], votes[a]));
		T[] order = ring.clone();
		for (int i = 0; i < indexes.length; i++) {
			order[i] = ring[indexes[i]];
		}
		return order;
	}

	@Override
	public String toString() {
		return (this.batch ? "batch keys " : "key ") + Arrays.toString(this.hashes);
	}

}
