package dev.alternator.sample;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The catalogue's REST API: create, read, replace and delete products, and list those of a category. Its parameters
 * are checked by Spring MVC's built-in method validation (no {@code @Validated} proxy); {@link ProblemDetails} turns
 * every error into an RFC 9457 answer.
 */
@RestController
@RequestMapping("/products")
public class ProductController {

	private final ProductRepository repository;

	ProductController(ProductRepository repository) {
		this.repository = repository;
	}

	@PostMapping
	ResponseEntity<ProductResponse> create(@Valid @RequestBody ProductRequest request) {
		Product product = request.toProduct(UUID.randomUUID().toString());
		this.repository.save(product);
		return ResponseEntity.created(URI.create("/products/" + product.getId())).body(ProductResponse.of(product));
	}

	@GetMapping("/{id}")
	ProductResponse get(@PathVariable String id) {
		return this.repository.findById(id).map(ProductResponse::of).orElseThrow(() -> notFound(id));
	}

	@PutMapping("/{id}")
	ProductResponse replace(@PathVariable String id, @Valid @RequestBody ProductRequest request) {
		Product product = request.toProduct(id);
		if (!this.repository.replace(product)) {
			throw notFound(id);
		}
		return ProductResponse.of(product);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		if (!this.repository.deleteById(id)) {
			throw notFound(id);
		}
		return ResponseEntity.noContent().build();
	}

	@GetMapping
	List<ProductResponse> byCategory(@RequestParam @NotBlank String category) {
		return this.repository.findByCategory(category).stream().map(ProductResponse::of).toList();
	}

	private static ResponseStatusException notFound(String id) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No product with id '" + id + "'");
	}

}
