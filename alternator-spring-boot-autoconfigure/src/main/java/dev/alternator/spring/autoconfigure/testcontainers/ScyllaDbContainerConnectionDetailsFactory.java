package dev.alternator.spring.autoconfigure.testcontainers;

import java.util.List;

import dev.alternator.spring.autoconfigure.AlternatorConnectionDetails;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.testcontainers.scylladb.ScyllaDBContainer;

/**
 * {@link AlternatorConnectionDetails} for a {@code @ServiceConnection} {@link ScyllaDBContainer} that runs Alternator
 * ({@code withAlternator()}, or {@code --alternator-port} / {@code --alternator-https-port} in its command with the
 * port exposed). A CQL-only container gets none, so that it cannot break start-up: Boot's
 * {@link ContainerConnectionDetailsFactory} contract lets a factory answer {@code null} for a source it cannot serve,
 * and another factory (one for CQL) may serve it. The container's {@code /localnodes} lists its container-internal
 * address, which the test cannot reach, so requests stay on the mapped endpoint: discovery is off.
 * <p>
 * The decision needs the container's configuration, which Boot hands out only through
 * {@code ContainerConnectionDetails#getContainer()}: that starts the container if the Testcontainers JUnit extension
 * has not done so yet, a little earlier than the first use of the connection details would have.
 */
class ScyllaDbContainerConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<ScyllaDBContainer, AlternatorConnectionDetails> {

	private static final Logger logger = LoggerFactory.getLogger(ScyllaDbContainerConnectionDetailsFactory.class);

	ScyllaDbContainerConnectionDetailsFactory() {
		super(ANY_CONNECTION_NAME, "dev.alternator.client.AlternatorLoadBalancer");
	}

	@Override
	protected @Nullable AlternatorConnectionDetails getContainerConnectionDetails(
			ContainerConnectionSource<ScyllaDBContainer> source) {
		ScyllaDbContainerConnectionDetails details = new ScyllaDbContainerConnectionDetails(source);
		if (details.alternatorPort() == null) {
			logger.debug("No Alternator connection details for {}: the container neither configures nor exposes an"
					+ " Alternator port (CQL only)", source);
			return null;
		}
		return details;
	}

	/**
	 * The mapped Alternator endpoint of the container.
	 */
	static final class ScyllaDbContainerConnectionDetails extends ContainerConnectionDetails<ScyllaDBContainer>
			implements AlternatorConnectionDetails {

		ScyllaDbContainerConnectionDetails(ContainerConnectionSource<ScyllaDBContainer> source) {
			super(source);
		}

		/**
		 * Reads the container's Alternator port, starting the container if it is not running yet.
		 * @return the port, or {@code null} for a CQL-only container
		 */
		@Nullable AlternatorContainerPort alternatorPort() {
			try {
				afterPropertiesSet();
			}
			catch (Exception ex) {
				throw new IllegalStateException("Could not obtain the container of " + getOrigin(), ex);
			}
			return AlternatorContainerPort.of(getContainer());
		}

		@Override
		public List<String> getSeeds() {
			ScyllaDBContainer container = getContainer();
			AlternatorContainerPort port = AlternatorContainerPort.of(container);
			if (port == null) {
				throw new IllegalStateException("The container of " + getOrigin() + " has no Alternator port");
			}
			return List.of(port.scheme() + "://" + container.getHost() + ":" + container.getMappedPort(port.port()));
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
		public @Nullable SslBundle getSslBundle() {
			return super.getSslBundle();
		}

	}

}
