package dev.alternator.local;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An HTTP response a node sends: status, headers in order, and a body of known length.
 */
final class HttpResponse {

	private static final String AMZ_JSON = "application/x-amz-json-1.0";

	private final int status;

	private final List<Map.Entry<String, String>> headers;

	private final byte[] body;

	HttpResponse(int status, List<Map.Entry<String, String>> headers, byte[] body) {
		this.status = status;
		this.headers = headers;
		this.body = body;
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

	int status() {
		return this.status;
	}

	List<Map.Entry<String, String>> headers() {
		return this.headers;
	}

	byte[] body() {
		return this.body;
	}

	static String reason(int status) {
		switch (status) {
			case 200:
				return "OK";
			case 400:
				return "Bad Request";
			case 403:
				return "Forbidden";
			case 404:
				return "Not Found";
			case 405:
				return "Method Not Allowed";
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
