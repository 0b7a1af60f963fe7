package dev.alternator.spring.autoconfigure.testcontainers;

import org.testcontainers.scylladb.ScyllaDBContainer;

/**
 * A {@link ScyllaDBContainer} that "starts" without Docker: {@link #start()} only applies the container's own
 * configuration step (where {@code withAlternator()} adds its command option and port), and mapped ports are the
 * container ports plus 10000 on localhost. It lets the connection-details decision be tested where Docker is missing.
 */
class NotStartedScyllaDbContainer extends ScyllaDBContainer {

	private boolean started;

	NotStartedScyllaDbContainer() {
		super("scylladb/scylla:6.2");
	}

	@Override
	public void start() {
		configure();
		this.started = true;
	}

	boolean wasStarted() {
		return this.started;
	}

	@Override
	public String getHost() {
		return "localhost";
	}

	@Override
	public Integer getMappedPort(int originalPort) {
		return originalPort + 10000;
	}

}
