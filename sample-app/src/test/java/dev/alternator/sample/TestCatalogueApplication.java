package dev.alternator.sample;

import org.springframework.boot.SpringApplication;

/**
 * Runs the catalogue for development on an in-memory local cluster, with
 * {@code ./mvnw -pl sample-app -am spring-boot:test-run}. It lives in {@code src/test} so that the local cluster stays
 * off the application's classpath: a production start without {@code alternator.seeds} fails instead of storing data
 * in memory.
 */
public final class TestCatalogueApplication {

	private TestCatalogueApplication() {
	}

	/**
	 * Starts {@link CatalogueApplication} with {@link LocalClusterConfiguration} added.
	 * @param args command-line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.from(CatalogueApplication::main).with(LocalClusterConfiguration.class).run(args);
	}

}
