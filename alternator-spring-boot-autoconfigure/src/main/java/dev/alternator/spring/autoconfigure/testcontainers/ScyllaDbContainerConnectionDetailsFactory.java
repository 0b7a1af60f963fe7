package dev.alternator.spring.autoconfigure.testcontainers;

import java.util.List;

import dev.alternator.spring.autoconfigure.AlternatorConnectionDetails;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.testcontainers.scylladb.ScyllaDBContainer;

/**
 * {@link AlternatorConnectionDetails} for a {@code @ServiceConnection} {@link ScyllaDBContainer} started
 * {@code withAlternator()}. The container's {@code /localnodes} lists its container-internal address, which the test
 * cannot reach, so requests stay on the mapped endpoint: discovery is off.
 */
class ScyllaDbContainerConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<ScyllaDBContainer, AlternatorConnectionDetails> {

	ScyllaDbContainerConnectionDetailsFactory() {
		super(ANY_CONNECTION_NAME, "dev.alternator.client.AlternatorLoadBalancer");
	}

	@Override
	protected AlternatorConnectionDetails getContainerConnectionDetails(
			ContainerConnectionSource<ScyllaDBContainer> source) {
		return new ScyllaDbContainerConnectionDetails(source);
	}

	/**
	 * The mapped Alternator endpoint of the container.
	 */
	static final class ScyllaDbContainerConnectionDetails extends ContainerConnectionDetails<ScyllaDBContainer>
			implements AlternatorConnectionDetails {

		ScyllaDbContainerConnectionDetails(ContainerConnectionSource<ScyllaDBContainer> source) {
			super(source);
		}

		@Override
		public List<String> getSeeds() {
			return List.of(getContainer().getAlternatorEndpoint());
		}

		@Override
		public boolean isDiscoveryEnabled() {
			return false;
		}

		/**
		 * The bundle from the container's SSL annotations ({@code @PemTrustStore} etc.), as Spring Boot's own
		 * container connection details expose it.
		 */
		@Override
		public SslBundle getSslBundle() {
			return super.getSslBundle();
		}

	}

}
