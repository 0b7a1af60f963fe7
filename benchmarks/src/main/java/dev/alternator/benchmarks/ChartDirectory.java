package dev.alternator.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the scenarios write their charts: the directory named by the system property {@value #PROPERTY} if set, else
 * {@code docs/images} of the repository. {@code ./mvnw -pl benchmarks exec:exec} starts the scenario in the
 * {@code benchmarks} module's directory, an IDE usually in the repository root: both are handled by looking for the
 * repository root (the directory holding {@code docs/benchmarks.md} and {@code benchmarks/pom.xml}) from the working
 * directory upwards.
 */
final class ChartDirectory {

	static final String PROPERTY = "benchmark.charts.dir";

	private ChartDirectory() {
	}

	/**
	 * The chart directory (not created).
	 * @throws IllegalStateException when the property is not set and no repository root is found
	 */
	static Path resolve() {
		String configured = System.getProperty(PROPERTY);
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured).toAbsolutePath();
		}
		Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
		for (Path directory = start; directory != null; directory = directory.getParent()) {
			if (Files.isRegularFile(directory.resolve("docs").resolve("benchmarks.md"))
					&& Files.isRegularFile(directory.resolve("benchmarks").resolve("pom.xml"))) {
				return directory.resolve("docs").resolve("images");
			}
		}
		throw new IllegalStateException("No repository root (with docs/benchmarks.md) found from " + start
				+ " upwards; set -D" + PROPERTY + "=/some/directory to choose where the charts go");
	}

	/**
	 * The file of one chart in the chart directory, for example {@code failover.svg}.
	 */
	static Path file(String name) {
		return resolve().resolve(name);
	}

}
