package dev.alternator.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 request as a node received it.
 */
final class HttpRequest {

	private final String method;

	private final String path;

	private final String rawQuery;

	private final Map<String, List<String>> headers;

	private final byte[] body;

	private HttpRequest(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {
		this.method = method;
		this.path = path;
		this.rawQuery = rawQuery;
		this.headers = headers;
		this.body = body;
	}

	HttpRequest(String method, String target, Map<String, List<String>> headers, byte[] body) {
		this.method = method;
		int question = target.indexOf('?');
		this.path = (question < 0) ? target : target.substring(0, question);
		this.rawQuery = (question < 0) ? "" : target.substring(question + 1);
		this.headers = headers;
		this.body = body;
	}

	String method() {
		return this.method;
	}

	String path() {
		return this.path;
	}

	String rawQuery() {
		return this.rawQuery;
	}

	/**
	 * Headers keyed by lower-case name, values in arrival order.
	 */
	Map<String, List<String>> headers() {
		return this.headers;
	}

	String header(String name) {
		List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	byte[] body() {
		return this.body;
	}

	/**
	 * The same request with another body, for example decoded.
	 */
	HttpRequest withBody(byte[] newBody) {
		return new HttpRequest(this.method, this.path, this.rawQuery, this.headers, newBody);
	}

	/**
	 * Decoded query parameters; the first value wins when a name repeats.
	 */
	Map<String, String> queryParameters() {
		if (this.rawQuery.isEmpty()) {
			return Collections.emptyMap();
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		for (String pair : this.rawQuery.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = decode((equals < 0) ? pair : pair.substring(0, equals));
			String value = (equals < 0) ? "" : decode(pair.substring(equals + 1));
			parameters.putIfAbsent(name, value);
		}
		return parameters;
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

}
