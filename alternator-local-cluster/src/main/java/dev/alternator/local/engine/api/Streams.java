package dev.alternator.local.engine.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

import dev.alternator.local.engine.ApiException;
import dev.alternator.local.engine.stream.StreamLog;
import dev.alternator.local.engine.table.Table;
import dev.alternator.local.engine.table.TableCatalog;

/**
 * The streams of one engine, by ARN: the enabled stream of each table, which captures its writes, and the
 * disabled ones that stay readable until their table is deleted.
 */
final class Streams {

	private final ConcurrentSkipListMap<String, StreamLog> byArn = new ConcurrentSkipListMap<>();

	private final TableCatalog catalog;

	private final Duration retention;

	Streams(TableCatalog catalog, Duration retention) {
		this.catalog = catalog;
		this.retention = retention;
	}

	/**
	 * Starts capturing a table's writes in a new stream.
	 */
	void enable(Table table, String viewType) {
		StreamLog log = new StreamLog(table.definition().name(), table.definition().id(), viewType, this.retention,
				System::currentTimeMillis);
		// Two streams of one table enabled in the same millisecond would share an ARN: wait for the next one.
		while (this.byArn.putIfAbsent(log.arn(), log) != null) {
			Thread.onSpinWait();
			log = new StreamLog(table.definition().name(), table.definition().id(), viewType, this.retention,
					System::currentTimeMillis);
		}
		table.streamListener(log);
	}

	/**
	 * Stops capturing a table's writes; its stream stays readable.
	 */
	void disable(Table table) {
		if (table.streamListener() instanceof StreamLog log) {
			table.streamListener(null);
			log.disable();
		}
	}

	/**
	 * Forgets the streams of a deleted table.
	 */
	void tableDeleted(Table table) {
		disable(table);
		this.byArn.values().removeIf((log) -> log.tableId().equals(table.definition().id()));
	}

	/**
	 * The enabled stream of a table.
	 * @return the stream, or {@code null}
	 */
	static StreamLog current(Table table) {
		return (table.streamListener() instanceof StreamLog log) ? log : null;
	}

	/**
	 * The stream with an ARN, whose table still exists.
	 * @throws ApiException ResourceNotFoundException when there is none
	 */
	StreamLog find(String arn) {
		StreamLog log = (arn != null) ? this.byArn.get(arn) : null;
		if (log == null || !tableExists(log)) {
			throw ApiException.resourceNotFound("Requested resource not found: Stream: " + arn + " not found");
		}
		return log;
	}

	/**
	 * The streams after an ARN, in ARN order, optionally of one table.
	 */
	List<StreamLog> list(String tableName, String exclusiveStartArn, int limit) {
		List<StreamLog> logs = new ArrayList<>();
		for (StreamLog log : ((exclusiveStartArn != null) ? this.byArn.tailMap(exclusiveStartArn, false)
				: this.byArn).values()) {
			if (logs.size() >= limit) {
				break;
			}
			if ((tableName == null || tableName.equals(log.tableName())) && tableExists(log)) {
				logs.add(log);
			}
		}
		return logs;
	}

	/**
	 * Whether any stream follows an ARN, optionally of one table.
	 */
	boolean hasAfter(String tableName, String arn) {
		return !list(tableName, arn, 1).isEmpty();
	}

	/**
	 * The stream whose iterator names a table id and a label.
	 */
	StreamLog byTable(String tableId, String shardId) {
		for (StreamLog log : this.byArn.values()) {
			if (log.tableId().toString().equals(tableId) && log.shardId().equals(shardId) && tableExists(log)) {
				return log;
			}
		}
		return null;
	}

	private boolean tableExists(StreamLog log) {
		Table table = this.catalog.get(log.tableName());
		return table != null && table.definition().id().equals(log.tableId());
	}

}
