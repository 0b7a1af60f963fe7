package dev.alternator.local;

/**
 * The state of a {@link LocalNode}, as tests and benchmarks drive it.
 */
public enum NodeState {

	/** Listening and answering every request. */
	RUNNING,

	/** Listed in {@code /localnodes} but answering 503 until its joining period ends. */
	JOINING,

	/** Accepting connections and reading requests, never answering. */
	HUNG,

	/** Not listening: connections are refused. */
	STOPPED,

	/** Stopped after resetting every open connection. */
	KILLED

}
