package dev.alternator.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ChartDirectoryTests {

	@AfterEach
	void clearProperty() {
		System.clearProperty(ChartDirectory.PROPERTY);
	}

	@Test
	void fromTheModuleDirectoryChartsGoToTheRepositoryDocs() {
		// Surefire, like exec:exec, runs in the benchmarks module's directory.
		assertThat(Path.of(System.getProperty("user.dir")).getFileName()).hasToString("benchmarks");
		Path directory = ChartDirectory.resolve();
		assertThat(directory).endsWith(Path.of("docs", "images"));
		assertThat(Files.isRegularFile(directory.resolveSibling("benchmarks.md"))).isTrue();
	}

	@Test
	void thePropertyChoosesAnotherDirectory(@TempDir Path elsewhere) {
		System.setProperty(ChartDirectory.PROPERTY, elsewhere.toString());
		assertThat(ChartDirectory.file("failover.svg")).isEqualTo(elsewhere.resolve("failover.svg"));
	}

}
