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
	SLOW

}
