package dev.alternator.local.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * DynamoDB JSON requests sent as raw bytes, for what the SDK will not send: malformed JSON, unknown or missing
 * targets, wrongly typed fields.
 */
final class RawRequests {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private RawRequests() {
	}

	/**
	 * Posts a body with the given target.
	 * @param endpoint the node
	 * @param operation the operation after {@code DynamoDB_20120810.}, or {@code null} to send no target header
	 * @param body the raw body
	 * @return the answer
	 */
	static Answer post(URI endpoint, String operation, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve("/"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-amz-json-1.0")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (operation != null) {
			request.header("X-Amz-Target", "DynamoDB_20120810." + operation);
		}
		try {
			HttpResponse<String> response = http.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Answer(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An HTTP status and body.
	 * @param status the HTTP status
	 * @param body the body
	 */
	record Answer(int status, String body) {

		/**
		 * The error type of an error body, without its namespace.
		 * @return e.g. {@code ValidationException}, or an empty string when the body has no {@code __type}
		 */
		String errorType() {
			int key = this.body.indexOf("\"__type\"");
			if (key < 0) {
				return "";
			}
			int open = this.body.indexOf('"', this.body.indexOf(':', key) + 1);
			int close = this.body.indexOf('"', open + 1);
			String type = this.body.substring(open + 1, close);
			return type.substring(type.indexOf('#') + 1);
		}

	}

}
