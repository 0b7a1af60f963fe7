package dev.alternator.local.engine;

import java.util.ArrayList;
import java.util.List;

import dev.alternator.local.LocalCluster;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The two-node cluster that the engine's tests of one class share, with the clients they open on it: registered on a
 * static field, it closes the clients and then the cluster after the last test.
 */
final class EngineCluster implements AfterAllCallback {

	private final LocalCluster cluster;

	private final List<AutoCloseable> resources = new ArrayList<>();

	private EngineCluster(LocalCluster cluster) {
		this.cluster = cluster;
	}

	/** Starts two nodes in one rack. */
	static EngineCluster twoNodes() {
		return new EngineCluster(LocalCluster.builder().nodes("dc1", "rack1", 2).start());
	}

	LocalCluster cluster() {
		return this.cluster;
	}

	/** A client pinned to one node (see {@link EngineClusterSupport#client}), closed after the last test. */
	DynamoDbClient client(int node) {
		return closing(EngineClusterSupport.client(this.cluster, node));
	}

	/** Closes the resource after the last test, before the cluster. */
	<T extends AutoCloseable> T closing(T resource) {
		this.resources.add(resource);
		return resource;
	}

	@Override
	public void afterAll(ExtensionContext context) throws Exception {
		for (AutoCloseable resource : this.resources) {
			resource.close();
		}
		this.cluster.close();
	}

}
