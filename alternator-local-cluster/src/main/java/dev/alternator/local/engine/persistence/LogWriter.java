package dev.alternator.local.engine.persistence;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Appends framed records to one file: a 4-byte payload length, the payload's 4-byte CRC32C, then the
 * payload. Each append is one {@code write} system call, so when it returns the record is in the operating
 * system's hands and survives the death of the process (SIGKILL included); it is not forced to the disk, so it
 * may not survive a power cut or kernel crash until {@link #force()}. Not thread-safe: the caller serialises.
 */
final class LogWriter implements Closeable {

	/** Bytes before a payload: its length and its checksum. */
	static final int HEADER = 8;

	/** The largest payload a reader accepts; more means a damaged length. */
	static final int MAX_PAYLOAD = 64 * 1024 * 1024;

	private final FileChannel channel;

	private final ByteBuffer[] frame = new ByteBuffer[2];

	private final ByteBuffer header = ByteBuffer.allocate(HEADER);

	private final CRC32C crc = new CRC32C();

	private long size;

	private LogWriter(FileChannel channel, long size) {
		this.channel = channel;
		this.size = size;
	}

	/**
	 * Creates a new, empty file.
	 * @param file the file, which must not exist
	 * @return the writer
	 * @throws IOException when the file cannot be created
	 */
	static LogWriter create(Path file) throws IOException {
		return new LogWriter(FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 0);
	}

	void append(byte[] payload) throws IOException {
		this.crc.reset();
		this.crc.update(payload, 0, payload.length);
		this.header.clear();
		this.header.putInt(payload.length).putInt((int) this.crc.getValue()).flip();
		this.frame[0] = this.header;
		this.frame[1] = ByteBuffer.wrap(payload);
		long total = HEADER + payload.length;
		long written = 0;
		while (written < total) {
			written += this.channel.write(this.frame);
		}
		this.size += total;
	}

	long size() {
		return this.size;
	}

	void force() throws IOException {
		this.channel.force(true);
	}

	@Override
	public void close() throws IOException {
		this.channel.close();
	}

}
