package dev.alternator.local;

/**
 * Thrown when a {@link LocalCluster} cannot be started or controlled as asked. The message says what
 * went wrong and how to fix it.
 */
public class LocalClusterException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception with the given message.
	 * @param message what went wrong and how to fix it
	 */
	public LocalClusterException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with the given message and cause.
	 * @param message what went wrong and how to fix it
	 * @param cause the underlying failure
	 */
	public LocalClusterException(String message, Throwable cause) {
		super(message, cause);
	}

}
