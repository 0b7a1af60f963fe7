package dev.alternator.spring.autoconfigure;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata an IDE shows for the starter's properties: every property is described in Spring Boot's
 * style, and every property whose values come from a closed set or have a known form offers them as hints. A new
 * property of such a type fails here until it has hints, or is listed in {@link #FREE_FORM} with the reason it has
 * none.
 */
class ConfigurationMetadataTests {

	/**
	 * Text properties with no hint, each with the reason.
	 */
	private static final Map<String, String> FREE_FORM = Map.ofEntries(
			Map.entry("alternator.seeds", "the addresses of the application's own cluster"),
			Map.entry("alternator.datacenter", "the datacenter names of the application's own cluster"),
			Map.entry("alternator.rack", "the rack names of the application's own cluster"),
			Map.entry("alternator.credentials.access-key-id", "a role name"),
			Map.entry("alternator.credentials.secret-access-key", "a secret"),
			Map.entry("alternator.tls.trust-store-password", "a secret"),
			Map.entry("alternator.tls.key-store-password", "a secret"),
			// The names are those of the application's spring.ssl.bundle.* entries. Spring Boot has no value provider
			// for SSL bundle names (its own *.ssl.bundle properties carry no hint), and spring-bean-reference would
			// be wrong: bundles are not beans.
			Map.entry("alternator.ssl.bundle", "names of spring.ssl.bundle.* entries; Boot has no provider for them"),
			Map.entry("alternator.user-agent-suffix", "the application's own name and version"));

	/**
	 * Enum constants that a property deliberately does not offer, with the reason.
	 */
	private static final Map<String, Set<String>> CONSTANTS_NOT_OFFERED = Map.of(
			// Compression is turned off with alternator.compression.request.enabled=false, not with an algorithm.
			"alternator.compression.request.algorithm", Set.of("none"));

	/**
	 * Types whose values an IDE completes without hints, or that are free by nature.
	 */
	private static final Set<String> SELF_DESCRIBING_TYPES = Set.of("java.lang.Boolean", "java.time.Duration",
			"org.springframework.util.unit.DataSize", "java.nio.file.Path", "java.lang.Integer",
			"java.util.Map<java.lang.String,java.lang.String>", "org.springframework.boot.actuate.endpoint.Access");

	private static ConfigurationMetadata metadata;

	@BeforeAll
	static void load() throws IOException {
		metadata = ConfigurationMetadata.load();
	}

	@Test
	void everyPropertyHasADescription() {
		assertThat(metadata.properties().values()).allSatisfy((property) -> assertThat((String) property.get("description"))
			.as("description of %s", property.get("name"))
			.isNotBlank()
			.endsWith("."));
	}

	@Test
	void booleanDescriptionsStartWithWhether() {
		assertThat(metadata.properties().values())
			.filteredOn((property) -> "java.lang.Boolean".equals(property.get("type")))
			.allSatisfy((property) -> assertThat((String) property.get("description"))
				.as("description of %s", property.get("name"))
				.startsWith("Whether "));
	}

	@Test
	void everyPropertyWithAClosedSetOrAKnownFormHasHints() {
		List<String> missing = new ArrayList<>();
		metadata.properties().forEach((name, property) -> {
			String type = (String) property.get("type");
			boolean hinted = metadata.hints().containsKey(name);
			boolean exempt = FREE_FORM.containsKey(name)
					|| (SELF_DESCRIBING_TYPES.contains(type) && !isOurEnum(type));
			if (!hinted && !exempt) {
				missing.add(name + " (" + type + ")");
			}
		});
		assertThat(missing).as("properties with neither hints nor a reason to have none").isEmpty();
	}

	@Test
	void enumHintsOfferEveryConstant() throws ClassNotFoundException {
		for (Map<String, Object> property : metadata.properties().values()) {
			String type = (String) property.get("type");
			if (isOurEnum(type)) {
				List<Object> offered = hintValues((String) property.get("name"));
				List<String> constants = Arrays.stream(Class.forName(type).getEnumConstants())
					.map((constant) -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'))
					.filter((constant) -> !CONSTANTS_NOT_OFFERED.getOrDefault(property.get("name"), Set.of())
						.contains(constant))
					.toList();
				assertThat(offered).as("hint values of %s", property.get("name"))
					.containsExactlyInAnyOrderElementsOf(constants);
			}
		}
	}

	@Test
	void everyHintNamesAPropertyAndOffersSomething() {
		assertThat(metadata.hints()).allSatisfy((name, hint) -> {
			assertThat(metadata.properties()).as("property of hint %s", name).containsKey(name);
			assertThat(hint.containsKey("values") || hint.containsKey("providers")).as("hint %s", name).isTrue();
		});
	}

	@Test
	void hintValuesAreDescribedWhereTheyAreNotSelfEvident() {
		for (String name : List.of("alternator.scheme", "alternator.key-route-affinity.mode",
				"alternator.fallback-scopes", "alternator.port")) {
			assertThat(hintEntries(name)).as("hint values of %s", name)
				.allSatisfy((value) -> assertThat((String) value.get("description")).isNotBlank());
		}
	}

	@Test
	void deprecatedPropertiesSayWhatReplacesThem() {
		assertThat(metadata.properties().values()).filteredOn((property) -> property.containsKey("deprecation"))
			.isNotEmpty()
			.allSatisfy((property) -> {
				Map<?, ?> deprecation = (Map<?, ?>) property.get("deprecation");
				assertThat(deprecation.get("replacement") != null || deprecation.get("reason") != null)
					.as("deprecation of %s", property.get("name"))
					.isTrue();
			});
	}

	private static boolean isOurEnum(String type) {
		if (type == null || !type.startsWith("dev.alternator.")) {
			return false;
		}
		try {
			return Class.forName(type).isEnum();
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> hintEntries(String name) {
		Map<String, Object> hint = metadata.hints().get(name);
		return (hint != null) ? (List<Map<String, Object>>) hint.getOrDefault("values", List.of()) : List.of();
	}

	private static List<Object> hintValues(String name) {
		return hintEntries(name).stream().map((value) -> value.get("value")).toList();
	}

}
