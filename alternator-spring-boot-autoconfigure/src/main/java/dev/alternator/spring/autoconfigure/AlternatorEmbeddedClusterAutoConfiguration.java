package dev.alternator.spring.autoconfigure;

import java.util.List;

import dev.alternator.local.LocalCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Starts an embedded local cluster when no seeds are configured and {@code alternator-local-cluster} is on the
 * classpath, as Spring Boot starts an embedded database: development and tests then need no database installed. The
 * cluster has three nodes in datacenter {@code dc1} (two in {@code rack1}, one in {@code rack2}) on free ports, and is
 * closed with the context. Setting {@code alternator.seeds} turns it off.
 */
@AutoConfiguration(before = AlternatorAutoConfiguration.class)
@ConditionalOnClass({ LocalCluster.class, dev.alternator.client.AlternatorLoadBalancer.class })
@ConditionalOnBooleanProperty(name = "alternator.enabled", matchIfMissing = true)
@Conditional(NoSeedsCondition.class)
public final class AlternatorEmbeddedClusterAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(AlternatorEmbeddedClusterAutoConfiguration.class);

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean({ LocalCluster.class, AlternatorConnectionDetails.class })
	LocalCluster alternatorEmbeddedCluster() {
		LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 2).node("dc1", "rack2").start();
		logger.info("No alternator.seeds configured: started an embedded Alternator cluster (alternator-local-cluster,"
				+ " in memory) with seeds {}. Set alternator.seeds to use a real cluster.", cluster.seeds());
		return cluster;
	}

	@Bean
	@ConditionalOnMissingBean(AlternatorConnectionDetails.class)
	AlternatorConnectionDetails alternatorEmbeddedConnectionDetails(LocalCluster cluster) {
		return new EmbeddedClusterConnectionDetails(cluster);
	}

	/**
	 * The seeds of the embedded cluster.
	 */
	static final class EmbeddedClusterConnectionDetails implements AlternatorConnectionDetails {

		private final LocalCluster cluster;

		EmbeddedClusterConnectionDetails(LocalCluster cluster) {
			this.cluster = cluster;
		}

		@Override
		public List<String> getSeeds() {
			return this.cluster.seeds();
		}

	}

}
