package dev.alternator.sample;

import dev.alternator.spring.autoconfigure.NoAlternatorSeedsException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The application as it starts in production: without {@code alternator.seeds} it must stop, never fall back to an
 * in-memory database, even though the local cluster is on this test classpath.
 */
class ProductionStartTests {

	@Test
	void withoutSeedsStartUpFailsInsteadOfUsingAnInMemoryCluster() {
		SpringApplication application = new SpringApplication(CatalogueApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run().close())
			.withRootCauseInstanceOf(NoAlternatorSeedsException.class);
	}

}
