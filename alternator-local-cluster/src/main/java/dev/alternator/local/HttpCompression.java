package dev.alternator.local;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * Compressed bodies as Alternator handles them: a request with {@code Content-Encoding: gzip} or {@code deflate}
 * (zlib format) is decoded before the engine reads it, and an answer of at least {@link #RESPONSE_THRESHOLD} bytes
 * is compressed with the best encoding the client's {@code Accept-Encoding} allows. The request's signature covers
 * the bytes sent, so decoding comes after SigV4 verification.
 */
final class HttpCompression {

	/**
	 * Smallest answer that is compressed: Alternator's default
	 * {@code alternator_response_compression_threshold_in_bytes} (4 KB), also DynamoDB's.
	 */
	static final int RESPONSE_THRESHOLD = 4096;

	private static final String GZIP = "gzip";

	private static final String DEFLATE = "deflate";

	private HttpCompression() {
	}

	/**
	 * Thrown when a request's body cannot be decoded: an unknown encoding or corrupt data. Alternator (like
	 * DynamoDB) answers it with 500 InternalServerError.
	 */
	static final class UndecodableBodyException extends Exception {

		private static final long serialVersionUID = 1L;

		UndecodableBodyException(String message) {
			super(message);
		}

	}

	/**
	 * Thrown when a decoded body is larger than {@link HttpCodec#MAX_REQUEST_BODY}: a tiny compressed request must
	 * not expand past the limit an uncompressed one has.
	 */
	static final class DecodedBodyTooLargeException extends Exception {

		private static final long serialVersionUID = 1L;

		DecodedBodyTooLargeException() {
			super("Decoded request body exceeds " + HttpCodec.MAX_REQUEST_BODY + " bytes");
		}

	}

	/**
	 * The request with its body decoded, or the request itself when it has no {@code Content-Encoding} (or
	 * {@code identity}).
	 */
	static HttpRequest decode(HttpRequest request) throws UndecodableBodyException, DecodedBodyTooLargeException {
		String encoding = request.header("content-encoding");
		if (encoding == null || encoding.isBlank() || "identity".equalsIgnoreCase(encoding.trim())) {
			return request;
		}
		String name = encoding.trim().toLowerCase(Locale.ROOT);
		byte[] decoded;
		try {
			if (GZIP.equals(name)) {
				decoded = readLimited(new GZIPInputStream(new ByteArrayInputStream(request.body())));
			}
			else if (DEFLATE.equals(name)) {
				decoded = readLimited(new InflaterInputStream(new ByteArrayInputStream(request.body())));
			}
			else {
				throw new UndecodableBodyException("Unsupported Content-Encoding: " + encoding.trim());
			}
		}
		catch (IOException ex) {
			// Empty, truncated or corrupt data: nothing of it reaches the engine.
			throw new UndecodableBodyException("Failed to decode the " + name + " request body");
		}
		return request.withBody(decoded);
	}

	private static byte[] readLimited(InputStream in) throws IOException, DecodedBodyTooLargeException {
		try (in) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[16 * 1024];
			int count;
			while ((count = in.read(buffer)) >= 0) {
				if (out.size() + (long) count > HttpCodec.MAX_REQUEST_BODY) {
					throw new DecodedBodyTooLargeException();
				}
				out.write(buffer, 0, count);
			}
			return out.toByteArray();
		}
	}

	/**
	 * The answer compressed as {@code acceptEncoding} allows, or unchanged when it is none, small, streamed, already
	 * encoded, or the client accepts neither gzip nor deflate. The {@code x-amz-crc32} header is recomputed over the
	 * bytes sent, which is what the AWS SDKs check.
	 */
	static HttpResponse encode(HttpResponse response, String acceptEncoding) {
		if (response == null || acceptEncoding == null || response.bodyWriter() != null
				|| response.body().length < RESPONSE_THRESHOLD || response.header("Content-Encoding") != null) {
			return response;
		}
		String encoding = choose(acceptEncoding);
		if (encoding == null) {
			return response;
		}
		byte[] compressed = compress(response.body(), GZIP.equals(encoding));
		List<Map.Entry<String, String>> headers = new ArrayList<>(response.headers().size() + 1);
		for (Map.Entry<String, String> header : response.headers()) {
			if (header.getKey().equalsIgnoreCase("x-amz-crc32")) {
				CRC32 crc = new CRC32();
				crc.update(compressed);
				headers.add(Map.entry(header.getKey(), Long.toString(crc.getValue())));
			}
			else {
				headers.add(header);
			}
		}
		headers.add(Map.entry("Content-Encoding", encoding));
		return response.withBody(headers, compressed);
	}

	/**
	 * The encoding to answer with: gzip or deflate with the highest quality value above zero (the first listed on a
	 * tie), {@code *} standing for whichever of the two is not listed; {@code null} for none.
	 */
	static String choose(String acceptEncoding) {
		Double gzip = null;
		Double deflate = null;
		Double any = null;
		String firstListed = null;
		for (String entry : acceptEncoding.split(",")) {
			String[] parts = entry.split(";");
			String name = parts[0].trim().toLowerCase(Locale.ROOT);
			double quality = quality(parts);
			if (GZIP.equals(name) && gzip == null) {
				gzip = quality;
				firstListed = (firstListed == null) ? GZIP : firstListed;
			}
			else if (DEFLATE.equals(name) && deflate == null) {
				deflate = quality;
				firstListed = (firstListed == null) ? DEFLATE : firstListed;
			}
			else if ("*".equals(name) && any == null) {
				any = quality;
			}
		}
		double gzipQuality = (gzip != null) ? gzip : ((any != null) ? any : 0);
		double deflateQuality = (deflate != null) ? deflate : ((any != null) ? any : 0);
		if (gzipQuality <= 0 && deflateQuality <= 0) {
			return null;
		}
		if (gzipQuality != deflateQuality) {
			return (gzipQuality > deflateQuality) ? GZIP : DEFLATE;
		}
		return (firstListed != null) ? firstListed : GZIP;
	}

	private static double quality(String[] parts) {
		for (int i = 1; i < parts.length; i++) {
			String parameter = parts[i].trim();
			if (parameter.length() > 1 && Character.toLowerCase(parameter.charAt(0)) == 'q') {
				String value = parameter.substring(1).trim();
				if (value.startsWith("=")) {
					try {
						return Math.max(0, Math.min(1, Double.parseDouble(value.substring(1).trim())));
					}
					catch (NumberFormatException ex) {
						// A malformed weight counts as the default, as the absent one does.
					}
				}
			}
		}
		return 1;
	}

	private static byte[] compress(byte[] body, boolean gzip) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length / 4 + 64);
		// Level 6 (the default of both streams), as Alternator's alternator_response_gzip_compression_level.
		try (OutputStream out = gzip ? new GZIPOutputStream(bytes) : new DeflaterOutputStream(bytes)) {
			out.write(body);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Compressing in memory cannot fail", ex);
		}
		return bytes.toByteArray();
	}

}
