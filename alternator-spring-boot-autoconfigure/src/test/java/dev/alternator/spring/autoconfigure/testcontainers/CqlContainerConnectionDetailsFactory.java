package dev.alternator.spring.autoconfigure.testcontainers;

import java.net.InetSocketAddress;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.testcontainers.scylladb.ScyllaDBContainer;

/**
 * Tests only (listed in the test {@code META-INF/spring.factories}): CQL connection details for every
 * {@code @ServiceConnection} ScyllaDB container, standing for what a CQL integration gives, so that a CQL-only
 * container is served by someone as in a real application (Spring Boot fails a service connection nobody serves).
 */
class CqlContainerConnectionDetailsFactory extends
		ContainerConnectionDetailsFactory<ScyllaDBContainer, CqlContainerConnectionDetailsFactory.CqlConnectionDetails> {

	@Override
	protected CqlConnectionDetails getContainerConnectionDetails(ContainerConnectionSource<ScyllaDBContainer> source) {
		return new ScyllaDbCqlConnectionDetails(source);
	}

	/**
	 * Where the CQL port is.
	 */
	interface CqlConnectionDetails extends ConnectionDetails {

		InetSocketAddress getContactPoint();

	}

	static final class ScyllaDbCqlConnectionDetails extends ContainerConnectionDetails<ScyllaDBContainer>
			implements CqlConnectionDetails {

		ScyllaDbCqlConnectionDetails(ContainerConnectionSource<ScyllaDBContainer> source) {
			super(source);
		}

		@Override
		public InetSocketAddress getContactPoint() {
			return getContainer().getContactPoint();
		}

	}

}
