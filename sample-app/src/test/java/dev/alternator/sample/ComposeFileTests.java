package dev.alternator.sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code compose.yaml} describes what the starter's Docker Compose service connection recognises: a
 * {@code scylladb/scylla} image with Alternator on container port 8000, published on loopback only. Starting it needs
 * Docker; this checks the file without it.
 */
class ComposeFileTests {

	@Test
	@SuppressWarnings("unchecked")
	void composeFileRunsScyllaDbWithAlternatorPublishedOnLoopback() throws IOException {
		Map<String, Object> compose;
		try (InputStream in = Files.newInputStream(Path.of("compose.yaml"))) {
			compose = new Yaml().load(in);
		}
		Map<String, Object> services = (Map<String, Object>) compose.get("services");
		assertThat(services).hasSize(1);
		Map<String, Object> scylla = (Map<String, Object>) services.values().iterator().next();
		assertThat((String) scylla.get("image")).startsWith("scylladb/scylla:");
		assertThat((String) scylla.get("command")).contains("--alternator-port=8000");
		assertThat((List<String>) scylla.get("ports")).containsExactly("127.0.0.1::8000");
	}

}
