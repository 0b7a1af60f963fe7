package dev.alternator.local.engine.stream;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.LongSupplier;

import dev.alternator.local.engine.table.PrimaryKey;
import dev.alternator.local.engine.table.StoredItem;
import dev.alternator.local.engine.table.WriteListener;

/**
 * The stream of one table: every change made while the stream was enabled, in order, each kept for the
 * retention period (Alternator keeps 24 hours). A stream has one shard; sequence numbers grow by one per
 * change. A disabled stream stops capturing but stays readable until its table is deleted.
 */
public final class StreamLog implements WriteListener {

	private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS")
		.withZone(ZoneOffset.UTC);

	// Sequence numbers are decimal strings of one fixed width, so that they also sort as text.
	private static final String SEQUENCE_PREFIX = "1";

	private static final int SEQUENCE_DIGITS = 20;

	private final String tableName;

	private final UUID tableId;

	private final String viewType;

	private final Instant created;

	private final long retentionMillis;

	private final LongSupplier clock;

	private final ArrayDeque<StreamChange> changes = new ArrayDeque<>();

	private long lastSequence;

	private volatile boolean enabled = true;

	/**
	 * Creates an enabled stream with no changes.
	 * @param tableName the table's name
	 * @param tableId the table's id
	 * @param viewType the StreamViewType
	 * @param retention how long a change is kept
	 * @param clock the wall clock, in epoch milliseconds
	 */
	public StreamLog(String tableName, UUID tableId, String viewType, Duration retention, LongSupplier clock) {
		this.tableName = Objects.requireNonNull(tableName, "tableName");
		this.tableId = Objects.requireNonNull(tableId, "tableId");
		this.viewType = Objects.requireNonNull(viewType, "viewType");
		this.retentionMillis = retention.toMillis();
		this.clock = clock;
		this.created = Instant.ofEpochMilli(clock.getAsLong());
	}

	@Override
	public void written(PrimaryKey key, StoredItem old, StoredItem item) {
		long now = this.clock.getAsLong();
		boolean byService = ServiceWrites.active();
		synchronized (this) {
			trim(now);
			this.changes.addLast(new StreamChange(++this.lastSequence, now, key, old, item, byService));
		}
	}

	/**
	 * Changes from a sequence number on, oldest first.
	 * @param threshold the sequence number to start at or after
	 * @param inclusive whether a change with the threshold's number is included
	 * @param limit the most changes to return
	 * @return the changes, still within the retention period
	 */
	public synchronized List<StreamChange> read(long threshold, boolean inclusive, int limit) {
		trim(this.clock.getAsLong());
		List<StreamChange> read = new ArrayList<>(Math.min(limit, this.changes.size()));
		Iterator<StreamChange> iterator = this.changes.iterator();
		while (iterator.hasNext() && read.size() < limit) {
			StreamChange change = iterator.next();
			if (change.sequence() > threshold || (inclusive && change.sequence() == threshold)) {
				read.add(change);
			}
		}
		return read;
	}

	/**
	 * The sequence number of the last change made so far.
	 * @return the number, 0 when none was made
	 */
	public synchronized long lastSequence() {
		return this.lastSequence;
	}

	/**
	 * Whether reading after a sequence number can still find changes: the stream is enabled or holds later
	 * changes.
	 * @param after a sequence number
	 * @return {@code true} when the shard is still open to that reader
	 */
	public synchronized boolean hasMoreAfter(long after) {
		return this.enabled || (!this.changes.isEmpty() && this.changes.peekLast().sequence() > after);
	}

	/**
	 * Stops capturing changes; what was captured stays readable.
	 */
	public void disable() {
		this.enabled = false;
	}

	/**
	 * Whether the stream captures changes.
	 * @return {@code true} until {@link #disable()}
	 */
	public boolean enabled() {
		return this.enabled;
	}

	/**
	 * The table's name.
	 * @return the name
	 */
	public String tableName() {
		return this.tableName;
	}

	/**
	 * The table's id.
	 * @return the id
	 */
	public UUID tableId() {
		return this.tableId;
	}

	/**
	 * The StreamViewType.
	 * @return the view type
	 */
	public String viewType() {
		return this.viewType;
	}

	/**
	 * When the stream was enabled.
	 * @return the time
	 */
	public Instant created() {
		return this.created;
	}

	/**
	 * The stream's label: when it was enabled, as an ISO time.
	 * @return the label
	 */
	public String label() {
		return LABEL.format(this.created);
	}

	/**
	 * The stream's ARN, in Alternator's form (the keyspace and the CDC log table, then the label).
	 * @return the ARN
	 */
	public String arn() {
		return "arn:aws:dynamodb:us-east-1:000000000000:table/alternator_" + this.tableName + "@" + this.tableName
				+ "_scylla_cdc_log/stream/" + label();
	}

	/**
	 * The id of the stream's only shard.
	 * @return the shard id
	 */
	public String shardId() {
		return "H " + Long.toHexString(this.created.toEpochMilli()) + ":"
				+ this.tableId.toString().replace("-", "");
	}

	/**
	 * A sequence number as the API shows it.
	 * @param sequence the number
	 * @return its text
	 */
	public static String formatSequence(long sequence) {
		String digits = Long.toString(sequence);
		return SEQUENCE_PREFIX + "0".repeat(Math.max(0, SEQUENCE_DIGITS - digits.length())) + digits;
	}

	/**
	 * Reads a sequence number the API showed.
	 * @param text the text
	 * @return the number, or -1 when the text is not one
	 */
	public static long parseSequence(String text) {
		if (text == null || text.length() != SEQUENCE_PREFIX.length() + SEQUENCE_DIGITS
				|| !text.startsWith(SEQUENCE_PREFIX)) {
			return -1;
		}
		try {
			return Long.parseLong(text.substring(SEQUENCE_PREFIX.length()));
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private void trim(long now) {
		long oldest = now - this.retentionMillis;
		while (!this.changes.isEmpty() && this.changes.peekFirst().epochMillis() < oldest) {
			this.changes.removeFirst();
		}
	}

}
