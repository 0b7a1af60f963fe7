package dev.alternator.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

/**
 * The configuration metadata this module ships: what the configuration processor generated from
 * {@link AlternatorProperties} (and the endpoint's properties) merged with
 * {@code META-INF/additional-spring-configuration-metadata.json}, read from the module's own
 * {@code META-INF/spring-configuration-metadata.json}.
 *
 * @param properties each property's metadata by name
 * @param hints each hint by property name
 */
record ConfigurationMetadata(Map<String, Map<String, Object>> properties, Map<String, Map<String, Object>> hints) {

	private static final String LOCATION = "META-INF/spring-configuration-metadata.json";

	/**
	 * Reads the module's metadata (the classpath holds one such file per Spring Boot module too).
	 * @return the metadata
	 * @throws IOException if it cannot be read
	 */
	static ConfigurationMetadata load() throws IOException {
		for (URL url : Collections.list(ConfigurationMetadata.class.getClassLoader().getResources(LOCATION))) {
			String json;
			try (InputStream in = url.openStream()) {
				json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			List<Map<String, Object>> properties = JsonPath.read(json, "$.properties[*]");
			if (properties.stream().anyMatch((property) -> "alternator.seeds".equals(property.get("name")))) {
				List<Map<String, Object>> hints = JsonPath.read(json, "$.hints[*]");
				return new ConfigurationMetadata(byName(properties), byName(hints));
			}
		}
		throw new IllegalStateException("No " + LOCATION + " with alternator.seeds: was the configuration processor run?");
	}

	private static Map<String, Map<String, Object>> byName(List<Map<String, Object>> entries) {
		Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
		entries.forEach((entry) -> byName.put((String) entry.get("name"), entry));
		return byName;
	}

}
