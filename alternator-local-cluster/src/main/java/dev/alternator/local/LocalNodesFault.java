package dev.alternator.local;

/**
 * A broken answer that a {@link LocalNode} gives to {@code GET /localnodes}, to test how clients cope
 * with a misbehaving discovery endpoint.
 */
public enum LocalNodesFault {

	/** The correct answer. */
	NONE,

	/** A body that is not JSON at all. */
	INVALID_JSON,

	/** An HTML error page with status 200, as a misconfigured proxy would send. */
	HTML,

	/** Valid JSON that is not an array. */
	NOT_ARRAY,

	/** An empty array, as if the node knew no live node. */
	EMPTY_ARRAY,

	/** An array whose entries are not addresses. */
	NON_ADDRESS_ENTRIES,

	/** HTTP 500 with an error body. */
	SERVER_ERROR,

	/** The correct answer, but only after {@link LocalNode#SLOW_LOCAL_NODES_DELAY}. */
	SLOW,

	/**
	 * No answer at all while the fault lasts: the request is read and held, then the connection is closed when the
	 * fault is cleared or the node stops.
	 */
	STALL,

	/**
	 * An answer that never ends: status 200 and headers at once, then one byte of body per
	 * {@link LocalNode#TRICKLE_INTERVAL} for as long as the fault lasts, far short of the declared length. A client
	 * with only a per-read timeout waits for ever.
	 */
	TRICKLE,

	/**
	 * {@code 307 Temporary Redirect}: by default to an address where nothing listens, or to the location given to
	 * {@link LocalNode#redirectLocalNodes(java.net.URI)}. A discovery client must not follow it.
	 */
	REDIRECT,

	/** A well-formed list of {@link LocalNode#UNREACHABLE_ADDRESSES}, loopback addresses where no node listens. */
	UNREACHABLE_ADDRESSES

}
