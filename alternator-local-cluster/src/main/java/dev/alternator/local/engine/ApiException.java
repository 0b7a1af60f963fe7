package dev.alternator.local.engine;

import java.util.Map;

import dev.alternator.local.engine.value.AttributeValue;

/**
 * A DynamoDB API error as the engine answers it: the error {@link #type() type} that goes into the
 * {@code __type} field of the response, a message, and the HTTP status. Every client error has status 400.
 * <p>
 * Thrown on the request path, often by validation of user input, so it carries no stack trace: building one
 * would cost more than the request itself.
 */
public final class ApiException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** The status of every client error. */
	public static final int BAD_REQUEST = 400;

	private final String type;

	private final int status;

	private final transient Map<String, AttributeValue> item;

	/**
	 * Creates an error.
	 * @param type the DynamoDB error type without namespace, e.g. {@code "ValidationException"}
	 * @param message the message for the client
	 * @param status the HTTP status
	 * @param item the item to return with a failed condition, or {@code null}
	 */
	public ApiException(String type, String message, int status, Map<String, AttributeValue> item) {
		super(message, null, false, false);
		this.type = type;
		this.status = status;
		this.item = item;
	}

	/**
	 * A {@code ValidationException}: the request is well-formed JSON but asks for something invalid.
	 * @param message what is wrong, worded as DynamoDB words it
	 * @return the error
	 */
	public static ApiException validation(String message) {
		return new ApiException("ValidationException", message, BAD_REQUEST, null);
	}

	/**
	 * A {@code SerializationException}: the request body does not have the shape the API expects.
	 * @param message what is wrong
	 * @return the error
	 */
	public static ApiException serialization(String message) {
		return new ApiException("SerializationException", message, BAD_REQUEST, null);
	}

	/**
	 * A {@code ResourceNotFoundException}, e.g. for a table that does not exist.
	 * @param message what was not found
	 * @return the error
	 */
	public static ApiException resourceNotFound(String message) {
		return new ApiException("ResourceNotFoundException", message, BAD_REQUEST, null);
	}

	/**
	 * A {@code ResourceInUseException}, e.g. for creating a table that already exists.
	 * @param message what is in use
	 * @return the error
	 */
	public static ApiException resourceInUse(String message) {
		return new ApiException("ResourceInUseException", message, BAD_REQUEST, null);
	}

	/**
	 * A {@code ConditionalCheckFailedException} with DynamoDB's message.
	 * @param item the item as it was, for {@code ReturnValuesOnConditionCheckFailure=ALL_OLD}, or
	 * {@code null} when it is not to be returned
	 * @return the error
	 */
	public static ApiException conditionalCheckFailed(Map<String, AttributeValue> item) {
		return new ApiException("ConditionalCheckFailedException", "The conditional request failed", BAD_REQUEST,
				item);
	}

	/**
	 * An {@code UnknownOperationException}, for an operation the engine does not know.
	 * @param message what was asked
	 * @return the error
	 */
	public static ApiException unknownOperation(String message) {
		return new ApiException("UnknownOperationException", message, BAD_REQUEST, null);
	}

	/**
	 * An {@code ItemCollectionSizeLimitExceededException}.
	 * @param message which collection is too large
	 * @return the error
	 */
	public static ApiException itemCollectionSizeLimitExceeded(String message) {
		return new ApiException("ItemCollectionSizeLimitExceededException", message, BAD_REQUEST, null);
	}

	/**
	 * The DynamoDB error type without namespace, e.g. {@code "ValidationException"}. The HTTP answer
	 * usually prefixes it with {@code com.amazonaws.dynamodb.v20120810#}.
	 * @return the type
	 */
	public String type() {
		return this.type;
	}

	/**
	 * The HTTP status of the answer.
	 * @return 400 for every client error
	 */
	public int status() {
		return this.status;
	}

	/**
	 * The item returned with a failed condition ({@code ReturnValuesOnConditionCheckFailure=ALL_OLD}).
	 * @return the item, or {@code null} when there is none to return
	 */
	public Map<String, AttributeValue> item() {
		return this.item;
	}

	@Override
	public String toString() {
		return this.type + ": " + getMessage();
	}

}
