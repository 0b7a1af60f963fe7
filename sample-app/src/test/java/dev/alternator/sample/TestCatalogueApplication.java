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
	 * Starts {@link CatalogueApplication} with {@link LocalClusterConfiguration} added, the failover demo's
	 * background load on, and the web server on loopback only.
	 * @param args command-line arguments
	 */
	public static void main(String[] args) {
		// The failover demo's background load, for http://localhost:8080/failover.html. A system property, so that
		// --demo.load.enabled=false on the command line still wins.
		if (System.getProperty("demo.load.enabled") == null) {
			System.setProperty("demo.load.enabled", "true");
		}
		// The demo page can kill the local cluster's nodes: on loopback only unless the command line says otherwise.
		if (System.getProperty("server.address") == null) {
			System.setProperty("server.address", "127.0.0.1");
		}
		SpringApplication.from(CatalogueApplication::main).with(LocalClusterConfiguration.class).run(args);
	}

}
