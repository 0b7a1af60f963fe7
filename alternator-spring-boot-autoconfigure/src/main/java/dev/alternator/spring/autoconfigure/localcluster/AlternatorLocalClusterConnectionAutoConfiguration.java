package dev.alternator.spring.autoconfigure.localcluster;

import java.util.List;

import dev.alternator.client.AlternatorLoadBalancer;
import dev.alternator.local.LocalCluster;
import dev.alternator.spring.autoconfigure.AlternatorAutoConfiguration;
import dev.alternator.spring.autoconfigure.AlternatorConnectionDetails;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/**
 * Connects the clients to a {@link LocalCluster} bean that the application declares itself, in a test or
 * development-time configuration, as Spring Boot connects them to a {@code @ServiceConnection} container: the cluster's
 * seeds replace {@code alternator.seeds}. Nothing here starts a cluster: without such a bean (in production) this
 * backs off, and start-up without {@code alternator.seeds} fails.
 * <p>
 * For example, in {@code src/test}:
 * <pre class="code">
 * &#64;TestConfiguration(proxyBeanMethods = false)
 * class LocalClusterConfiguration {
 *
 *     &#64;Bean(destroyMethod = "close")
 *     LocalCluster alternatorLocalCluster() {
 *         return LocalCluster.builder().nodes("dc1", "rack1", 3).start();
 *     }
 *
 * }
 * </pre>
 */
@AutoConfiguration(before = AlternatorAutoConfiguration.class)
@ConditionalOnClass({ LocalCluster.class, AlternatorLoadBalancer.class })
@ConditionalOnSingleCandidate(LocalCluster.class)
public final class AlternatorLocalClusterConnectionAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(AlternatorConnectionDetails.class)
	LocalClusterConnectionDetails alternatorLocalClusterConnectionDetails(LocalCluster cluster) {
		return new LocalClusterConnectionDetails(cluster);
	}

	/**
	 * The seeds of the application's local cluster.
	 */
	static final class LocalClusterConnectionDetails implements AlternatorConnectionDetails {

		private final LocalCluster cluster;

		LocalClusterConnectionDetails(LocalCluster cluster) {
			this.cluster = cluster;
		}

		@Override
		public List<String> getSeeds() {
			return this.cluster.seeds();
		}

	}

}
