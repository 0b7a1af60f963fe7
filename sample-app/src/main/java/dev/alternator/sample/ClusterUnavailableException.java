package dev.alternator.sample;

/**
 * The database cannot be reached at the moment: answered with 503 and {@code Retry-After}.
 */
class ClusterUnavailableException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	ClusterUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
