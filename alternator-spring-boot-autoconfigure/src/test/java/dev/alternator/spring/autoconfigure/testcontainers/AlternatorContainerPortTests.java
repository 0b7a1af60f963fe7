package dev.alternator.spring.autoconfigure.testcontainers;

import org.junit.jupiter.api.Test;
import org.testcontainers.scylladb.ScyllaDBContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether a ScyllaDB container runs Alternator, decided from containers that are built but never started.
 */
class AlternatorContainerPortTests {

	@Test
	void cqlOnlyContainerHasNoAlternatorPort() {
		assertThat(AlternatorContainerPort.of(new ScyllaDBContainer("scylladb/scylla:6.2"))).isNull();
	}

	@Test
	void withAlternatorGivesPort8000OnceTheContainerIsConfigured() {
		NotStartedScyllaDbContainer container = new NotStartedScyllaDbContainer();
		container.withAlternator();
		container.start();
		assertThat(AlternatorContainerPort.of(container)).isEqualTo(new AlternatorContainerPort(8000, false));
	}

	@Test
	void alternatorPortInTheCommandIsUsedWhenExposed() {
		ScyllaDBContainer container = new ScyllaDBContainer("scylladb/scylla:6.2")
			.withCommand("--developer-mode=1 --alternator-port 8080 --alternator-write-isolation=only_rmw_uses_lwt")
			.withExposedPorts(9042, 8080);
		assertThat(AlternatorContainerPort.of(container)).isEqualTo(new AlternatorContainerPort(8080, false));
	}

	@Test
	void alternatorHttpsPortGivesHttps() {
		ScyllaDBContainer container = new ScyllaDBContainer("scylladb/scylla:6.2")
			.withCommand("--developer-mode=1 --alternator-https-port=8043")
			.withExposedPorts(9042, 8043);
		AlternatorContainerPort port = AlternatorContainerPort.of(container);
		assertThat(port).isEqualTo(new AlternatorContainerPort(8043, true));
		assertThat(port.scheme()).isEqualTo("https");
	}

	@Test
	void alternatorPortInTheEnvironmentIsUsed() {
		ScyllaDBContainer container = new ScyllaDBContainer("scylladb/scylla:6.2")
			.withEnv("SCYLLA_EXTRA", "alternator_port: 8001")
			.withExposedPorts(9042, 8001);
		assertThat(AlternatorContainerPort.of(container)).isEqualTo(new AlternatorContainerPort(8001, false));
	}

	@Test
	void configuredPortThatIsNotExposedGivesNothing() {
		ScyllaDBContainer container = new ScyllaDBContainer("scylladb/scylla:6.2")
			.withCommand("--developer-mode=1 --alternator-port=8000");
		assertThat(AlternatorContainerPort.of(container)).isNull();
	}

	@Test
	void exposedConventionalPortIsTakenWithoutAnOption() {
		ScyllaDBContainer container = new ScyllaDBContainer("scylladb/scylla:6.2").withExposedPorts(9042, 8000);
		assertThat(AlternatorContainerPort.of(container)).isEqualTo(new AlternatorContainerPort(8000, false));
	}

	@Test
	void otherOptionsNamingPortsAreNotMistakenForAlternator() {
		ScyllaDBContainer container = new ScyllaDBContainer("scylladb/scylla:6.2")
			.withCommand("--developer-mode=1 --native-transport-port=9042 --api-port=10000");
		assertThat(AlternatorContainerPort.of(container)).isNull();
	}

}
