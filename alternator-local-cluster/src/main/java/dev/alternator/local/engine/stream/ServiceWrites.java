package dev.alternator.local.engine.stream;

/**
 * Marks the changes the engine makes on its own (TTL expiry) so that their stream records name the service as
 * their author ({@code userIdentity}), as DynamoDB and Alternator do. The mark is per thread, and only streams
 * look at it.
 */
public final class ServiceWrites {

	private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

	private ServiceWrites() {
	}

	/**
	 * Runs writes as the service.
	 * @param writes the writes
	 */
	public static void run(Runnable writes) {
		ACTIVE.set(Boolean.TRUE);
		try {
			writes.run();
		}
		finally {
			ACTIVE.remove();
		}
	}

	/**
	 * Whether the current thread writes as the service.
	 * @return {@code true} inside {@link #run(Runnable)}
	 */
	static boolean active() {
		return ACTIVE.get() != null;
	}

}
