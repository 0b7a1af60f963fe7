package dev.alternator.local.engine.persistence;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * Reads the records {@link LogWriter} framed, in order, and stops at the first one that is incomplete or whose
 * checksum does not match: the torn last record of a process killed while appending, which was never
 * acknowledged, is dropped this way, and nothing after damage is trusted.
 */
final class LogReader {

	private LogReader() {
	}

	/**
	 * Reads a file.
	 * @param file the file
	 * @param consumer called with each good payload, in order
	 * @return what was read
	 * @throws IOException when the file cannot be read, or the consumer rejects a record
	 */
	static Result read(Path file, PayloadConsumer consumer) throws IOException {
		long records = 0;
		long goodBytes = 0;
		CRC32C crc = new CRC32C();
		try (InputStream stream = Files.newInputStream(file);
				DataInputStream in = new DataInputStream(new BufferedInputStream(stream, 1 << 16))) {
			while (true) {
				int length;
				try {
					length = in.readInt();
				}
				catch (EOFException ex) {
					// A clean end, or fewer than four bytes of a header: either way nothing more to trust.
					return new Result(records, goodBytes, Files.size(file) - goodBytes);
				}
				if (length < 1 || length > LogWriter.MAX_PAYLOAD) {
					return new Result(records, goodBytes, Files.size(file) - goodBytes);
				}
				byte[] payload = new byte[length];
				int expected;
				try {
					expected = in.readInt();
					in.readFully(payload);
				}
				catch (EOFException ex) {
					return new Result(records, goodBytes, Files.size(file) - goodBytes);
				}
				crc.reset();
				crc.update(payload, 0, payload.length);
				if ((int) crc.getValue() != expected) {
					return new Result(records, goodBytes, Files.size(file) - goodBytes);
				}
				consumer.accept(payload);
				records++;
				goodBytes += LogWriter.HEADER + length;
			}
		}
	}

	/**
	 * Takes one record's payload.
	 */
	@FunctionalInterface
	interface PayloadConsumer {

		void accept(byte[] payload) throws IOException;

	}

	/**
	 * What a read found.
	 * @param records the good records
	 * @param goodBytes the bytes they fill, from the start of the file
	 * @param droppedBytes the bytes after them that were not trusted (0 for a clean file)
	 */
	record Result(long records, long goodBytes, long droppedBytes) {

	}

}
