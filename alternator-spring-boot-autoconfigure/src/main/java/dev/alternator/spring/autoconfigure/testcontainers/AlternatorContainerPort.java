package dev.alternator.spring.autoconfigure.testcontainers;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.testcontainers.containers.Container;

/**
 * The Alternator port of a ScyllaDB container, read from how the container is configured: the
 * {@code --alternator-port} / {@code --alternator-https-port} options (or {@code alternator_port} /
 * {@code alternator_https_port} as scylla.yaml spells them) in its command or environment, and the ports it exposes.
 * A CQL-only container has none, and then no connection details are given for it.
 *
 * @param port the container port Alternator listens on
 * @param https whether the port is Alternator's https port
 */
record AlternatorContainerPort(int port, boolean https) {

	/** Alternator's conventional http port, the one {@code ScyllaDBContainer.withAlternator()} sets. */
	static final int DEFAULT_HTTP_PORT = 8000;

	/** Alternator's conventional https port. */
	static final int DEFAULT_HTTPS_PORT = 8043;

	// "--alternator-port=8000", "--alternator-port 8000", "alternator_https_port: 8043".
	private static final Pattern OPTION = Pattern
		.compile("(?:^|[\\s-])alternator[-_](https[-_])?port(?:\\s*[=:]\\s*|\\s+)(\\d{1,5})");

	/**
	 * The Alternator port of the container, from its command and environment, or from the conventional Alternator
	 * ports it exposes.
	 * @param container the container, started or not (a started {@code ScyllaDBContainer.withAlternator()} has the
	 * option in its command; before it starts, only the ports and command given to it explicitly are seen)
	 * @return the port, or {@code null} when the container does not run Alternator or does not expose its port
	 */
	static @Nullable AlternatorContainerPort of(Container<?> container) {
		List<Integer> exposed = container.getExposedPorts();
		for (AlternatorContainerPort configured : configuredPorts(container)) {
			// A port that is configured but not exposed cannot be reached from the test: it gives nothing.
			if (exposed.contains(configured.port())) {
				return configured;
			}
		}
		if (exposed.contains(DEFAULT_HTTP_PORT)) {
			return new AlternatorContainerPort(DEFAULT_HTTP_PORT, false);
		}
		if (exposed.contains(DEFAULT_HTTPS_PORT)) {
			return new AlternatorContainerPort(DEFAULT_HTTPS_PORT, true);
		}
		return null;
	}

	private static List<AlternatorContainerPort> configuredPorts(Container<?> container) {
		StringBuilder text = new StringBuilder();
		String[] commandParts = container.getCommandParts();
		if (commandParts != null) {
			text.append(String.join(" ", commandParts));
		}
		container.getEnvMap().values().forEach((value) -> text.append(' ').append(value));
		List<AlternatorContainerPort> ports = new ArrayList<>();
		Matcher matcher = OPTION.matcher(text);
		while (matcher.find()) {
			int port = Integer.parseInt(matcher.group(2));
			if (port > 0 && port <= 65535) {
				ports.add(new AlternatorContainerPort(port, matcher.group(1) != null));
			}
		}
		return ports;
	}

	/**
	 * The scheme of requests to this port.
	 * @return {@code https} or {@code http}
	 */
	String scheme() {
		return this.https ? "https" : "http";
	}

}
