package dev.alternator.spring.autoconfigure;

/**
 * Thrown at start-up when no seeds are configured and no connection details bean supplies them.
 */
public class NoAlternatorSeedsException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	NoAlternatorSeedsException() {
		super("No Alternator seeds configured (alternator.seeds is empty)");
	}

}
