package dev.alternator.local.engine.table;

/**
 * Whether a secondary index is global (its own partition key) or local (the table's partition key).
 */
public enum IndexKind {

	/** A global secondary index. */
	GLOBAL,

	/** A local secondary index. */
	LOCAL

}
