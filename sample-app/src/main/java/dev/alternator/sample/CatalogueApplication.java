package dev.alternator.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A product catalogue stored in ScyllaDB Alternator through the Alternator Spring Boot starter. It needs
 * {@code alternator.seeds}; for development, {@code TestCatalogueApplication} (in {@code src/test}, run with
 * {@code spring-boot:test-run}) starts it on an in-memory local cluster.
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
