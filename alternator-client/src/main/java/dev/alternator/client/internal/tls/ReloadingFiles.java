package dev.alternator.client.internal.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS material read from files and read again when they change, as ScyllaDB's Go client does: at a handshake, at most
 * once per interval, the files' modification times are compared with those of the last read. A change that cannot be
 * read (a half-written or broken file) keeps the material in use and logs one warning per change, naming the files and
 * the problem, never their content.
 * @param <T> the material, for example a key manager
 */
public final class ReloadingFiles<T> implements Supplier<T> {

	private static final Logger logger = LoggerFactory.getLogger(ReloadingFiles.class);

	private final String what;

	private final List<Path> files;

	private final long intervalNanos;

	private final Loader<T> loader;

	private final AtomicLong nextCheckNanos;

	private volatile T current;

	/** The modification times of the files at the last read, or of the last broken change warned about. */
	private volatile List<FileTime> seen;

	/**
	 * Reads the files once; a failure here is the caller's: the client must not start without its material.
	 * @param what what the files hold, for messages (for example "client certificate")
	 * @param files the files, all checked for changes
	 * @param interval the shortest time between two checks
	 * @param loader reads the material
	 * @throws IllegalArgumentException naming the files when they cannot be read
	 */
	public ReloadingFiles(String what, List<Path> files, Duration interval, Loader<T> loader) {
		this.what = what;
		this.files = List.copyOf(files);
		this.intervalNanos = interval.toNanos();
		this.loader = loader;
		try {
			this.seen = modificationTimes();
			this.current = Objects.requireNonNull(loader.load());
		}
		catch (IOException | java.security.GeneralSecurityException | RuntimeException ex) {
			throw new IllegalArgumentException("Cannot read the TLS " + what + " from " + this.files + ": " + ex.getMessage(),
					ex);
		}
		this.nextCheckNanos = new AtomicLong(System.nanoTime() + this.intervalNanos);
	}

	/**
	 * The current material, read again first when a check is due and the files changed.
	 * @return the material
	 */
	@Override
	public T get() {
		long now = System.nanoTime();
		long due = this.nextCheckNanos.get();
		// One handshake per interval checks; the others use what is there.
		if (now - due >= 0 && this.nextCheckNanos.compareAndSet(due, now + this.intervalNanos)) {
			reloadIfChanged();
		}
		return this.current;
	}

	private void reloadIfChanged() {
		List<FileTime> times;
		try {
			times = modificationTimes();
		}
		catch (IOException ex) {
			warnOnce(null, ex);
			return;
		}
		if (times.equals(this.seen)) {
			return;
		}
		try {
			T material = Objects.requireNonNull(this.loader.load());
			this.current = material;
			this.seen = times;
			logger.info("Reloaded the TLS {} from {}", this.what, this.files);
		}
		catch (IOException | java.security.GeneralSecurityException | RuntimeException ex) {
			warnOnce(times, ex);
		}
	}

	private void warnOnce(List<FileTime> times, Exception ex) {
		if (times != null && times.equals(this.seen)) {
			return;
		}
		if (times != null) {
			// Remember the broken change so that it is warned about once, not at every check.
			this.seen = times;
		}
		logger.warn("The TLS {} files {} changed but cannot be read ({}: {}); the previous material stays in use",
				this.what, this.files, ex.getClass().getSimpleName(), ex.getMessage());
	}

	private List<FileTime> modificationTimes() throws IOException {
		List<FileTime> times = new ArrayList<>(this.files.size());
		for (Path file : this.files) {
			times.add(Files.getLastModifiedTime(file));
		}
		return times;
	}

	/**
	 * Reads the material from the files.
	 * @param <T> the material
	 */
	@FunctionalInterface
	public interface Loader<T> {

		/**
		 * Reads the material.
		 * @return the material
		 * @throws IOException when a file cannot be read
		 * @throws java.security.GeneralSecurityException when its content is not valid
		 */
		T load() throws IOException, java.security.GeneralSecurityException;

	}

}
