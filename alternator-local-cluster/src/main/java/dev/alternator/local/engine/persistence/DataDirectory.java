package dev.alternator.local.engine.persistence;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

import dev.alternator.local.engine.table.IndexDefinition;
import dev.alternator.local.engine.table.KeyExtractor;
import dev.alternator.local.engine.table.PrimaryKey;
import dev.alternator.local.engine.table.StoredItem;
import dev.alternator.local.engine.table.Table;
import dev.alternator.local.engine.table.TableCatalog;
import dev.alternator.local.engine.table.TableChangeListener;
import dev.alternator.local.engine.table.TableDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an engine's tables (definitions, indexes, tags, items) in a directory, so that they survive a restart.
 * <p>
 * Every change is appended to a write-ahead log ({@code wal-N.log}) as a checksummed record before the request
 * that made it is answered: an acknowledged write has been handed to the operating system, so a process killed
 * even with SIGKILL keeps it. The log is not forced to the disk on each write (an {@code fsync} per write costs
 * a disk flush, milliseconds on most disks, and would bound the engine to a few hundred writes a second); after
 * a power cut or kernel crash the last writes may be lost, but what is read back is never corrupt, because each
 * record carries a CRC32C and reading stops at the first bad one. Snapshots ({@code snapshot-N.dat}, forced to
 * the disk and renamed into place) are written when the log outgrows the last snapshot, and on close, so that
 * a restart reads one snapshot and a bounded log. A {@code lock} file keeps a second process out.
 */
public final class DataDirectory implements TableChangeListener, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(DataDirectory.class);

	private static final long DEFAULT_COMPACTION_THRESHOLD = 64L * 1024 * 1024;

	private static final Pattern FILE_NAME = Pattern.compile("(wal|snapshot)-(\\d+)\\.(log|dat)");

	private final Path directory;

	private final KeyExtractor keys;

	private final long minimumCompactionThreshold;

	private final TableCatalog catalog = new TableCatalog(this);

	private final Object logLock = new Object();

	private final AtomicBoolean compactionPending = new AtomicBoolean();

	private final ExecutorService compactor = Executors.newSingleThreadExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "alternator-local-persistence");
		thread.setDaemon(true);
		return thread;
	});

	private FileChannel lockChannel;

	private FileLock lock;

	// Guarded by logLock; null while recovering, so that replaying changes does not log them again.
	private LogWriter log;

	private long generation;

	private volatile long compactionThreshold;

	private volatile boolean closed;

	private DataDirectory(Path directory, KeyExtractor keys, long minimumCompactionThreshold) {
		this.directory = directory;
		this.keys = keys;
		this.minimumCompactionThreshold = minimumCompactionThreshold;
		this.compactionThreshold = minimumCompactionThreshold;
	}

	/**
	 * Opens a data directory, creating it when missing, and reads back what it holds.
	 * @param directory the directory
	 * @param keys reads index keys out of stored items
	 * @return the open directory, whose {@link #catalog()} holds the recovered tables
	 * @throws UncheckedIOException when the directory cannot be created, read or locked
	 */
	public static DataDirectory open(Path directory, KeyExtractor keys) {
		return open(directory, keys, DEFAULT_COMPACTION_THRESHOLD);
	}

	static DataDirectory open(Path directory, KeyExtractor keys, long compactionThreshold) {
		DataDirectory data = new DataDirectory(directory.toAbsolutePath(), Objects.requireNonNull(keys, "keys"),
				compactionThreshold);
		try {
			data.lockAndRecover();
			return data;
		}
		catch (IOException ex) {
			data.closeQuietly();
			throw new UncheckedIOException("Could not open the data directory " + directory + ": " + ex.getMessage(),
					ex);
		}
		catch (RuntimeException ex) {
			data.closeQuietly();
			throw ex;
		}
	}

	/**
	 * The tables: the catalogue the engine's operations must use, so that their changes reach the log.
	 * @return the catalogue
	 */
	public TableCatalog catalog() {
		return this.catalog;
	}

	/**
	 * The directory.
	 * @return its absolute path
	 */
	public Path directory() {
		return this.directory;
	}

	private void lockAndRecover() throws IOException {
		long started = System.nanoTime();
		Files.createDirectories(this.directory);
		this.lockChannel = FileChannel.open(this.directory.resolve("lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE);
		try {
			this.lock = this.lockChannel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			this.lock = null;
		}
		if (this.lock == null) {
			throw new IOException("it is in use by another engine (a process holds its lock file)");
		}
		TreeMap<Long, Path> logs = new TreeMap<>();
		TreeMap<Long, Path> snapshots = new TreeMap<>();
		try (var files = Files.list(this.directory)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				String name = file.getFileName().toString();
				Matcher matcher = FILE_NAME.matcher(name);
				if (matcher.matches() && matcher.group(1).equals("wal") == matcher.group(3).equals("log")) {
					("wal".equals(matcher.group(1)) ? logs : snapshots).put(Long.parseLong(matcher.group(2)), file);
				}
				else if (name.endsWith(".tmp")) {
					// A snapshot that was being written when the process died: never renamed, never used.
					Files.delete(file);
				}
			}
		}
		Recovery recovery = new Recovery();
		long base = snapshots.isEmpty() ? 0 : snapshots.lastKey();
		if (!snapshots.isEmpty()) {
			Path snapshot = snapshots.lastEntry().getValue();
			LogReader.Result result = LogReader.read(snapshot, (payload) -> LogRecords.apply(payload, recovery));
			if (!recovery.ended || result.droppedBytes() > 0) {
				throw new IOException("the snapshot " + snapshot.getFileName() + " is incomplete or damaged");
			}
			this.compactionThreshold = Math.max(this.minimumCompactionThreshold, Files.size(snapshot));
		}
		long logRecords = 0;
		long dropped = 0;
		for (Map.Entry<Long, Path> entry : logs.tailMap(base, true).entrySet()) {
			LogReader.Result result = LogReader.read(entry.getValue(), (payload) -> LogRecords.apply(payload, recovery));
			logRecords += result.records();
			if (result.droppedBytes() > 0) {
				dropped += result.droppedBytes();
				logger.warn("Dropped the last {} bytes of {}: an incomplete or damaged record, never acknowledged",
						result.droppedBytes(), entry.getValue().getFileName());
			}
		}
		long last = Math.max(base, logs.isEmpty() ? 0 : logs.lastKey());
		synchronized (this.logLock) {
			this.generation = last + 1;
			this.log = LogWriter.create(logFile(this.generation));
		}
		long items = this.catalog.tables().stream().mapToLong(Table::itemCount).sum();
		logger.info("Data directory {}: {} tables, {} items read in {} ms ({} log records replayed)", this.directory,
				this.catalog.tables().size(), items, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
				logRecords);
		if (logRecords > 0 || dropped > 0) {
			// The next restart should not replay the same log again.
			scheduleCompaction();
		}
	}

	@Override
	public void tableCreated(Table table) {
		append(LogRecords.define(table.definition()));
	}

	@Override
	public void tableDeleted(Table table) {
		append(LogRecords.drop(table.definition().id()));
	}

	@Override
	public void definitionChanged(Table table) {
		append(LogRecords.define(table.definition()));
	}

	@Override
	public void itemWritten(Table table, PrimaryKey key, StoredItem item) {
		UUID id = table.definition().id();
		append((item != null) ? LogRecords.put(id, key, item) : LogRecords.delete(id, key));
	}

	private void append(byte[] payload) {
		long size;
		synchronized (this.logLock) {
			if (this.log == null) {
				if (this.closed) {
					throw new IllegalStateException("The data directory " + this.directory + " is closed");
				}
				return; // recovering: the change comes from the log itself
			}
			try {
				this.log.append(payload);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not append to the write-ahead log in " + this.directory, ex);
			}
			size = this.log.size();
		}
		if (size > this.compactionThreshold) {
			scheduleCompaction();
		}
	}

	private void scheduleCompaction() {
		if (!this.closed && this.compactionPending.compareAndSet(false, true)) {
			this.compactor.execute(() -> {
				try {
					compact();
				}
				catch (IOException | RuntimeException ex) {
					logger.warn("Could not write a snapshot in {}; the log keeps growing", this.directory, ex);
				}
				finally {
					this.compactionPending.set(false);
				}
			});
		}
	}

	/**
	 * Writes a snapshot of every table and drops the logs it covers. Writes go on meanwhile: the log is switched
	 * to a new file first, and since item records are whole items, replaying the new log over a snapshot that
	 * already holds some of its writes gives the same tables.
	 */
	void compact() throws IOException {
		long started = System.nanoTime();
		long[] snapshotGeneration = new long[1];
		LogWriter[] previous = new LogWriter[1];
		IOException[] failure = new IOException[1];
		// No table appears or disappears between the switch and the start of the snapshot's walk.
		this.catalog.whileUnchanged(() -> {
			synchronized (this.logLock) {
				if (this.log == null) {
					return;
				}
				try {
					LogWriter next = LogWriter.create(logFile(this.generation + 1));
					this.generation++;
					previous[0] = this.log;
					this.log = next;
					snapshotGeneration[0] = this.generation;
				}
				catch (IOException ex) {
					failure[0] = ex;
				}
			}
		});
		if (failure[0] != null) {
			throw failure[0];
		}
		if (previous[0] == null) {
			return;
		}
		previous[0].close();
		long generation = snapshotGeneration[0];
		Path temporary = this.directory.resolve("snapshot-" + generation + ".tmp");
		long records = 0;
		try (FileOutputStream file = new FileOutputStream(temporary.toFile());
				OutputStream out = new BufferedOutputStream(file, 1 << 16)) {
			SnapshotOutput output = new SnapshotOutput(out);
			for (Table table : this.catalog.tables()) {
				UUID id = table.definition().id();
				output.write(LogRecords.define(table.definition()));
				records++;
				for (Map.Entry<PrimaryKey, StoredItem> item : table.items().entrySet()) {
					output.write(LogRecords.put(id, item.getKey(), item.getValue()));
					records++;
				}
			}
			output.write(LogRecords.end(records));
			out.flush();
			file.getFD().sync();
		}
		Path snapshot = this.directory.resolve("snapshot-" + generation + ".dat");
		Files.move(temporary, snapshot, StandardCopyOption.ATOMIC_MOVE);
		forceDirectory();
		try (var files = Files.list(this.directory)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				Matcher matcher = FILE_NAME.matcher(file.getFileName().toString());
				if (matcher.matches() && Long.parseLong(matcher.group(2)) < generation) {
					Files.deleteIfExists(file);
				}
			}
		}
		this.compactionThreshold = Math.max(this.minimumCompactionThreshold, Files.size(snapshot));
		logger.debug("Snapshot {} of {} records written in {} ms", snapshot.getFileName(), records,
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
	}

	private void forceDirectory() {
		// Makes the rename durable; some platforms cannot open a directory, and then the rename is as durable as
		// the file system makes it.
		try (FileChannel channel = FileChannel.open(this.directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			logger.debug("Could not force the directory {}", this.directory, ex);
		}
	}

	/**
	 * Whether a snapshot is being written or waits to be.
	 * @return {@code true} while one is
	 */
	boolean compacting() {
		return this.compactionPending.get();
	}

	private long logSize() {
		synchronized (this.logLock) {
			return (this.log != null) ? this.log.size() : 0;
		}
	}

	private Path logFile(long generation) {
		return this.directory.resolve("wal-" + generation + ".log");
	}

	/**
	 * Writes a last snapshot (so that the next start reads no log), forces it to the disk and releases the
	 * directory. Changes made after this fail. Calling it again does nothing.
	 */
	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.compactor.shutdown();
		try {
			if (!this.compactor.awaitTermination(60, TimeUnit.SECONDS)) {
				logger.warn("A snapshot in {} is still being written", this.directory);
			}
			if (logSize() > 0) {
				compact();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Could not write the closing snapshot in {}; the log keeps every change", this.directory, ex);
		}
		closeQuietly();
	}

	private void closeQuietly() {
		this.closed = true;
		this.compactor.shutdownNow();
		synchronized (this.logLock) {
			if (this.log != null) {
				try {
					this.log.force();
					this.log.close();
					if (this.log.size() == 0) {
						// Nothing in it: leaving it would only add one empty file per restart.
						Files.deleteIfExists(logFile(this.generation));
					}
				}
				catch (IOException ex) {
					logger.warn("Could not close the write-ahead log in {}", this.directory, ex);
				}
				this.log = null;
			}
		}
		try {
			if (this.lock != null) {
				this.lock.release();
			}
			if (this.lockChannel != null) {
				this.lockChannel.close();
			}
		}
		catch (IOException ex) {
			logger.debug("Could not release the lock of {}", this.directory, ex);
		}
	}

	@Override
	public String toString() {
		return "DataDirectory[" + this.directory + "]";
	}

	/**
	 * Writes framed records to a snapshot, as {@link LogWriter} does to a log, through a buffer.
	 */
	private static final class SnapshotOutput {

		private final OutputStream out;

		private final ByteBuffer header = ByteBuffer.allocate(LogWriter.HEADER);

		private final CRC32C crc = new CRC32C();

		SnapshotOutput(OutputStream out) {
			this.out = out;
		}

		void write(byte[] payload) throws IOException {
			this.crc.reset();
			this.crc.update(payload, 0, payload.length);
			this.header.clear();
			this.header.putInt(payload.length).putInt((int) this.crc.getValue());
			this.out.write(this.header.array());
			this.out.write(payload);
		}

	}

	/**
	 * Applies recovered records to the catalogue.
	 */
	private final class Recovery implements LogRecords.Target {

		private final Map<UUID, Table> tables = new HashMap<>();

		private boolean ended;

		@Override
		public void define(TableDefinition definition) {
			Table table = this.tables.get(definition.id());
			if (table == null) {
				Table stale = DataDirectory.this.catalog.get(definition.name());
				if (stale != null) {
					DataDirectory.this.catalog.remove(definition.name());
					this.tables.remove(stale.definition().id());
				}
				table = new Table(definition, DataDirectory.this.keys);
				DataDirectory.this.catalog.add(table);
				this.tables.put(definition.id(), table);
				return;
			}
			Map<String, IndexDefinition> before = table.definition().indexes();
			for (String name : before.keySet()) {
				if (!definition.indexes().containsKey(name)) {
					table.removeIndex(name, definition);
				}
			}
			for (IndexDefinition index : definition.indexes().values()) {
				if (!before.containsKey(index.name())) {
					table.addIndex(index, definition);
				}
			}
			table.redefine(definition);
		}

		@Override
		public void drop(UUID id) {
			Table table = this.tables.remove(id);
			if (table != null && DataDirectory.this.catalog.get(table.definition().name()) == table) {
				DataDirectory.this.catalog.remove(table.definition().name());
			}
		}

		@Override
		public void write(UUID id, PrimaryKey key, StoredItem item) {
			// A write to a table deleted meanwhile (it raced with DeleteTable) has nowhere to go, as in memory.
			Table table = this.tables.get(id);
			if (table != null) {
				table.write(key, item);
			}
		}

		@Override
		public void end(long records) {
			this.ended = true;
		}

	}

}
