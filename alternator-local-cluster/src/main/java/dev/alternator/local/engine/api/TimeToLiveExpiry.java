package dev.alternator.local.engine.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import dev.alternator.local.engine.stream.ServiceWrites;
import dev.alternator.local.engine.table.PrimaryKey;
import dev.alternator.local.engine.table.StoredItem;
import dev.alternator.local.engine.table.Table;
import dev.alternator.local.engine.table.TableCatalog;
import dev.alternator.local.engine.value.AttributeValue;
import dev.alternator.local.engine.value.NumberValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired items: on every table with TTL enabled, an item whose TTL attribute is a number of epoch
 * seconds in the past. One daemon thread, started when TTL is first enabled (an engine that never uses TTL
 * has none), scanning every period; {@link #close()} stops it and waits for it.
 */
final class TimeToLiveExpiry implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(TimeToLiveExpiry.class);

	private final TableCatalog catalog;

	private final long periodMillis;

	private Thread thread;

	private boolean closed;

	TimeToLiveExpiry(TableCatalog catalog, Duration period) {
		this.catalog = catalog;
		this.periodMillis = Math.max(1, period.toMillis());
	}

	/**
	 * Starts the scanning thread unless it runs or the engine is closed.
	 */
	synchronized void start() {
		if (this.thread != null || this.closed) {
			return;
		}
		this.thread = new Thread(this::run, "alternator-ttl-expiry");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	@Override
	public void close() {
		Thread running;
		synchronized (this) {
			this.closed = true;
			running = this.thread;
			this.thread = null;
		}
		if (running != null) {
			running.interrupt();
			try {
				running.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void run() {
		while (!Thread.currentThread().isInterrupted()) {
			try {
				Thread.sleep(this.periodMillis);
			}
			catch (InterruptedException ex) {
				return;
			}
			try {
				scan();
			}
			catch (RuntimeException ex) {
				// One bad scan must not end expiry for good: log and try again next period.
				logger.warn("TTL expiry scan failed", ex);
			}
		}
	}

	/**
	 * Deletes the items that are expired now, table by table.
	 * @return how many items were deleted
	 */
	int scan() {
		int deleted = 0;
		BigDecimal now = BigDecimal.valueOf(System.currentTimeMillis() / 1000);
		for (String name : this.catalog.names(null, Integer.MAX_VALUE)) {
			Table table = this.catalog.get(name);
			String attribute = (table != null) ? table.definition().settings().tags().get(TimeToLive.TAG) : null;
			if (attribute == null) {
				continue;
			}
			byte[] marker = marker(attribute);
			for (Map.Entry<PrimaryKey, StoredItem> entry : table.items().entrySet()) {
				if (Thread.currentThread().isInterrupted()) {
					return deleted;
				}
				// Most items have no number under that name: skip them without parsing.
				if (marker != null && !contains(entry.getValue().json(), marker)) {
					continue;
				}
				if (expired(entry.getValue(), attribute, now)) {
					deleted += delete(table, entry.getKey(), attribute, now);
				}
			}
		}
		return deleted;
	}

	private static int delete(Table table, PrimaryKey key, String attribute, BigDecimal now) {
		ReentrantLock lock = table.lockFor(key);
		lock.lock();
		try {
			// The item may have been rewritten since the scan read it: check again under the lock.
			StoredItem current = table.get(key);
			if (current != null && expired(current, attribute, now)) {
				ServiceWrites.run(() -> table.write(key, null));
				return 1;
			}
			return 0;
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * The bytes that a stored item holding a number under the attribute's name contains, or {@code null} when
	 * the name would be escaped in JSON and no quick test is possible.
	 */
	private static byte[] marker(String attribute) {
		for (int i = 0; i < attribute.length(); i++) {
			char c = attribute.charAt(i);
			if (c < 0x20 || c == '"' || c == '\\') {
				return null;
			}
		}
		return ("\"" + attribute + "\":{\"N\"").getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	private static boolean contains(byte[] json, byte[] marker) {
		outer: for (int i = 0; i <= json.length - marker.length; i++) {
			for (int j = 0; j < marker.length; j++) {
				if (json[i + j] != marker[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	private static boolean expired(StoredItem item, String attribute, BigDecimal now) {
		AttributeValue value = ItemCodec.load(item).get(attribute);
		return value instanceof NumberValue number && number.value().compareTo(now) <= 0;
	}

}
