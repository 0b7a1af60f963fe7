package dev.alternator.client.internal.compression;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import dev.alternator.client.Compression;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Compresses request bodies of at least a minimum size, with {@code Content-Encoding}. Runs once per call, where the
 * SDK lets an interceptor replace the body (before the retry loop): every attempt then sends, and the signer signs, the
 * same compressed bytes, whichever node the attempt goes to.
 */
public final class RequestCompression implements ExecutionInterceptor {

	/** The compressed body of the call, or {@link #UNCOMPRESSED}: computed once, read by both hooks. */
	private static final ExecutionAttribute<byte[]> COMPRESSED_BODY = new ExecutionAttribute<>(
			"AlternatorCompressedBody");

	private static final byte[] UNCOMPRESSED = new byte[0];

	private static final String CONTENT_ENCODING = "Content-Encoding";

	private final Compression compression;

	private final int minimumBytes;

	/**
	 * @param compression gzip or deflate
	 * @param minimumBytes the smallest body that is compressed
	 */
	public RequestCompression(Compression compression, int minimumBytes) {
		if (compression == Compression.NONE) {
			throw new IllegalArgumentException("RequestCompression needs GZIP or DEFLATE");
		}
		this.compression = compression;
		this.minimumBytes = minimumBytes;
	}

	@Override
	public Optional<RequestBody> modifyHttpContent(Context.ModifyHttpRequest context,
			ExecutionAttributes executionAttributes) {
		byte[] compressed = compressedBody(context, executionAttributes);
		if (compressed == UNCOMPRESSED) {
			return context.requestBody();
		}
		String contentType = context.httpRequest().firstMatchingHeader("Content-Type").orElse(null);
		return Optional.of(RequestBody.fromContentProvider(ContentStreamProvider.fromByteArrayUnsafe(compressed),
				compressed.length, contentType));
	}

	@Override
	public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes executionAttributes) {
		byte[] compressed = compressedBody(context, executionAttributes);
		if (compressed == UNCOMPRESSED) {
			return context.httpRequest();
		}
		return context.httpRequest()
			.toBuilder()
			.putHeader(CONTENT_ENCODING, this.compression.contentEncoding())
			.putHeader("Content-Length", Integer.toString(compressed.length))
			.build();
	}

	/**
	 * The compressed body, computed by whichever hook the SDK calls first, or {@link #UNCOMPRESSED} when the body is
	 * small, absent, or already encoded.
	 */
	private byte[] compressedBody(Context.ModifyHttpRequest context, ExecutionAttributes executionAttributes) {
		byte[] known = executionAttributes.getAttribute(COMPRESSED_BODY);
		if (known != null) {
			return known;
		}
		byte[] compressed = UNCOMPRESSED;
		if (context.httpRequest().firstMatchingHeader(CONTENT_ENCODING).isEmpty()) {
			byte[] body = body(context);
			if (body != null && body.length >= this.minimumBytes && body.length > 0) {
				compressed = compress(body);
			}
		}
		executionAttributes.putAttribute(COMPRESSED_BODY, compressed);
		return compressed;
	}

	private static byte[] body(Context.ModifyHttpRequest context) {
		Optional<ContentStreamProvider> provider = context.requestBody().map(RequestBody::contentStreamProvider);
		if (provider.isEmpty() && context.httpRequest() instanceof SdkHttpFullRequest full) {
			provider = full.contentStreamProvider();
		}
		if (provider.isEmpty()) {
			return null;
		}
		try (InputStream in = provider.get().newStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Failed to read the request body to compress it", ex);
		}
	}

	private byte[] compress(byte[] body) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length / 4 + 64);
		try (OutputStream out = (this.compression == Compression.GZIP) ? new GZIPOutputStream(bytes)
				: new DeflaterOutputStream(bytes)) {
			out.write(body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Compressing in memory failed", ex);
		}
		return bytes.toByteArray();
	}

}
