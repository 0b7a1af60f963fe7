package dev.alternator.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cross-origin headers as Alternator sends them, so that a script in a browser can call a node: only when the
 * request has an {@code Origin} header; any origin is allowed, and a pre-flight ({@code OPTIONS}) gets the
 * methods and headers it asked for.
 */
final class Cors {

	/** The response headers a script may read: the ones the AWS SDKs use. */
	static final String EXPOSED_HEADERS = "x-amzn-RequestId,x-amzn-ErrorType,x-amz-crc32,Date";

	/** How long, in seconds, a browser may cache a pre-flight answer. */
	static final String MAX_AGE_SECONDS = "86400";

	private Cors() {
	}

	static HttpResponse apply(HttpRequest request, HttpResponse response) {
		if (request.header("origin") == null) {
			return response;
		}
		List<Map.Entry<String, String>> headers = new ArrayList<>(5);
		headers.add(Map.entry("Access-Control-Allow-Origin", "*"));
		headers.add(Map.entry("Access-Control-Expose-Headers", EXPOSED_HEADERS));
		if ("OPTIONS".equals(request.method())) {
			headers.add(Map.entry("Access-Control-Max-Age", MAX_AGE_SECONDS));
			String methods = request.header("access-control-request-method");
			if (methods != null) {
				headers.add(Map.entry("Access-Control-Allow-Methods", methods));
			}
			String requested = request.header("access-control-request-headers");
			if (requested != null) {
				headers.add(Map.entry("Access-Control-Allow-Headers", requested));
			}
		}
		return response.withHeaders(headers);
	}

}
