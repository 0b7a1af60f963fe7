package dev.alternator.sample;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns invalid product requests into 400 answers that name each field and what is wrong with it.
 */
@RestControllerAdvice
class ValidationErrors {

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalidRequest(MethodArgumentNotValidException ex) {
		Map<String, String> fields = new TreeMap<>();
		ex.getBindingResult()
			.getFieldErrors()
			.forEach((error) -> fields.put(error.getField(), error.getDefaultMessage()));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Invalid product: " + fields);
		problem.setProperty("fields", fields);
		return problem;
	}

}
