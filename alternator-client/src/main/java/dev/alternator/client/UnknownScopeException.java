package dev.alternator.client;

/**
 * Thrown by {@link AlternatorLoadBalancer#verifyScope()} when the configured datacenter or rack has no node in the
 * cluster. The message names what is unknown.
 */
public class UnknownScopeException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	UnknownScopeException(String message) {
		super(message);
	}

}
