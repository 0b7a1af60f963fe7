package dev.alternator.client.internal.discovery;

import java.net.URI;
import java.net.URISyntaxException;

import dev.alternator.client.AlternatorNode;

/**
 * Turns a seed as a user writes it ({@code 10.0.0.1}, {@code node1:8000}, {@code https://node1:8043},
 * {@code [::1]:8000}) into a node, with the default scheme and port where the seed has none.
 */
public final class SeedParser {

	public static final String EXAMPLE = "for example 10.0.0.1, 10.0.0.1:8000 or https://node1.example.com:8043";

	private SeedParser() {
	}

	public static AlternatorNode parse(String seed, String defaultScheme, int defaultPort) {
		if (seed == null || seed.isBlank()) {
			throw new IllegalArgumentException("Seed must not be empty; " + EXAMPLE);
		}
		String text = seed.trim();
		try {
			if (text.contains("://")) {
				return fromUrl(seed, text, defaultPort);
			}
			if (text.startsWith("[")) {
				int end = text.indexOf(']');
				if (end < 0) {
					throw invalid(seed, "an IPv6 address opened with '[' is not closed");
				}
				String host = text.substring(1, end);
				String rest = text.substring(end + 1);
				int port = rest.isEmpty() ? defaultPort : port(seed, rest.startsWith(":") ? rest.substring(1) : rest);
				return AlternatorNode.of(defaultScheme, host, port);
			}
			int colon = text.indexOf(':');
			if (colon >= 0 && colon == text.lastIndexOf(':')) {
				return AlternatorNode.of(defaultScheme, host(seed, text.substring(0, colon)),
						port(seed, text.substring(colon + 1)));
			}
			if (colon >= 0) {
				// Several colons and no brackets: a bare IPv6 address.
				return AlternatorNode.of(defaultScheme, text, defaultPort);
			}
			return AlternatorNode.of(defaultScheme, host(seed, text), defaultPort);
		}
		catch (IllegalArgumentException ex) {
			if (ex.getMessage() != null && ex.getMessage().startsWith("Seed '")) {
				throw ex;
			}
			throw invalid(seed, ex.getMessage());
		}
	}

	private static AlternatorNode fromUrl(String seed, String text, int defaultPort) {
		URI uri;
		try {
			uri = new URI(text);
		}
		catch (URISyntaxException ex) {
			throw invalid(seed, ex.getReason());
		}
		if (uri.getHost() == null) {
			throw invalid(seed, "the URL has no host");
		}
		String path = uri.getPath();
		if ((path != null && !path.isEmpty() && !"/".equals(path)) || uri.getQuery() != null) {
			throw invalid(seed, "a seed URL must not have a path or query");
		}
		int port = (uri.getPort() != -1) ? uri.getPort() : defaultPort;
		return AlternatorNode.of(uri.getScheme(), uri.getHost(), port);
	}

	private static String host(String seed, String host) {
		if (host.isEmpty() || !host.matches("[A-Za-z0-9._-]+")) {
			throw invalid(seed, "'" + host + "' is not a host name or IP address");
		}
		return host;
	}

	private static int port(String seed, String port) {
		try {
			int value = Integer.parseInt(port);
			if (value >= 1 && value <= 65535) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw invalid(seed, "port '" + port + "' is not between 1 and 65535");
	}

	private static IllegalArgumentException invalid(String seed, String reason) {
		return new IllegalArgumentException(
				"Seed '" + seed + "' is not a valid host, host:port or URL: " + reason + "; " + EXAMPLE);
	}

}
