package dev.alternator.spring.autoconfigure;

import java.util.List;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.ssl.SslBundle;

/**
 * Where the Alternator cluster is: its seeds and, when it enforces authorization, the credentials. Every bean of the
 * auto-configuration reads this, never the properties directly, so that Testcontainers ({@code @ServiceConnection})
 * or a {@code LocalCluster} bean declared at development or test time can supply
 * it.
 */
public interface AlternatorConnectionDetails extends ConnectionDetails {

	/**
	 * The nodes to start discovery from: hosts, {@code host:port} or URLs.
	 * @return at least one seed
	 */
	List<String> getSeeds();

	/**
	 * The access key id to sign requests with.
	 * @return the access key id, or {@code null} for anonymous requests (unless an {@code AwsCredentialsProvider}
	 * bean qualified {@link AlternatorCredentials @AlternatorCredentials} is given)
	 */
	default String getAccessKeyId() {
		return null;
	}

	/**
	 * The secret access key to sign requests with.
	 * @return the secret, or {@code null} with {@link #getAccessKeyId()}
	 */
	default String getSecretAccessKey() {
		return null;
	}

	/**
	 * Whether the seeds lead to the other nodes through {@code /localnodes}. A single container whose reported address
	 * the application cannot reach answers {@code false}: requests then go to the seeds only.
	 * @return whether to discover nodes
	 */
	default boolean isDiscoveryEnabled() {
		return true;
	}

	/**
	 * Datacenter to route requests to.
	 * @return the datacenter, or {@code null} for {@code alternator.datacenter} (unset: every datacenter)
	 */
	default String getDatacenter() {
		return null;
	}

	/**
	 * Rack of the datacenter to route requests to.
	 * @return the rack, or {@code null} for {@code alternator.rack}
	 */
	default String getRack() {
		return null;
	}

	/**
	 * Scheme of seeds written without one and of discovered nodes.
	 * @return {@code http}, {@code https}, or {@code null} for {@code alternator.scheme} (unset: the first seed's)
	 */
	default String getScheme() {
		return null;
	}

	/**
	 * Alternator port of seeds written without one and of discovered nodes.
	 * @return the port, or {@code null} for {@code alternator.port} (unset: the first seed's)
	 */
	default Integer getPort() {
		return null;
	}

	/**
	 * The SSL bundle that verifies the nodes' certificates (and holds a client certificate, if any).
	 * @return the bundle, or {@code null} for the JVM's trust store or the deprecated {@code alternator.tls.*}
	 */
	default SslBundle getSslBundle() {
		return null;
	}

}
