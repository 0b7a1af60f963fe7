package dev.alternator.spring.autoconfigure.testcontainers;

import org.testcontainers.scylladb.ScyllaDBContainer;

/**
 * A {@link ScyllaDBContainer} that "starts" without Docker: {@link #start()} only applies the container's own
 * configuration step (where {@code withAlternator()} adds its command option and port), and mapped ports are the
 * container ports plus 10000 on localhost, or the port of a server given with {@link #mappedTo(String, int)} (a local
 * cluster node standing for the container). It lets the connection details be tested where Docker is missing.
 */
class NotStartedScyllaDbContainer extends ScyllaDBContainer {

	private boolean started;

	private String host = "localhost";

	private Integer mappedPort;

	NotStartedScyllaDbContainer() {
		super("scylladb/scylla:6.2");
	}

	@Override
	public void start() {
		configure();
		this.started = true;
	}

	/**
	 * Maps every container port to this host and port.
	 * @param host the host
	 * @param port the port
	 * @return this container
	 */
	NotStartedScyllaDbContainer mappedTo(String host, int port) {
		this.host = host;
		this.mappedPort = port;
		return this;
	}

	boolean wasStarted() {
		return this.started;
	}

	@Override
	public String getHost() {
		return this.host;
	}

	@Override
	public Integer getMappedPort(int originalPort) {
		return (this.mappedPort != null) ? this.mappedPort : originalPort + 10000;
	}

}
