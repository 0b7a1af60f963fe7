package dev.alternator.local;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads HTTP/1.1 requests and writes responses on a blocking stream: just what the AWS SDK's HTTP clients
 * and a discovery client send (fixed-length and chunked bodies, keep-alive).
 */
final class HttpCodec {

	private static final int MAX_LINE = 16 * 1024;

	private static final int MAX_HEADERS = 200;

	/**
	 * The largest request body a node accepts, as Alternator's {@code request_content_length_limit}: 16 MB. A larger
	 * body gets 413 without being read into memory.
	 */
	static final int MAX_REQUEST_BODY = 16 * 1024 * 1024;

	/** The engine's answers are never limited by a client's limit; this only guards against a runaway peer. */
	private static final int MAX_RESPONSE_BODY = 64 * 1024 * 1024;

	/** Headers that describe one connection, not the message: never forwarded. */
	static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "content-length",
			"te", "trailer", "upgrade", "proxy-connection", "proxy-authorization", "expect");

	private HttpCodec() {
	}

	/**
	 * Reads one request, or returns {@code null} when the peer closed the connection between requests.
	 */
	static HttpRequest readRequest(InputStream in, OutputStream out) throws IOException {
		String requestLine = readLine(in, true);
		while (requestLine != null && requestLine.isEmpty()) {
			requestLine = readLine(in, true);
		}
		if (requestLine == null) {
			return null;
		}
		String[] parts = requestLine.split(" ");
		if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
			throw new MalformedRequestException("Malformed request line: " + requestLine);
		}
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (int count = 0;; count++) {
			String line = readLine(in, false);
			if (line.isEmpty()) {
				break;
			}
			if (count >= MAX_HEADERS) {
				throw new MalformedRequestException("Too many headers");
			}
			int colon = line.indexOf(':');
			if (colon <= 0) {
				throw new MalformedRequestException("Malformed header line: " + line);
			}
			String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
			headers.computeIfAbsent(name, (key) -> new ArrayList<>(1)).add(line.substring(colon + 1).trim());
		}
		// Refused before the interim answer, so that a client that waits for it never sends the oversized body.
		requireAcceptableLength(headers);
		if ("100-continue".equalsIgnoreCase(first(headers, "expect"))) {
			// A client that asks waits for this interim answer before it sends the body.
			out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
		}
		byte[] body = readBody(in, headers, MAX_REQUEST_BODY);
		return new HttpRequest(parts[0], parts[1], headers, body);
	}

	private static void requireAcceptableLength(Map<String, List<String>> headers) throws IOException {
		if (!isChunked(headers)) {
			long length = contentLength(headers);
			if (length > MAX_REQUEST_BODY) {
				throw new BodyTooLargeException(length);
			}
		}
	}

	private static boolean isChunked(Map<String, List<String>> headers) {
		String transferEncoding = first(headers, "transfer-encoding");
		return transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked");
	}

	private static long contentLength(Map<String, List<String>> headers) throws IOException {
		String contentLength = first(headers, "content-length");
		if (contentLength == null) {
			return 0;
		}
		long length;
		try {
			length = Long.parseLong(contentLength.trim());
		}
		catch (NumberFormatException ex) {
			throw new MalformedRequestException("Malformed Content-Length: " + contentLength);
		}
		if (length < 0) {
			throw new MalformedRequestException("Unsupported Content-Length: " + contentLength);
		}
		return length;
	}

	private static byte[] readBody(InputStream in, Map<String, List<String>> headers, int limit) throws IOException {
		if (isChunked(headers)) {
			return readChunked(in, limit);
		}
		long length = contentLength(headers);
		if (length > limit) {
			throw new BodyTooLargeException(length);
		}
		return readFully(in, (int) length);
	}

	private static byte[] readChunked(InputStream in, int limit) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		while (true) {
			String sizeLine = readLine(in, false);
			int semicolon = sizeLine.indexOf(';');
			String sizeText = ((semicolon < 0) ? sizeLine : sizeLine.substring(0, semicolon)).trim();
			int size;
			try {
				size = Integer.parseInt(sizeText, 16);
			}
			catch (NumberFormatException ex) {
				throw new MalformedRequestException("Malformed chunk size: " + sizeLine);
			}
			if (size < 0) {
				throw new MalformedRequestException("Unsupported chunk size: " + sizeLine);
			}
			if (body.size() + (long) size > limit) {
				// Stops before the chunk is read: what was buffered so far is all the memory it costs.
				throw new BodyTooLargeException(body.size() + (long) size);
			}
			if (size == 0) {
				// Trailers end with an empty line.
				while (!readLine(in, false).isEmpty()) {
					// skip trailer
				}
				return body.toByteArray();
			}
			body.write(readFully(in, size));
			readLine(in, false);
		}
	}

	private static byte[] readFully(InputStream in, int length) throws IOException {
		byte[] bytes = new byte[length];
		int read = 0;
		while (read < length) {
			int count = in.read(bytes, read, length - read);
			if (count < 0) {
				throw new EOFException("Connection closed in the middle of a request body");
			}
			read += count;
		}
		return bytes;
	}

	private static String readLine(InputStream in, boolean eofAllowed) throws IOException {
		StringBuilder line = new StringBuilder(64);
		while (true) {
			int next = in.read();
			if (next < 0) {
				if (eofAllowed && line.length() == 0) {
					return null;
				}
				throw new EOFException("Connection closed in the middle of a request");
			}
			if (next == '\n') {
				int length = line.length();
				if (length > 0 && line.charAt(length - 1) == '\r') {
					line.setLength(length - 1);
				}
				return line.toString();
			}
			if (line.length() >= MAX_LINE) {
				throw new MalformedRequestException("Request line or header too long");
			}
			line.append((char) next);
		}
	}

	private static String first(Map<String, List<String>> headers, String name) {
		List<String> values = headers.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	/**
	 * Reads the engine's answer to a forwarded request. Hop-by-hop headers are dropped: the node frames the
	 * body itself.
	 */
	static HttpResponse readResponse(InputStream in) throws IOException {
		String statusLine = readLine(in, false);
		String[] parts = statusLine.split(" ", 3);
		if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
			throw new MalformedRequestException("Malformed status line from the engine: " + statusLine);
		}
		int status;
		try {
			status = Integer.parseInt(parts[1]);
		}
		catch (NumberFormatException ex) {
			throw new MalformedRequestException("Malformed status line from the engine: " + statusLine);
		}
		Map<String, List<String>> headers = new LinkedHashMap<>();
		List<Map.Entry<String, String>> kept = new ArrayList<>();
		while (true) {
			String line = readLine(in, false);
			if (line.isEmpty()) {
				break;
			}
			int colon = line.indexOf(':');
			if (colon <= 0) {
				continue;
			}
			String name = line.substring(0, colon).trim();
			String value = line.substring(colon + 1).trim();
			String lowerName = name.toLowerCase(Locale.ROOT);
			headers.computeIfAbsent(lowerName, (key) -> new ArrayList<>(1)).add(value);
			if (!HOP_BY_HOP.contains(lowerName)) {
				kept.add(Map.entry(name, value));
			}
		}
		byte[] body = (status == 204 || status == 304) ? new byte[0] : readBody(in, headers, MAX_RESPONSE_BODY);
		return new HttpResponse(status, kept, body);
	}

	/**
	 * Writes a request with a fixed-length body.
	 */
	static void writeRequest(OutputStream out, String method, String target, List<Map.Entry<String, String>> headers,
			byte[] body) throws IOException {
		StringBuilder head = new StringBuilder(512);
		head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
		for (Map.Entry<String, String> header : headers) {
			head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
		}
		head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
		out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
		out.write(body);
		out.flush();
	}

	static void writeResponse(OutputStream out, HttpResponse response, boolean close) throws IOException {
		writeResponse(out, response, responseHead(response, close));
	}

	/**
	 * Writes an answer whose status line and headers {@link #responseHead} made.
	 */
	static void writeResponse(OutputStream out, HttpResponse response, byte[] head) throws IOException {
		out.write(head);
		out.write(response.body());
		out.flush();
		if (response.bodyWriter() != null) {
			response.bodyWriter().writeTo(out);
		}
	}

	/**
	 * The status line and headers of an answer, as sent.
	 */
	static byte[] responseHead(HttpResponse response, boolean close) {
		StringBuilder head = new StringBuilder(256);
		head.append("HTTP/1.1 ").append(response.status()).append(' ').append(HttpResponse.reason(response.status()))
			.append("\r\n");
		for (Map.Entry<String, String> header : response.headers()) {
			head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
		}
		head.append("Content-Length: ").append(response.declaredLength()).append("\r\n");
		if (close) {
			head.append("Connection: close\r\n");
		}
		head.append("\r\n");
		return head.toString().getBytes(StandardCharsets.ISO_8859_1);
	}

	/**
	 * A request whose body is larger than {@link #MAX_REQUEST_BODY}; thrown before the excess is read.
	 */
	static final class BodyTooLargeException extends IOException {

		private static final long serialVersionUID = 1L;

		BodyTooLargeException(long length) {
			super("Request body of " + length + " bytes or more is over the limit of " + MAX_REQUEST_BODY + " bytes");
		}

	}

	/**
	 * A request that does not follow HTTP/1.1 closely enough to be answered.
	 */
	static final class MalformedRequestException extends IOException {

		private static final long serialVersionUID = 1L;

		MalformedRequestException(String message) {
			super(message);
		}

	}

}
