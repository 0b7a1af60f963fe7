package dev.alternator.local.testing;

import dev.alternator.local.LocalCluster;

/**
 * Cluster shapes that tests of several modules share.
 */
public final class TestClusters {

	private TestClusters() {
	}

	/**
	 * Five nodes in two datacenters: 127.0.0.1-2 in dc1/rack1, 127.0.0.3 in dc1/rack2, 127.0.0.4-5 in dc2/rack1.
	 * For tests of rack and datacenter scopes and of {@code /localnodes}.
	 * @return the builder, to add credentials or options before {@code start()}
	 */
	public static LocalCluster.Builder twoDatacenters() {
		return LocalCluster.builder().nodes("dc1", "rack1", 2).node("dc1", "rack2").nodes("dc2", "rack1", 2);
	}

}
