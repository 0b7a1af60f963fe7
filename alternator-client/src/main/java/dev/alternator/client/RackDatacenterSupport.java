package dev.alternator.client;

/**
 * Whether the cluster's {@code /localnodes} honours the {@code dc} and {@code rack} parameters (ScyllaDB 2025.1 and
 * later) or ignores them (older versions, where a rack scope silently routes to the whole datacenter).
 */
public enum RackDatacenterSupport {

	/** The parameters filter the answer. */
	SUPPORTED,

	/** The parameters are ignored. */
	UNSUPPORTED,

	/** Not checked yet, or no node could be asked. */
	UNKNOWN

}
