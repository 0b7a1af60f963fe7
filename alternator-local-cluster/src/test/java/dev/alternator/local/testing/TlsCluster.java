package dev.alternator.local.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.alternator.local.ClientCertificates;
import dev.alternator.local.LocalCluster;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension for a cluster serving https that the tests of one class share, with its CA certificate written
 * to a PEM file for the clients to trust; closes the cluster and deletes the file after the last test. Register it
 * on a static field:
 * <pre>
 * &#64;RegisterExtension
 * static final TlsCluster tls = TlsCluster.start(LocalCluster.builder().nodes("dc1", "rack1", 2).tls(true));
 * </pre>
 * or {@link #requiringClientCertificates(int)} for mutual TLS.
 */
public final class TlsCluster implements AfterAllCallback {

	private final LocalCluster cluster;

	private final Path directory;

	private final Path caPem;

	private final ClientCertificates.Issued trustedAuthority;

	private TlsCluster(LocalCluster cluster, Path directory, ClientCertificates.Issued trustedAuthority) {
		this.cluster = cluster;
		this.directory = directory;
		this.trustedAuthority = trustedAuthority;
		this.caPem = cluster.tls()
			.orElseThrow(() -> new IllegalArgumentException("the cluster does not serve https: call tls(true)"))
			.writeCertificatePem(directory);
	}

	/**
	 * Starts the cluster the builder describes (it must serve https).
	 * @param builder the cluster's description
	 * @return the extension
	 */
	public static TlsCluster start(LocalCluster.Builder builder) {
		return start(builder, null);
	}

	/**
	 * Starts nodes in one rack that require a client certificate issued by {@link #trustedAuthority()}.
	 * @param nodes how many nodes
	 * @return the extension
	 */
	public static TlsCluster requiringClientCertificates(int nodes) {
		ClientCertificates.Issued trusted = ClientCertificates.authority("trusted-ca");
		return start(LocalCluster.builder().nodes("dc1", "rack1", nodes).requireClientCertificate(trusted.certificate()),
				trusted);
	}

	private static TlsCluster start(LocalCluster.Builder builder, ClientCertificates.Issued trustedAuthority) {
		try {
			return new TlsCluster(builder.start(), Files.createTempDirectory("alternator-tls-"), trustedAuthority);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @return the authority whose client certificates the nodes accept
	 * @throws IllegalStateException unless the cluster was started by {@link #requiringClientCertificates(int)}
	 */
	public ClientCertificates.Issued trustedAuthority() {
		if (this.trustedAuthority == null) {
			throw new IllegalStateException("the nodes do not require client certificates");
		}
		return this.trustedAuthority;
	}

	/**
	 * @return the running cluster
	 */
	public LocalCluster cluster() {
		return this.cluster;
	}

	/**
	 * @return the PEM file of the CA that signed the nodes' certificate
	 */
	public Path caPem() {
		return this.caPem;
	}

	@Override
	public void afterAll(ExtensionContext context) throws IOException {
		this.cluster.close();
		Files.deleteIfExists(this.caPem);
		Files.deleteIfExists(this.directory);
	}

}
