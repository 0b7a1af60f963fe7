package dev.alternator.spring.autoconfigure;

import dev.alternator.client.AlternatorLoadBalancer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Auto-configuration of load-balanced DynamoDB clients for a ScyllaDB Alternator cluster: an
 * {@link AlternatorLoadBalancer} closed with the context, prototype {@link DynamoDbClientBuilder} and
 * {@link DynamoDbAsyncClientBuilder} beans configured for it (to build further clients), and the
 * {@link DynamoDbClient}, {@link DynamoDbAsyncClient} and enhanced clients built from them. Each bean backs off when
 * the application defines its own; with several load balancers or clients, the beans that need one take the primary
 * ({@code @ConditionalOnSingleCandidate}, as Spring Boot's {@code JdbcTemplate} takes a {@code DataSource}).
 * <p>
 * Nothing contacts the cluster until a client is built: the load balancer's discovery then starts in the background,
 * with a bounded wait for the first node list. The async clients are {@code @Lazy}: the Netty event loops start only
 * when something uses them. Runs before Spring Cloud AWS's DynamoDB auto-configuration, so that its
 * {@code DynamoDbTemplate} uses these clients.
 */
@AutoConfiguration(beforeName = "io.awspring.cloud.autoconfigure.dynamodb.DynamoDbAutoConfiguration")
@ConditionalOnClass({ DynamoDbClient.class, AlternatorLoadBalancer.class })
@ConditionalOnBooleanProperty(name = "alternator.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AlternatorProperties.class)
@Import({ AlternatorClientConfigurations.LoadBalancerConfiguration.class,
		AlternatorClientConfigurations.SyncClientConfiguration.class,
		AlternatorClientConfigurations.AsyncClientConfiguration.class,
		AlternatorClientConfigurations.EnhancedClientConfiguration.class,
		AlternatorClientConfigurations.EnhancedAsyncClientConfiguration.class,
		AlternatorClientConfigurations.SanitizingConfiguration.class })
public final class AlternatorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(AlternatorConnectionDetails.class)
	PropertiesAlternatorConnectionDetails alternatorConnectionDetails(AlternatorProperties properties,
			ObjectProvider<SslBundles> sslBundles) {
		return new PropertiesAlternatorConnectionDetails(properties, sslBundles);
	}

	@Bean
	LoadBalancerStarter alternatorLoadBalancerStarter(AlternatorProperties properties) {
		return new LoadBalancerStarter(properties.getDiscovery().getInitialWait());
	}

}
