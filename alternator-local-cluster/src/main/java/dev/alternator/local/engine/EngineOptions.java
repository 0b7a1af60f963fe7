package dev.alternator.local.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link AlternatorEngine} runs its background work, and where it keeps its data.
 * @param ttlScanPeriod how often expired items (TTL) are looked for and deleted
 * @param streamRetention how long a stream keeps a change (Alternator keeps 24 hours)
 * @param dataDirectory the directory that keeps the tables and items across restarts, or {@code null} to keep
 * them in memory only (see {@link AlternatorEngine#create(Path)})
 */
public record EngineOptions(Duration ttlScanPeriod, Duration streamRetention, Path dataDirectory) {

	/** The TTL scan period of a local cluster: short, so that tests see expiry soon. */
	public static final Duration DEFAULT_TTL_SCAN_PERIOD = Duration.ofSeconds(2);

	/** How long Alternator keeps stream records. */
	public static final Duration DEFAULT_STREAM_RETENTION = Duration.ofHours(24);

	/**
	 * Checks the options.
	 * @param ttlScanPeriod the TTL scan period, positive
	 * @param streamRetention the stream retention, positive
	 * @param dataDirectory the data directory, or {@code null} for memory only
	 */
	public EngineOptions {
		Objects.requireNonNull(ttlScanPeriod, "ttlScanPeriod");
		Objects.requireNonNull(streamRetention, "streamRetention");
		if (ttlScanPeriod.isNegative() || ttlScanPeriod.isZero()) {
			throw new IllegalArgumentException("ttlScanPeriod must be positive, got " + ttlScanPeriod);
		}
		if (streamRetention.isNegative() || streamRetention.isZero()) {
			throw new IllegalArgumentException("streamRetention must be positive, got " + streamRetention);
		}
	}

	/**
	 * The defaults: a TTL scan every 2 seconds, stream records kept 24 hours, data in memory only.
	 * @return the default options
	 */
	public static EngineOptions defaults() {
		return new EngineOptions(DEFAULT_TTL_SCAN_PERIOD, DEFAULT_STREAM_RETENTION, null);
	}

	/**
	 * A copy with another TTL scan period.
	 * @param period the period
	 * @return the new options
	 */
	public EngineOptions withTtlScanPeriod(Duration period) {
		return new EngineOptions(period, this.streamRetention, this.dataDirectory);
	}

	/**
	 * A copy with another stream retention.
	 * @param retention the retention
	 * @return the new options
	 */
	public EngineOptions withStreamRetention(Duration retention) {
		return new EngineOptions(this.ttlScanPeriod, retention, this.dataDirectory);
	}

	/**
	 * A copy with another data directory.
	 * @param directory the directory, created when missing, or {@code null} for memory only
	 * @return the new options
	 */
	public EngineOptions withDataDirectory(Path directory) {
		return new EngineOptions(this.ttlScanPeriod, this.streamRetention, directory);
	}

}
