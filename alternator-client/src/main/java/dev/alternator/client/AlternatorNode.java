package dev.alternator.client;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

import dev.alternator.client.internal.discovery.SeedParser;

/**
 * One Alternator node as the client reaches it: scheme, host and port. Immutable.
 */
public final class AlternatorNode {

	private final String scheme;

	private final String host;

	private final int port;

	private final URI uri;


	private final int hash;

	private AlternatorNode(String scheme, String host, int port) {
		this.scheme = scheme;
		this.host = host;
		this.port = port;
		String authorityHost = (host.indexOf(':') >= 0) ? "[" + host + "]" : host;
		this.uri = URI.create(scheme + "://" + authorityHost + ":" + port);
		this.hash = Objects.hash(scheme, host, port);
	}

	/**
	 * Creates a node.
	 * @param scheme {@code http} or {@code https}
	 * @param host a host name or an IP address (IPv6 without brackets)
	 * @param port 1 to 65535
	 * @return the node
	 * @throws IllegalArgumentException when a part is invalid
	 */
	public static AlternatorNode of(String scheme, String host, int port) {
		Objects.requireNonNull(scheme, "scheme must not be null");
		Objects.requireNonNull(host, "host must not be null");
		String normalizedScheme = scheme.toLowerCase(Locale.ROOT);
		if (!"http".equals(normalizedScheme) && !"https".equals(normalizedScheme)) {
			throw new IllegalArgumentException("Scheme must be 'http' or 'https', was '" + scheme + "'");
		}
		String normalizedHost = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1)
				: host;
		if (normalizedHost.isBlank()) {
			throw new IllegalArgumentException("Host must not be empty");
		}
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("Port must be between 1 and 65535, was " + port);
		}
		return new AlternatorNode(normalizedScheme, normalizedHost, port);
	}

	/**
	 * Reads a seed as users write it: a host ({@code 10.0.0.1}), {@code host:port}, {@code [ipv6]:port} or a URL
	 * ({@code https://node1:8043}).
	 * @param seed the seed
	 * @param defaultScheme the scheme when the seed has none
	 * @param defaultPort the port when the seed has none
	 * @return the node
	 * @throws IllegalArgumentException naming the seed, what is wrong and valid examples
	 */
	public static AlternatorNode fromSeed(String seed, String defaultScheme, int defaultPort) {
		return SeedParser.parse(seed, defaultScheme, defaultPort);
	}

	/**
	 * The scheme, {@code http} or {@code https}.
	 * @return the scheme
	 */
	public String scheme() {
		return this.scheme;
	}

	/**
	 * The host name or IP address (IPv6 without brackets).
	 * @return the host
	 */
	public String host() {
		return this.host;
	}

	/**
	 * The Alternator port.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * The node's base URL, for example {@code http://10.0.0.1:8000}.
	 * @return the URL
	 */
	public URI uri() {
		return this.uri;
	}

	@Override
	public boolean equals(Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof AlternatorNode)) {
			return false;
		}
		AlternatorNode node = (AlternatorNode) other;
		return this.port == node.port && this.scheme.equals(node.scheme) && this.host.equals(node.host);
	}

	@Override
	public int hashCode() {
		return this.hash;
	}

	@Override
	public String toString() {
		return this.uri.toString();
	}

}
