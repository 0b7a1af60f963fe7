package dev.alternator.spring.autoconfigure.observation;

import io.micrometer.observation.Observation;

/**
 * What one DynamoDB call through the load-balancing client did: its operation, table, the node of its last attempt,
 * how many attempts it took and how it ended.
 */
public class AlternatorObservationContext extends Observation.Context {

	private final String operation;

	private final String table;

	private volatile String node;

	private volatile int attempts;

	private volatile String outcome = "UNKNOWN";

	/**
	 * Creates the context of one call.
	 * @param operation the DynamoDB operation, for example {@code PutItem}
	 * @param table the table, or {@code null} for calls without one (ListTables, batches)
	 */
	public AlternatorObservationContext(String operation, String table) {
		this.operation = operation;
		this.table = table;
	}

	/**
	 * The operation.
	 * @return for example {@code GetItem}
	 */
	public String getOperation() {
		return this.operation;
	}

	/**
	 * The table.
	 * @return the table name, or {@code null}
	 */
	public String getTable() {
		return this.table;
	}

	/**
	 * The node the last attempt went to.
	 * @return {@code host:port}, or {@code null} when no attempt was sent
	 */
	public String getNode() {
		return this.node;
	}

	/**
	 * How many attempts the call took; more than one means retries.
	 * @return the attempts
	 */
	public int getAttempts() {
		return this.attempts;
	}

	/**
	 * How the call ended.
	 * @return {@code SUCCESS}, {@code CLIENT_ERROR} (4xx), {@code SERVER_ERROR} (5xx) or {@code FAILURE} (no answer)
	 */
	public String getOutcome() {
		return this.outcome;
	}

	void attempt(String node) {
		this.node = node;
		this.attempts++;
	}

	void setOutcome(String outcome) {
		this.outcome = outcome;
	}

}
