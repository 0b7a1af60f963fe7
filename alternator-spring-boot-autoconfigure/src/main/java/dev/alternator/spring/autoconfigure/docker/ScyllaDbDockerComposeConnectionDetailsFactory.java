package dev.alternator.spring.autoconfigure.docker;

import java.util.List;

import dev.alternator.spring.autoconfigure.AlternatorConnectionDetails;
import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionDetailsFactory;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionSource;

/**
 * {@link AlternatorConnectionDetails} for a {@code scylladb/scylla} service of Spring Boot's Docker Compose support
 * whose Alternator port (container port 8000, {@code --alternator-port=8000}) is published. A service without it (a
 * CQL-only ScyllaDB) gives none, so that it cannot break start-up. As with Testcontainers, the node reports its
 * container-internal address in {@code /localnodes}: requests stay on the published port, discovery is off.
 */
class ScyllaDbDockerComposeConnectionDetailsFactory
		extends DockerComposeConnectionDetailsFactory<AlternatorConnectionDetails> {

	static final int ALTERNATOR_PORT = 8000;

	ScyllaDbDockerComposeConnectionDetailsFactory() {
		super("scylladb/scylla", "dev.alternator.client.AlternatorLoadBalancer");
	}

	@Override
	protected AlternatorConnectionDetails getDockerComposeConnectionDetails(DockerComposeConnectionSource source) {
		RunningService service = source.getRunningService();
		Integer port = publishedAlternatorPort(service);
		return (port != null) ? new ScyllaDbDockerComposeConnectionDetails(service.host(), port) : null;
	}

	private static Integer publishedAlternatorPort(RunningService service) {
		try {
			return service.ports().get(ALTERNATOR_PORT);
		}
		catch (IllegalStateException ex) {
			// No host port for container port 8000: Alternator is off or not published.
			return null;
		}
	}

	/**
	 * The published Alternator endpoint of the service.
	 */
	static final class ScyllaDbDockerComposeConnectionDetails implements AlternatorConnectionDetails {

		private final String seed;

		ScyllaDbDockerComposeConnectionDetails(String host, int port) {
			this.seed = "http://" + host + ":" + port;
		}

		@Override
		public List<String> getSeeds() {
			return List.of(this.seed);
		}

		@Override
		public boolean isDiscoveryEnabled() {
			return false;
		}

	}

}
