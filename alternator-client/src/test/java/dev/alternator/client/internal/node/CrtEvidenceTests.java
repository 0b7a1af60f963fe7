package dev.alternator.client.internal.node;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.crt.http.HttpException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CRT's failures, as the SDK wraps them, are evidence about the node when they are about reaching it, and not when
 * they are about the client's own pool.
 */
class CrtEvidenceTests {

	@Test
	void refusedConnectionAndNoBytesInTimeMeanUnreachable() {
		assertThat(NodeFailures.classify(acquiring(1047))).isEqualTo(NodeFailures.Evidence.UNREACHABLE);
		assertThat(NodeFailures.classify(new IOException(new HttpException(2073))))
			.isEqualTo(NodeFailures.Evidence.UNREACHABLE);
	}

	@Test
	void poolAcquisitionTimeoutIsTheClientsOwn() {
		assertThat(NodeFailures.classify(acquiring(2093))).isEqualTo(NodeFailures.Evidence.CLIENT_SIDE);
		assertThat(NodeFailures.classify(acquiring(2094))).isEqualTo(NodeFailures.Evidence.CLIENT_SIDE);
	}

	@Test
	void closedConnectionIsOneBrokenConnection() {
		assertThat(NodeFailures.classify(new IOException(new HttpException(2058))))
			.isEqualTo(NodeFailures.Evidence.BROKEN);
	}

	/** How the SDK's CRT client reports a failure to get a connection. */
	private static IOException acquiring(int code) {
		return new IOException("An exception occurred when acquiring a connection", new HttpException(code));
	}

}
