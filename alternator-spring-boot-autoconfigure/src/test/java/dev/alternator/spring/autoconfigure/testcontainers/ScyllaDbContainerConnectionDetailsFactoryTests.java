package dev.alternator.spring.autoconfigure.testcontainers;

import java.util.Map;

import dev.alternator.spring.autoconfigure.AlternatorConnectionDetails;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;
import org.springframework.boot.testcontainers.service.connection.TestContainerConnectionSources;
import org.testcontainers.scylladb.ScyllaDBContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which {@code @ServiceConnection} ScyllaDB containers get Alternator connection details, through the factories
 * Spring Boot loads from {@code META-INF/spring.factories}; without Docker (see {@link NotStartedScyllaDbContainer}).
 */
class ScyllaDbContainerConnectionDetailsFactoryTests {

	private final ConnectionDetailsFactories factories = new ConnectionDetailsFactories(getClass().getClassLoader());

	@Test
	void containerWithAlternatorGetsItsMappedEndpoint() {
		NotStartedScyllaDbContainer container = new NotStartedScyllaDbContainer();
		container.withAlternator();
		AlternatorConnectionDetails details = alternatorDetails(container);
		assertThat(details).isNotNull();
		assertThat(container.wasStarted()).isTrue();
		assertThat(details.getSeeds()).containsExactly("http://localhost:18000");
		assertThat(details.isDiscoveryEnabled()).isFalse();
	}

	@Test
	void cqlOnlyContainerGetsNoAlternatorConnectionDetails() {
		assertThat(alternatorDetails(new NotStartedScyllaDbContainer())).isNull();
	}

	@Test
	void alternatorHttpsPortGivesAnHttpsSeed() {
		NotStartedScyllaDbContainer container = new NotStartedScyllaDbContainer();
		container.withCommand("--developer-mode=1 --alternator-https-port=8043").withExposedPorts(9042, 8043);
		assertThat(alternatorDetails(container).getSeeds()).containsExactly("https://localhost:18043");
	}

	private AlternatorConnectionDetails alternatorDetails(ScyllaDBContainer container) {
		Map<Class<?>, ConnectionDetails> details = this.factories
			.getConnectionDetails(TestContainerConnectionSources.of(ScyllaDBContainer.class, "scylladb/scylla:6.2",
					container), false);
		return (AlternatorConnectionDetails) details.get(AlternatorConnectionDetails.class);
	}

}
