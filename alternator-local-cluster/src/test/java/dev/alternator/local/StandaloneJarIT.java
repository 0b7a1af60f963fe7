package dev.alternator.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standalone jar as a user starts it: {@code java -jar}, in a child process, stopped with SIGTERM (what
 * Ctrl-C's SIGINT also triggers: the JVM's shutdown hooks).
 */
class StandaloneJarIT {

	private static final Path JAR = Paths.get(System.getProperty("standalone.jar",
			"target/alternator-local-cluster-0.1.0-SNAPSHOT-standalone.jar"));

	@Test
	void jarStartsPrintsSeedsServesSignedRequestsAndStopsCleanly() throws Exception {
		assertThat(JAR).exists();
		String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
		long started = System.nanoTime();
		// Output to a file, not a pipe: Process.destroy() closes the pipes before the shutdown hook prints.
		Path output = Paths.get("target", "standalone-jar-it.out");
		Files.deleteIfExists(output);
		Process process = new ProcessBuilder(java, "-jar", JAR.toString(), "--nodes", "3", "--port", "0",
				"--control-port", "0", "--credentials", Clients.ACCESS_KEY + ":" + Clients.SECRET_KEY)
			.redirectOutput(output.toFile())
			.redirectError(ProcessBuilder.Redirect.to(Paths.get("target", "standalone-jar-it.log").toFile()))
			.start();
		try {
			Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
				.until(() -> Files.readString(output).contains("Seeds: "));
			String seeds = line(output, "Seeds: ");
			String control = line(output, "Control API: ");
			long startMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
			System.out.println("Standalone jar printed its seeds " + startMillis + " ms after start");
			List<String> endpoints = List.of(seeds.split(","));
			assertThat(endpoints).hasSize(3);
			try (DynamoDbClient client = Clients.pinnedTo(URI.create(endpoints.get(1)))) {
				Clients.createTable(client, "standalone");
				assertThat(client.listTables().tableNames()).containsExactly("standalone");
			}
			try (DynamoDbClient wrongSecret = Clients.pinnedTo(URI.create(endpoints.get(0)), Clients.ACCESS_KEY,
					"wrong")) {
				org.assertj.core.api.Assertions.assertThatThrownBy(wrongSecret::listTables)
					.isInstanceOf(software.amazon.awssdk.services.dynamodb.model.DynamoDbException.class);
			}
			assertThat(control).isNotNull();
			HttpResponse<String> killed = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(control + "/127.0.0.3/kill"))
					.POST(HttpRequest.BodyPublishers.noBody())
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(killed.body()).contains("KILLED");

			process.destroy();
			assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s of SIGTERM").isTrue();
			assertThat(Files.readAllLines(output)).as("exit code " + process.exitValue())
				.contains("Local Alternator cluster stopped.");
		}
		finally {
			process.destroyForcibly();
		}
	}

	private static String line(Path output, String prefix) throws java.io.IOException {
		for (String line : Files.readAllLines(output)) {
			if (line.startsWith(prefix)) {
				return line.substring(prefix.length());
			}
		}
		return null;
	}

	@Test
	void libraryJarCarriesNoLoggingBackend() throws Exception {
		Path library = Paths.get(JAR.toString().replace("-standalone.jar", ".jar"));
		try (JarFile jar = new JarFile(library.toFile()); JarFile standalone = new JarFile(JAR.toFile())) {
			assertThat(jar.getEntry("org/slf4j/simple/SimpleLogger.class")).isNull();
			assertThat(standalone.getEntry("org/slf4j/simple/SimpleLogger.class")).isNotNull();
			assertThat(standalone.getManifest().getMainAttributes().getValue("Main-Class"))
				.isEqualTo(LocalClusterMain.class.getName());
		}
		assertThat(Files.readString(Paths.get("pom.xml"))).contains("<optional>true</optional>");
	}

}
