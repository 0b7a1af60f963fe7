package dev.alternator.local.testing;

import java.util.function.Consumer;

import dev.alternator.local.LocalCluster;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension for a cluster that the tests of one class share: it puts the cluster back after each test and
 * closes it after the last. Register it on a static field next to the cluster:
 * <pre>
 * private static final LocalCluster cluster = LocalCluster.start();
 * &#64;RegisterExtension
 * static final SharedCluster shared = SharedCluster.of(cluster).afterEach(ClusterRestore::restartStopped);
 * </pre>
 */
public final class SharedCluster implements AfterEachCallback, AfterAllCallback {

	private final LocalCluster cluster;

	private final Consumer<LocalCluster> restore;

	private SharedCluster(LocalCluster cluster, Consumer<LocalCluster> restore) {
		this.cluster = cluster;
		this.restore = restore;
	}

	/**
	 * Closes the cluster after the last test of the class.
	 * @param cluster the running cluster
	 * @return the extension
	 */
	public static SharedCluster of(LocalCluster cluster) {
		return new SharedCluster(cluster, (restored) -> {
		});
	}

	/**
	 * Also restores the cluster after each test.
	 * @param restore what puts it back, such as {@link ClusterRestore#clearFaultsAndRestart}
	 * @return a new extension
	 */
	public SharedCluster afterEach(Consumer<LocalCluster> restore) {
		return new SharedCluster(this.cluster, restore);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.restore.accept(this.cluster);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		this.cluster.close();
	}

}
