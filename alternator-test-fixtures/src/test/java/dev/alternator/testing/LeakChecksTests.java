package dev.alternator.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The leak checks fail when something leaks, and pass once it is released: a check that cannot fail is no check.
 */
class LeakChecksTests {

	private final ThreadLeaks threads = ThreadLeaks.ignoring();

	@Test
	void threadStillRunningIsNamed() throws InterruptedException {
		Set<String> before = this.threads.threadNames();
		CountDownLatch release = new CountDownLatch(1);
		Thread leaked = new Thread(() -> awaitQuietly(release), "leaked-by-test");
		leaked.start();
		try {
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> this.threads.assertNoneLeftSince(before))
				.withMessageContaining("leaked-by-test");
		}
		finally {
			release.countDown();
			leaked.join();
		}
		this.threads.assertNoneLeftSince(before);
	}

	@Test
	void threadThatEndsSoonIsWaitedFor() {
		Set<String> before = this.threads.threadNames();
		Thread ending = new Thread(() -> sleepQuietly(300), "ending-soon");
		ending.start();
		assertThat(this.threads.startedSince(before)).contains("ending-soon");
		this.threads.assertNoneLeftSince(before);
	}

	@Test
	void ignoredPrefixesDoNotCount() throws InterruptedException {
		ThreadLeaks ignoring = ThreadLeaks.ignoring("pool-of-the-jvm");
		Set<String> before = ignoring.threadNames();
		CountDownLatch release = new CountDownLatch(1);
		Thread shared = new Thread(() -> awaitQuietly(release), "pool-of-the-jvm-1");
		shared.start();
		try {
			assertThat(ignoring.startedSince(before)).isEmpty();
		}
		finally {
			release.countDown();
			shared.join();
		}
	}

	@Test
	void portStillBoundIsReported() throws IOException {
		try (ServerSocket taken = new ServerSocket()) {
			taken.bind(new InetSocketAddress("127.0.0.1", 0));
			int port = taken.getLocalPort();
			assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> Ports.assertFree(port, "127.0.0.1"))
				.withMessageContaining(port + " still taken on 127.0.0.1");
			taken.close();
			assertThatNoException().isThrownBy(() -> Ports.assertFree(port, "127.0.0.1"));
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleepQuietly(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
