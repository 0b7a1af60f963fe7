package dev.alternator.client.internal.compression;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import software.amazon.awssdk.core.exception.Crc32MismatchException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Decodes one {@code deflate} (zlib) answer piece by piece, and checks DynamoDB's {@code x-amz-crc32} over the
 * compressed bytes, as the SDK checks it for DynamoDB ({@code CRC32_FROM_COMPRESSED_DATA_ENABLED}). Not thread-safe:
 * one answer, read in order.
 */
final class DeflateDecoder {

	private final Inflater inflater = new Inflater();

	private final CRC32 crc = new CRC32();

	private final Long expectedCrc;

	private final byte[] buffer = new byte[8 * 1024];

	/**
	 * @param expectedCrc the answer's {@code x-amz-crc32}, or {@code null} when it had none (Alternator sends none)
	 */
	DeflateDecoder(Long expectedCrc) {
		this.expectedCrc = expectedCrc;
	}

	/**
	 * Decodes the next piece of the compressed answer.
	 * @return the decoded bytes it held, possibly none
	 * @throws SdkClientException when the data is not valid deflate data
	 */
	ByteBuffer decode(ByteBuffer compressed) {
		byte[] input = new byte[compressed.remaining()];
		compressed.duplicate().get(input);
		this.crc.update(input);
		if (this.inflater.finished()) {
			if (input.length > 0) {
				throw SdkClientException.create("Alternator answer has data after the end of its deflate stream");
			}
			return ByteBuffer.allocate(0);
		}
		this.inflater.setInput(input);
		ByteArrayOutputStream out = new ByteArrayOutputStream(input.length * 4);
		try {
			while (!this.inflater.finished()) {
				int count = this.inflater.inflate(this.buffer);
				if (count == 0 && (this.inflater.needsInput() || this.inflater.needsDictionary())) {
					break;
				}
				out.write(this.buffer, 0, count);
			}
		}
		catch (DataFormatException ex) {
			throw SdkClientException.create("Alternator answer is not valid deflate data", ex);
		}
		return ByteBuffer.wrap(out.toByteArray());
	}

	/**
	 * Checks that the whole answer was read: the deflate stream ended and the checksum, when given, matches.
	 * @throws SdkClientException when the answer was cut short or its checksum does not match
	 */
	void finish() {
		try {
			if (!this.inflater.finished()) {
				throw SdkClientException.create("Alternator answer ended inside its deflate stream");
			}
			if (this.expectedCrc != null && this.expectedCrc != this.crc.getValue()) {
				throw Crc32MismatchException.builder()
					.message("Expected CRC32 " + this.expectedCrc + " of the deflate answer, computed "
							+ this.crc.getValue())
					.build();
			}
		}
		finally {
			this.inflater.end();
		}
	}

	/**
	 * Frees the inflater without checking, when the answer is abandoned.
	 */
	void abandon() {
		this.inflater.end();
	}

}
