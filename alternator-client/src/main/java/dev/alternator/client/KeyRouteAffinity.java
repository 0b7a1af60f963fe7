package dev.alternator.client;

/**
 * Which writes go to a node chosen by their partition key rather than to the next node in turn. ScyllaDB runs
 * conditional writes as lightweight transactions (Paxos); when every write of a partition reaches the same coordinator,
 * they stop contending with each other across coordinators. The node is chosen as ScyllaDB's Go and Java Alternator
 * libraries choose it, so applications in several languages agree.
 */
public enum KeyRouteAffinity {

	/**
	 * Every request goes to the next node in turn (the default).
	 */
	NONE,

	/**
	 * Read-modify-write operations only, the ones Alternator runs as lightweight transactions in its
	 * {@code only_rmw_uses_lwt} write isolation: {@code PutItem} and {@code DeleteItem} with a condition
	 * ({@code ConditionExpression} or legacy {@code Expected}) or {@code ReturnValues} other than {@code NONE};
	 * {@code UpdateItem} with an {@code UpdateExpression}, a condition, {@code ReturnValues} {@code ALL_OLD},
	 * {@code UPDATED_OLD} or {@code ALL_NEW}, or a legacy {@code ADD}, or {@code DELETE} of a value.
	 */
	RMW,

	/**
	 * Every {@code PutItem}, {@code UpdateItem} and {@code DeleteItem}, and {@code BatchWriteItem} (its writes vote
	 * for a node), for clusters whose write isolation runs every write as a lightweight transaction.
	 */
	ANY_WRITE

}
