package dev.alternator.local;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An HTTP response a node sends: status, headers in order, and a body of known length, or a body written by a
 * {@link BodyWriter} after a declared length (for answers that trickle or never end).
 */
final class HttpResponse {

	private static final String AMZ_JSON = "application/x-amz-json-1.0";

	private final int status;

	private final List<Map.Entry<String, String>> headers;

	private final byte[] body;

	private final long declaredLength;

	private final BodyWriter bodyWriter;

	HttpResponse(int status, List<Map.Entry<String, String>> headers, byte[] body) {
		this(status, headers, body, body.length, null);
	}

	private HttpResponse(int status, List<Map.Entry<String, String>> headers, byte[] body, long declaredLength,
			BodyWriter bodyWriter) {
		this.status = status;
		this.headers = headers;
		this.body = body;
		this.declaredLength = declaredLength;
		this.bodyWriter = bodyWriter;
	}

	/**
	 * Writes a streamed body; throwing closes the connection, which is how an answer shorter than its declared
	 * length ends.
	 */
	interface BodyWriter {

		void writeTo(OutputStream out) throws IOException;

	}

	/**
	 * An answer whose headers declare {@code declaredLength} bytes and whose body {@code writer} writes.
	 */
	static HttpResponse streaming(int status, String contentType, long declaredLength, BodyWriter writer) {
		List<Map.Entry<String, String>> headers = new ArrayList<>(1);
		headers.add(Map.entry("Content-Type", contentType));
		return new HttpResponse(status, headers, new byte[0], declaredLength, writer);
	}

	/**
	 * A redirect to {@code location}, with an empty body.
	 */
	static HttpResponse redirect(int status, String location) {
		List<Map.Entry<String, String>> headers = new ArrayList<>(2);
		headers.add(Map.entry("Content-Type", "text/plain"));
		headers.add(Map.entry("Location", location));
		return new HttpResponse(status, headers, new byte[0]);
	}

	static HttpResponse text(int status, String contentType, String body) {
		List<Map.Entry<String, String>> headers = new ArrayList<>(1);
		headers.add(Map.entry("Content-Type", contentType));
		return new HttpResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * An error in the shape DynamoDB (and Alternator) use, which the AWS SDK turns into a typed exception.
	 */
	static HttpResponse dynamoDbError(int status, String type, String message) {
		String body = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + type + "\",\"message\":\""
				+ message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
		return text(status, AMZ_JSON, body);
	}

	/**
	 * The answer to a request body over {@link HttpCodec#MAX_REQUEST_BODY}, before or after decompression.
	 */
	static HttpResponse payloadTooLarge() {
		return dynamoDbError(413, "RequestEntityTooLarge",
				"Request body exceeds the limit of " + HttpCodec.MAX_REQUEST_BODY + " bytes");
	}

	/**
	 * This answer with {@code extra} headers added after its own.
	 */
	HttpResponse withHeaders(List<Map.Entry<String, String>> extra) {
		if (extra.isEmpty()) {
			return this;
		}
		List<Map.Entry<String, String>> all = new ArrayList<>(this.headers.size() + extra.size());
		all.addAll(this.headers);
		all.addAll(extra);
		return new HttpResponse(this.status, all, this.body, this.declaredLength, this.bodyWriter);
	}

	/**
	 * This answer with another body and headers, for example compressed.
	 */
	HttpResponse withBody(List<Map.Entry<String, String>> headers, byte[] body) {
		return new HttpResponse(this.status, headers, body);
	}

	/**
	 * The first value of a header, by case-insensitive name, or {@code null}.
	 */
	String header(String name) {
		for (Map.Entry<String, String> header : this.headers) {
			if (header.getKey().equalsIgnoreCase(name)) {
				return header.getValue();
			}
		}
		return null;
	}

	int status() {
		return this.status;
	}

	List<Map.Entry<String, String>> headers() {
		return this.headers;
	}

	byte[] body() {
		return this.body;
	}

	long declaredLength() {
		return this.declaredLength;
	}

	BodyWriter bodyWriter() {
		return this.bodyWriter;
	}

	static String reason(int status) {
		switch (status) {
			case 200:
				return "OK";
			case 302:
				return "Found";
			case 307:
				return "Temporary Redirect";
			case 400:
				return "Bad Request";
			case 403:
				return "Forbidden";
			case 404:
				return "Not Found";
			case 405:
				return "Method Not Allowed";
			case 204:
				return "No Content";
			case 413:
				return "Payload Too Large";
			case 500:
				return "Internal Server Error";
			case 502:
				return "Bad Gateway";
			case 503:
				return "Service Unavailable";
			default:
				return "Status " + status;
		}
	}

}
