package dev.alternator.sample;

import java.util.Map;
import java.util.TreeMap;

import dev.alternator.client.NoLiveNodesException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Every error as an RFC 9457 problem detail with a message a person can act on. Spring MVC's own exceptions (404 for
 * an unknown path, malformed JSON, a parameter of the wrong type, a missing parameter, a wrong method) come from
 * {@link ResponseEntityExceptionHandler}; this class adds the field names to validation errors, maps a constraint
 * violation to 400 (not 500), and an unreachable database to 503 with {@code Retry-After}.
 */
@RestControllerAdvice
class ProblemDetails extends ResponseEntityExceptionHandler {

	/** Seconds a client should wait before retrying when the database cannot be reached. */
	static final String RETRY_AFTER_SECONDS = "2";

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Map<String, String> fields = new TreeMap<>();
		ex.getBindingResult()
			.getFieldErrors()
			.forEach((error) -> fields.put(error.getField(), error.getDefaultMessage()));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid product: " + fields);
		problem.setTitle("Invalid request");
		problem.setProperty("fields", fields);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Map<String, String> fields = new TreeMap<>();
		ex.getParameterValidationResults()
			.forEach((result) -> result.getResolvableErrors()
				.forEach((error) -> fields.put(parameterName(result.getMethodParameter().getParameterName()),
						error.getDefaultMessage())));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Invalid parameters: " + fields);
		problem.setTitle("Invalid request");
		problem.setProperty("fields", fields);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * A constraint violated outside Spring MVC's own validation (a {@code @Validated} bean): the client's fault, 400.
	 * @param ex the violation
	 * @return the problem
	 */
	@ExceptionHandler(ConstraintViolationException.class)
	ProblemDetail constraintViolation(ConstraintViolationException ex) {
		Map<String, String> fields = new TreeMap<>();
		for (ConstraintViolation<?> violation : ex.getConstraintViolations()) {
			fields.put(parameterName(violation.getPropertyPath().toString()), violation.getMessage());
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Invalid parameters: " + fields);
		problem.setTitle("Invalid request");
		problem.setProperty("fields", fields);
		return problem;
	}

	/**
	 * No node of the cluster answers, or the table could not be created yet: 503, try again shortly. The exception's
	 * own message is not shown: it may name internal addresses.
	 * @param ex the failure
	 * @return the problem, with {@code Retry-After}
	 */
	@ExceptionHandler({ NoLiveNodesException.class, ClusterUnavailableException.class, SdkClientException.class })
	ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The database cannot be reached at the moment; retry in " + RETRY_AFTER_SECONDS + " seconds.");
		problem.setTitle("Database unavailable");
		logger.warn("Database unavailable: " + ex.getClass().getSimpleName());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			.body(problem);
	}

	// "byCategory.category" names the method too; a client only knows the parameter.
	private static String parameterName(String path) {
		return (path != null) ? path.substring(path.lastIndexOf('.') + 1) : "parameter";
	}

}
