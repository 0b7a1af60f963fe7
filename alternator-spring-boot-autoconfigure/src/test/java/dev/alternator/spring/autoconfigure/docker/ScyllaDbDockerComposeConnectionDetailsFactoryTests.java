package dev.alternator.spring.autoconfigure.docker;

import java.util.List;
import java.util.Map;

import dev.alternator.spring.autoconfigure.AlternatorConnectionDetails;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;
import org.springframework.boot.docker.compose.core.ConnectionPorts;
import org.springframework.boot.docker.compose.core.ImageReference;
import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.TestDockerComposeConnectionSources;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Docker Compose service connection, on services described in code: there is no Docker engine here (the GitHub
 * workflow runs the sample against a real one).
 */
class ScyllaDbDockerComposeConnectionDetailsFactoryTests {

	@Test
	void aScyllaServiceWithItsAlternatorPortPublishedGivesItsEndpoint() {
		AlternatorConnectionDetails details = new ScyllaDbDockerComposeConnectionDetailsFactory()
			.getConnectionDetails(TestDockerComposeConnectionSources.of(service(Map.of(8000, 32768, 9042, 32769))));
		assertThat(details).isNotNull();
		assertThat(details.getSeeds()).containsExactly("http://127.0.0.1:32768");
		assertThat(details.isDiscoveryEnabled()).isFalse();
	}

	@Test
	void aCqlOnlyScyllaServiceGivesNothingInsteadOfBreakingStartUp() {
		assertThat(new ScyllaDbDockerComposeConnectionDetailsFactory()
			.getConnectionDetails(TestDockerComposeConnectionSources.of(service(Map.of(9042, 32769))))).isNull();
	}

	@Test
	void theFactoryIsRegisteredForBootsServiceConnections() {
		ConnectionDetailsFactories factories = new ConnectionDetailsFactories(null);
		Map<Class<?>, ?> details = factories.getConnectionDetails(
				TestDockerComposeConnectionSources.of(service(Map.of(8000, 32768))), false);
		assertThat(details).containsKey(AlternatorConnectionDetails.class);
	}

	private static RunningService service(Map<Integer, Integer> published) {
		return new RunningService() {

			@Override
			public String name() {
				return "scylla";
			}

			@Override
			public ImageReference image() {
				return ImageReference.of("scylladb/scylla:2025.1");
			}

			@Override
			public String host() {
				return "127.0.0.1";
			}

			@Override
			public ConnectionPorts ports() {
				return new ConnectionPorts() {

					@Override
					public int get(int containerPort) {
						Integer port = published.get(containerPort);
						if (port == null) {
							throw new IllegalStateException("No host port mapping found for container port "
									+ containerPort);
						}
						return port;
					}

					@Override
					public List<Integer> getAll() {
						return List.copyOf(published.values());
					}

					@Override
					public List<Integer> getAll(String protocol) {
						return getAll();
					}

				};
			}

			@Override
			public Map<String, String> env() {
				return Map.of();
			}

			@Override
			public Map<String, String> labels() {
				return Map.of();
			}

		};
	}

}
