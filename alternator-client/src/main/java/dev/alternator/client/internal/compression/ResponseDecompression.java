package dev.alternator.client.internal.compression;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.reactivestreams.Publisher;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Asks for compressed answers ({@code Accept-Encoding: gzip, deflate}) and makes sure the SDK can read them.
 * <p>
 * A {@code gzip} answer is left to the SDK: for DynamoDB clients, sync and async, its {@code Crc32Validation} checks
 * {@code x-amz-crc32} over the compressed bytes (DynamoDB's client builder sets
 * {@code CRC32_FROM_COMPRESSED_DATA_ENABLED}) and then un-gzips the body, before parsing. It does not know
 * {@code deflate}: such an answer is decoded here, its {@code x-amz-crc32} (if any) checked over the compressed bytes
 * as the SDK would, and its {@code Content-Encoding}, {@code Content-Length} and {@code x-amz-crc32} headers removed,
 * so that the SDK then sees a plain answer. Alternator compresses answers of at least 4 KB by default and sends no
 * {@code x-amz-crc32}; the local cluster sends one, as DynamoDB does.
 */
public final class ResponseDecompression implements ExecutionInterceptor {

	/** What {@code Accept-Encoding} says: both codings Alternator knows, gzip first (Alternator prefers the first). */
	public static final String ACCEPT_ENCODING = "gzip, deflate";

	/** The attempt's answer is deflate, with this {@code x-amz-crc32} ({@link #NO_CRC} when none); else absent. */
	private static final ExecutionAttribute<Long> DEFLATED = new ExecutionAttribute<>("AlternatorDeflatedAnswer");

	/** Marks a deflate answer without {@code x-amz-crc32}. */
	private static final long NO_CRC = -1;

	/** Marks an answer that is not deflate (attributes cannot be removed, and the attempt before may have been). */
	private static final long NOT_DEFLATED = -2;

	@Override
	public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes executionAttributes) {
		return context.httpRequest().toBuilder().putHeader("Accept-Encoding", ACCEPT_ENCODING).build();
	}

	@Override
	public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context,
			ExecutionAttributes executionAttributes) {
		SdkHttpResponse response = context.httpResponse();
		List<String> encodings = response.matchingHeaders("Content-Encoding");
		if (encodings.size() != 1 || !"deflate".equals(encodings.get(0).trim().toLowerCase(Locale.ROOT))) {
			executionAttributes.putAttribute(DEFLATED, NOT_DEFLATED);
			return response;
		}
		Long crc = response.firstMatchingHeader("x-amz-crc32").map(ResponseDecompression::parseCrc).orElse(NO_CRC);
		executionAttributes.putAttribute(DEFLATED, crc);
		return response.toBuilder()
			.removeHeader("Content-Encoding")
			.removeHeader("Content-Length")
			.removeHeader("x-amz-crc32")
			.build();
	}

	@Override
	public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
			ExecutionAttributes executionAttributes) {
		Long marker = executionAttributes.getAttribute(DEFLATED);
		if (!isDeflated(marker) || context.responseBody().isEmpty()) {
			return context.responseBody();
		}
		DeflateDecoder decoder = new DeflateDecoder(expectedCrc(marker));
		ByteArrayOutputStream decoded = new ByteArrayOutputStream();
		// The SDK reads a non-streaming answer whole before parsing it: reading it whole here costs nothing more.
		try (InputStream compressed = context.responseBody().get()) {
			byte[] chunk = new byte[16 * 1024];
			int count;
			while ((count = compressed.read(chunk)) >= 0) {
				ByteBuffer piece = decoder.decode(ByteBuffer.wrap(chunk, 0, count));
				decoded.write(piece.array(), piece.arrayOffset() + piece.position(), piece.remaining());
			}
		}
		catch (IOException ex) {
			decoder.abandon();
			throw new UncheckedIOException("Failed to read the compressed answer", ex);
		}
		catch (RuntimeException ex) {
			decoder.abandon();
			throw ex;
		}
		decoder.finish();
		return Optional.of(new ByteArrayInputStream(decoded.toByteArray()));
	}

	@Override
	public Optional<Publisher<ByteBuffer>> modifyAsyncHttpResponseContent(Context.ModifyHttpResponse context,
			ExecutionAttributes executionAttributes) {
		Long marker = executionAttributes.getAttribute(DEFLATED);
		if (!isDeflated(marker) || context.responsePublisher().isEmpty()) {
			return context.responsePublisher();
		}
		return Optional.of(new InflatingPublisher(context.responsePublisher().get(), expectedCrc(marker)));
	}

	private static boolean isDeflated(Long marker) {
		return marker != null && marker != NOT_DEFLATED;
	}

	/**
	 * The checksum the deflate answer announced, {@code null} when it announced none.
	 */
	private static Long expectedCrc(Long marker) {
		return (marker == NO_CRC) ? null : marker;
	}

	private static Long parseCrc(String value) {
		try {
			return Long.parseLong(value.trim());
		}
		catch (NumberFormatException ex) {
			return NO_CRC;
		}
	}

}
