package dev.alternator.local.engine.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One DynamoDB API operation: reads a request's JSON and answers with the response's JSON bytes, or throws
 * {@link dev.alternator.local.engine.ApiException} for a client error.
 */
@FunctionalInterface
public interface Operation {

	/**
	 * Executes the operation.
	 * @param request the request body, a JSON object
	 * @return the response body
	 */
	byte[] execute(JsonNode request);

}
