package dev.alternator.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A thread-leak check: the names of the live threads before, and what is left once the thing under test is closed.
 * Threads that live as long as the JVM, whoever starts them first, never count.
 */
public final class ThreadLeaks {

	/** Threads of the JDK and the SDK that outlive any one client or cluster. */
	private static final List<String> JVM_WIDE = List.of("idle-connection-reaper", "Attach", "Common-Cleaner",
			"ForkJoinPool");

	private final List<String> ignoredPrefixes;

	private ThreadLeaks(List<String> ignoredPrefixes) {
		this.ignoredPrefixes = ignoredPrefixes;
	}

	/**
	 * A check that ignores the JVM-wide threads and those whose names start with one of the given prefixes.
	 * @param prefixes more name prefixes of threads that the test does not own
	 * @return the check
	 */
	public static ThreadLeaks ignoring(String... prefixes) {
		List<String> ignored = new ArrayList<>(JVM_WIDE);
		ignored.addAll(List.of(prefixes));
		return new ThreadLeaks(List.copyOf(ignored));
	}

	/**
	 * The names of the live threads that are not ignored.
	 * @return the names
	 */
	public Set<String> threadNames() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(Thread::isAlive)
			.map(Thread::getName)
			.filter((name) -> this.ignoredPrefixes.stream().noneMatch(name::startsWith))
			.collect(Collectors.toSet());
	}

	/**
	 * The threads that run now and did not before.
	 * @param before the names taken before with {@link #threadNames()}
	 * @return the names of the new threads
	 */
	public Set<String> startedSince(Set<String> before) {
		return threadNames().stream().filter((name) -> !before.contains(name)).collect(Collectors.toSet());
	}

	/**
	 * Waits until every thread started since {@code before} has ended, and fails naming those that did not.
	 * Pools end their threads asynchronously, so the check waits (up to 10 seconds, for loaded machines).
	 * @param before the names taken before with {@link #threadNames()}
	 */
	public void assertNoneLeftSince(Set<String> before) {
		try {
			// Polled on this thread: Awaitility's own poll thread would count as a thread started since.
			Awaitility.await()
				.pollInSameThread()
				.atMost(Duration.ofSeconds(10))
				.until(() -> startedSince(before).isEmpty());
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			// Fall through: the assertion names the leftover threads.
		}
		assertThat(startedSince(before)).as("threads left running").isEmpty();
	}

}
