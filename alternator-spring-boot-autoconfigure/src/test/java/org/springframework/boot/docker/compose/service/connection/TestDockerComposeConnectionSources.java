package org.springframework.boot.docker.compose.service.connection;

import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.mock.env.MockEnvironment;

/**
 * Builds a {@link DockerComposeConnectionSource} (package-private constructor) for a running service given by a test.
 */
public final class TestDockerComposeConnectionSources {

	private TestDockerComposeConnectionSources() {
	}

	/**
	 * A source for the service.
	 * @param service the service as Docker Compose would report it
	 * @return the source
	 */
	public static DockerComposeConnectionSource of(RunningService service) {
		return new DockerComposeConnectionSource(service, new MockEnvironment());
	}

}
