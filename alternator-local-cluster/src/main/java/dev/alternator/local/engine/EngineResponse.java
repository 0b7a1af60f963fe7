package dev.alternator.local.engine;

import java.nio.charset.StandardCharsets;

/**
 * The engine's answer to one request: an HTTP status and a DynamoDB JSON body
 * ({@code application/x-amz-json-1.0}). A client error has status 400 and a body of the form
 * {@code {"__type":"com.amazonaws.dynamodb.v20120810#ValidationException","message":"..."}}.
 */
public final class EngineResponse {

	/** The content type of every body. */
	public static final String CONTENT_TYPE = "application/x-amz-json-1.0";

	private final int status;

	private final byte[] body;

	EngineResponse(int status, byte[] body) {
		this.status = status;
		this.body = body;
	}

	/**
	 * The HTTP status: 200, 400 for a client error, 500 for an engine bug.
	 * @return the status
	 */
	public int status() {
		return this.status;
	}

	/**
	 * The JSON body. The array is the engine's own: do not modify it.
	 * @return the body bytes
	 */
	public byte[] body() {
		return this.body;
	}

	/**
	 * The body as text, for tests and tools.
	 * @return the body decoded as UTF-8
	 */
	public String bodyAsString() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		// The body may hold user data.
		return "EngineResponse[status " + this.status + ", " + this.body.length + " bytes]";
	}

}
