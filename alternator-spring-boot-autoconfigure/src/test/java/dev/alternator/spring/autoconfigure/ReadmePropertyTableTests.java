package dev.alternator.spring.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's property table against the configuration metadata: a property added, renamed or removed, or a default
 * changed, without the table following fails here.
 */
class ReadmePropertyTableTests {

	private static final Path README = Path.of("..", "README.md");

	private static final Pattern CODE = Pattern.compile("`([^`]+)`");

	private static ConfigurationMetadata metadata;

	/** Each property the table names, with the text of its default cell. */
	private static Map<String, String> table;

	@BeforeAll
	static void load() throws IOException {
		metadata = ConfigurationMetadata.load();
		table = readTable(Files.readAllLines(README));
	}

	@Test
	void tableNamesEveryProperty() {
		List<String> missing = new ArrayList<>(metadata.properties().keySet());
		missing.removeIf((name) -> table.containsKey(name) || coveredByWildcard(name));
		assertThat(missing).as("properties missing from README's table").isEmpty();
	}

	@Test
	void tableNamesNoPropertyThatDoesNotExist() {
		List<String> unknown = new ArrayList<>(table.keySet());
		unknown.removeIf((name) -> metadata.properties().containsKey(name) || name.endsWith(".*"));
		assertThat(unknown).as("README rows without a property").isEmpty();
	}

	@Test
	void tableGivesEachDefault() {
		List<String> wrong = new ArrayList<>();
		metadata.properties().forEach((name, property) -> {
			Object value = property.get("defaultValue");
			String cell = table.get(name);
			if (value != null && cell != null && !cell.contains("`" + value.toString().toLowerCase() + "`")
					&& !cell.contains("`" + value + "`")) {
				wrong.add(name + ": metadata says " + value + ", README says " + cell);
			}
		});
		assertThat(wrong).as("defaults that README gives differently").isEmpty();
	}

	private static boolean coveredByWildcard(String name) {
		return table.keySet()
			.stream()
			.anyMatch((row) -> row.endsWith(".*") && name.startsWith(row.substring(0, row.length() - 1))
					&& metadata.properties().get(name).containsKey("deprecation"));
	}

	/**
	 * The rows of the table under "## Properties". A row names one property, or several as
	 * {@code `alternator.tls.trust-store` / `-password` / `-type`}; a map property is written with its key
	 * ({@code alternator.address-translation[<host>]}, {@code ...partition-keys.<table>}).
	 */
	private static Map<String, String> readTable(List<String> lines) {
		Map<String, String> rows = new LinkedHashMap<>();
		int start = lines.indexOf("## Properties");
		assertThat(start).as("README's Properties section").isNotNegative();
		boolean inTable = false;
		for (String line : lines.subList(start, lines.size())) {
			if (line.startsWith("| Property |")) {
				inTable = true;
				continue;
			}
			if (inTable && !line.startsWith("|")) {
				break;
			}
			if (!inTable || line.startsWith("|---")) {
				continue;
			}
			String[] cells = line.split("\\|");
			String defaultCell = (cells.length > 2) ? cells[2].trim() : "";
			String base = null;
			Matcher matcher = CODE.matcher(cells[1]);
			while (matcher.find()) {
				String name = matcher.group(1);
				if (name.startsWith("-") && base != null) {
					name = base + name;
				}
				else {
					base = name;
				}
				rows.put(withoutKey(name), defaultCell);
			}
		}
		return rows;
	}

	private static String withoutKey(String name) {
		int bracket = name.indexOf("[<");
		if (bracket > 0) {
			return name.substring(0, bracket);
		}
		int placeholder = name.indexOf(".<");
		return (placeholder > 0) ? name.substring(0, placeholder) : name;
	}

}
