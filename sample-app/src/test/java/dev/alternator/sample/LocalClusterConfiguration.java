package dev.alternator.sample;

import dev.alternator.local.LocalCluster;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A three-node in-memory Alternator cluster for development and tests (datacenter {@code dc1}: two nodes in
 * {@code rack1}, one in {@code rack2}, on free ports of 127.0.0.x). The starter takes its seeds from this bean, as from
 * a {@code @ServiceConnection} container; the application's own classpath never has it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class LocalClusterConfiguration {

	/**
	 * Starts the cluster; it is closed with the context.
	 * @return the started cluster
	 */
	@Bean(destroyMethod = "close")
	public LocalCluster alternatorLocalCluster() {
		return LocalCluster.builder().nodes("dc1", "rack1", 2).node("dc1", "rack2").start();
	}

	/**
	 * Lets the failover demo page kill, hang and restart the embedded nodes.
	 * @param cluster the cluster
	 * @return the control
	 */
	@Bean
	public LocalClusterNodeControl demoNodeControl(LocalCluster cluster) {
		return new LocalClusterNodeControl(cluster);
	}

}
