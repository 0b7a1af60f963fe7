package dev.alternator.local.engine.table;

/**
 * Which attributes a secondary index holds besides the keys.
 */
public enum ProjectionType {

	/** Every attribute of the item. */
	ALL,

	/** Only the table's and the index's key attributes. */
	KEYS_ONLY,

	/** The keys and a listed set of other attributes. */
	INCLUDE

}
