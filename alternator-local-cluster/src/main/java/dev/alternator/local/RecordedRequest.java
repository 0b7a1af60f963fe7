package dev.alternator.local;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request a node received and the answer it sent, exactly as they crossed the socket: the body as received (still
 * compressed when the client compressed it), the answer's body as sent (compressed when the node compressed it), and
 * the bytes each way on the wire, request line and headers included. Made by a {@link RequestRecording}.
 */
public final class RecordedRequest {

	private final String node;

	private final HttpRequest request;

	private final HttpResponse response;

	private final long requestBytes;

	private final long responseBytes;

	RecordedRequest(String node, HttpRequest request, HttpResponse response, long requestBytes, long responseBytes) {
		this.node = node;
		this.request = request;
		this.response = response;
		this.requestBytes = requestBytes;
		this.responseBytes = responseBytes;
	}

	/**
	 * The address of the node that received the request, for example {@code 127.0.0.2}.
	 * @return the node's address
	 */
	public String node() {
		return this.node;
	}

	/**
	 * The request method, for example {@code POST}.
	 * @return the method
	 */
	public String method() {
		return this.request.method();
	}

	/**
	 * The request path, without the query.
	 * @return the path
	 */
	public String path() {
		return this.request.path();
	}

	/**
	 * The request headers, keyed by lower-case name, values in arrival order.
	 * @return the headers (unmodifiable)
	 */
	public Map<String, List<String>> headers() {
		return java.util.Collections.unmodifiableMap(this.request.headers());
	}

	/**
	 * The first value of a request header.
	 * @param name the header name, in any case
	 * @return the value, or {@code null} when the request had no such header
	 */
	public String header(String name) {
		return this.request.header(name);
	}

	/**
	 * The request body as received, before any decoding.
	 * @return a copy of the body
	 */
	public byte[] body() {
		return this.request.body().clone();
	}

	/**
	 * The bytes the request took on the wire: request line, headers and body (chunk framing included).
	 * @return the byte count
	 */
	public long requestBytes() {
		return this.requestBytes;
	}

	/**
	 * The status of the answer.
	 * @return the HTTP status
	 */
	public int status() {
		return this.response.status();
	}

	/**
	 * The first value of an answer header, by case-insensitive name.
	 * @param name the header name
	 * @return the value, or {@code null} when the answer had no such header
	 */
	public String responseHeader(String name) {
		return this.response.header(name.toLowerCase(Locale.ROOT));
	}

	/**
	 * The answer's body as sent, compressed when the node compressed it.
	 * @return a copy of the body
	 */
	public byte[] responseBody() {
		return this.response.body().clone();
	}

	/**
	 * The bytes the answer took on the wire: status line, headers and body.
	 * @return the byte count
	 */
	public long responseBytes() {
		return this.responseBytes;
	}

	@Override
	public String toString() {
		// Header names only: values may carry signatures and tokens.
		return "RecordedRequest[" + this.node + " " + method() + " " + path() + " headers=" + this.request.headers().keySet()
				+ " " + this.requestBytes + " bytes -> " + status() + " " + this.responseBytes + " bytes]";
	}

}
