package dev.alternator.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A product catalogue stored in ScyllaDB Alternator through the Alternator Spring Boot starter. Without
 * {@code alternator.seeds} it runs on an embedded three-node local cluster.
 */
@SpringBootApplication
public class CatalogueApplication {

	/**
	 * Starts the application.
	 * @param args command-line arguments, for example {@code --alternator.seeds=10.0.0.1}
	 */
	public static void main(String[] args) {
		SpringApplication.run(CatalogueApplication.class, args);
	}

}
