package dev.alternator.sample;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.alternator.client.AlternatorLoadBalancer;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import software.amazon.awssdk.core.exception.SdkClientException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;

/**
 * The web layer alone: request validation, JSON shapes and how each error becomes a problem detail. The repository is
 * a mock here only because this slice has no database; {@link CatalogueApplicationTests} covers the same API end to
 * end on the local cluster.
 */
@WebMvcTest({ ProductController.class, SpreadDemoController.class })
class ProductControllerTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	ProductRepository repository;

	@MockitoBean
	AlternatorLoadBalancer loadBalancer;

	@Test
	void createdProductKeepsTwoDecimalsAndIsNotTheStoredEntity() throws Exception {
		MvcTestResult result = this.mvc.post().uri("/products").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Mug\",\"category\":\"kitchen\",\"price\":29.9}").exchange();
		assertThat(result).hasStatus(HttpStatus.CREATED);
		assertThat(result).bodyJson().extractingPath("$.price").isEqualTo(29.90);
		assertThat(result.getResponse().getContentAsString()).contains("\"price\":29.90");
		assertThat(result).bodyJson().extractingPath("$.id").asString().isNotBlank();
	}

	@Test
	void invalidBodyNamesEachField() {
		MvcTestResult result = this.mvc.post().uri("/products").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\" \",\"category\":\"kitchen\",\"price\":1.234}").exchange();
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.fields.name").asString().isNotBlank();
		assertThat(result).bodyJson().extractingPath("$.fields.price").asString().contains("2");
		assertThat(result).bodyJson().doesNotHavePath("$.fields.category");
	}

	@Test
	void blankOrMissingCategoryIsBadRequest() {
		MvcTestResult blank = this.mvc.get().uri("/products?category=").exchange();
		assertThat(blank).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(blank).bodyJson().extractingPath("$.fields.category").asString().isNotBlank();
		MvcTestResult missing = this.mvc.get().uri("/products").exchange();
		assertThat(missing).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(missing).bodyJson().extractingPath("$.detail").asString().contains("category");
	}

	@Test
	void constraintViolationFromDeeperDownIsBadRequestNotServerError() {
		given(this.repository.findByCategory(any())).willThrow(new ConstraintViolationException("bad", Set.of()));
		assertThat(this.mvc.get().uri("/products?category=kitchen").exchange()).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void malformedJsonAndWrongTypesAreProblems() {
		MvcTestResult malformed = this.mvc.post().uri("/products").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":").exchange();
		assertThat(malformed).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(malformed).bodyJson().extractingPath("$.detail").isEqualTo("Failed to read request");
		MvcTestResult wrongPriceType = this.mvc.post().uri("/products").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Mug\",\"category\":\"kitchen\",\"price\":\"cheap\"}").exchange();
		assertThat(wrongPriceType).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		MvcTestResult wrongParameterType = this.mvc.post().uri("/demo/spread?requests=many").exchange();
		assertThat(wrongParameterType).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(wrongParameterType).bodyJson().extractingPath("$.detail").asString().contains("requests");
	}

	@Test
	void missingProductIsNotFoundWithItsId() {
		given(this.repository.findById("nope")).willReturn(Optional.empty());
		MvcTestResult result = this.mvc.get().uri("/products/nope").exchange();
		assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("No product with id 'nope'");
	}

	@Test
	void unreachableDatabaseIsServiceUnavailableWithRetryAfter() throws Exception {
		willThrow(SdkClientException.create("Unable to execute HTTP request: 10.0.0.7:8000 refused")).given(this.repository)
			.save(any());
		MvcTestResult result = this.mvc.post().uri("/products").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Mug\",\"category\":\"kitchen\",\"price\":3}").exchange();
		assertThat(result).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.hasHeader(HttpHeaders.RETRY_AFTER, ProblemDetails.RETRY_AFTER_SECONDS);
		// The client's message names an internal address: it stays in the log.
		assertThat(result.getResponse().getContentAsString()).doesNotContain("10.0.0.7");
	}

	@Test
	void listedProductsAreResponses() {
		Product mug = new Product();
		mug.setId("1");
		mug.setName("Mug");
		mug.setCategory("kitchen");
		mug.setPrice(new BigDecimal("4.50"));
		given(this.repository.findByCategory("kitchen")).willReturn(List.of(mug));
		MvcTestResult result = this.mvc.get().uri("/products?category=kitchen").exchange();
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().isLenientlyEqualTo("[{\"id\":\"1\",\"name\":\"Mug\",\"price\":4.50}]");
	}

}
