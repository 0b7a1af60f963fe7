package dev.alternator.client.internal.node;

import java.util.Set;

/**
 * What an AWS CRT error says about the node. CRT reports its failures as an {@code HttpException} with a numeric error
 * code (wrapped in an {@code IOException} by the SDK), not as the JDK's socket exceptions the other rules know. The code
 * is read reflectively: the CRT jar has no module name to require, and is optional.
 */
final class CrtEvidence {

	static final String EXCEPTION = "software.amazon.awssdk.crt.http.HttpException";

	/**
	 * Connection refused, socket timeout, no route to host, network down, the three DNS failures; a connection that
	 * moved no bytes for the read timeout (throughput failure) or no first byte in time.
	 */
	private static final Set<Integer> UNREACHABLE = Set.of(1047, 1048, 1049, 1050, 1058, 1059, 1060, 2073, 2092);

	/**
	 * The client's own pool: acquisition timeout, too many pending acquisitions, a manager shutting down or released.
	 */
	private static final Set<Integer> CLIENT_SIDE = Set.of(2068, 2072, 2093, 2094);

	private CrtEvidence() {
	}

	/**
	 * The evidence of a CRT exception, or {@code null} when its code says nothing certain (a closed connection, a
	 * protocol error: then the general rules apply, as to any broken connection).
	 * @param crtException an exception of class {@value #EXCEPTION}
	 */
	static NodeFailures.Evidence of(Throwable crtException) {
		int code;
		try {
			code = (Integer) crtException.getClass().getMethod("getErrorCode").invoke(crtException);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null;
		}
		if (UNREACHABLE.contains(code)) {
			return NodeFailures.Evidence.UNREACHABLE;
		}
		if (CLIENT_SIDE.contains(code)) {
			return NodeFailures.Evidence.CLIENT_SIDE;
		}
		return null;
	}

}
