package dev.alternator.spring.autoconfigure;

import dev.alternator.client.AlternatorLoadBalancer;
import dev.alternator.client.RoutingScope;
import dev.alternator.client.TlsSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Auto-configuration of load-balanced DynamoDB clients for a ScyllaDB Alternator cluster: an
 * {@link AlternatorLoadBalancer} bound to the context's lifecycle, and the {@link DynamoDbClient},
 * {@link DynamoDbAsyncClient} and enhanced clients on top of it. Each bean backs off when the application defines
 * its own. Runs before Spring Cloud AWS's DynamoDB auto-configuration, so that its {@code DynamoDbTemplate} uses
 * these clients.
 */
@AutoConfiguration(beforeName = "io.awspring.cloud.autoconfigure.dynamodb.DynamoDbAutoConfiguration")
@ConditionalOnClass({ DynamoDbClient.class, AlternatorLoadBalancer.class })
@ConditionalOnBooleanProperty(name = "alternator.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AlternatorProperties.class)
public final class AlternatorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(AlternatorConnectionDetails.class)
	PropertiesAlternatorConnectionDetails alternatorConnectionDetails(AlternatorProperties properties) {
		return new PropertiesAlternatorConnectionDetails(properties);
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	AlternatorLoadBalancer alternatorLoadBalancer(AlternatorProperties properties,
			AlternatorConnectionDetails connectionDetails,
			ObjectProvider<AlternatorLoadBalancerBuilderCustomizer> customizers) {
		if (connectionDetails.getSeeds() == null || connectionDetails.getSeeds().isEmpty()) {
			throw new NoAlternatorSeedsException();
		}
		AlternatorLoadBalancer.Builder builder = AlternatorLoadBalancer.builder()
			.seeds(connectionDetails.getSeeds())
			.datacenter(properties.getDatacenter())
			.rack(properties.getRack())
			.fallback(properties.isFallback())
			.region(Region.of(properties.getRegion()))
			.discovery(connectionDetails.isDiscoveryEnabled())
			.activeRefreshInterval(properties.getDiscovery().getActiveInterval())
			.idleRefreshInterval(properties.getDiscovery().getIdleInterval())
			.discoveryTimeout(properties.getDiscovery().getTimeout())
			.probeInterval(properties.getDiscovery().getProbeInterval())
			.connectTimeout(properties.getHttp().getConnectTimeout())
			.readTimeout(properties.getHttp().getReadTimeout())
			.maxConnections(properties.getHttp().getMaxConnections())
			.tls(tlsSettings(properties.getTls()))
			.keyRouteAffinity(properties.getKeyRouteAffinity().getMode());
		properties.getKeyRouteAffinity().getPartitionKeys().forEach(builder::partitionKey);
		if (!properties.getFallbackScopes().isEmpty()) {
			builder.fallbackScopes(properties.getFallbackScopes()
				.stream()
				.map(AlternatorAutoConfiguration::routingScope)
				.toArray(RoutingScope[]::new));
		}
		if (properties.getScheme() != null) {
			builder.scheme(properties.getScheme());
		}
		if (properties.getPort() != null) {
			builder.port(properties.getPort());
		}
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		AlternatorLoadBalancer loadBalancer = builder.build();
		// Discovery starts with the context: the first node list is known before any client is used.
		loadBalancer.start();
		return loadBalancer;
	}

	private static TlsSettings tlsSettings(AlternatorProperties.Tls tls) {
		TlsSettings.Builder builder = TlsSettings.builder().trustAll(tls.isTrustAll());
		if (tls.getTrustStore() != null) {
			builder.trustStore(tls.getTrustStore(), chars(tls.getTrustStorePassword()), tls.getTrustStoreType());
		}
		if (tls.getCaCertificate() != null) {
			builder.caCertificate(tls.getCaCertificate());
		}
		if (tls.getKeyStore() != null) {
			builder.clientCertificate(tls.getKeyStore(), chars(tls.getKeyStorePassword()), tls.getKeyStoreType());
		}
		return builder.build();
	}

	private static char[] chars(String password) {
		return (password != null) ? password.toCharArray() : null;
	}

	/**
	 * Credentials from the connection details, else the application's provider, else anonymous requests.
	 */
	static AwsCredentialsProvider credentials(AlternatorConnectionDetails connectionDetails,
			ObjectProvider<AwsCredentialsProvider> applicationProvider) {
		if (connectionDetails.getAccessKeyId() != null && connectionDetails.getSecretAccessKey() != null) {
			return StaticCredentialsProvider.create(AwsBasicCredentials.create(connectionDetails.getAccessKeyId(),
					connectionDetails.getSecretAccessKey()));
		}
		return applicationProvider.getIfAvailable(AnonymousCredentialsProvider::create);
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	DynamoDbClient dynamoDbClient(AlternatorLoadBalancer loadBalancer, AlternatorConnectionDetails connectionDetails,
			ObjectProvider<AwsCredentialsProvider> credentialsProvider,
			ObjectProvider<DynamoDbClientBuilderCustomizer> customizers) {
		DynamoDbClientBuilder builder = loadBalancer.configure(DynamoDbClient.builder())
			.credentialsProvider(credentials(connectionDetails, credentialsProvider));
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(NettyNioAsyncHttpClient.class)
	static class AsyncClientConfiguration {

		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean
		DynamoDbAsyncClient dynamoDbAsyncClient(AlternatorLoadBalancer loadBalancer,
				AlternatorConnectionDetails connectionDetails,
				ObjectProvider<AwsCredentialsProvider> credentialsProvider,
				ObjectProvider<DynamoDbAsyncClientBuilderCustomizer> customizers) {
			DynamoDbAsyncClientBuilder builder = loadBalancer.configure(DynamoDbAsyncClient.builder())
				.credentialsProvider(credentials(connectionDetails, credentialsProvider));
			customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
			return builder.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(DynamoDbEnhancedClient.class)
	static class EnhancedClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		DynamoDbEnhancedClient dynamoDbEnhancedClient(DynamoDbClient dynamoDbClient) {
			return DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDbClient).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ DynamoDbEnhancedAsyncClient.class, NettyNioAsyncHttpClient.class })
	static class EnhancedAsyncClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		DynamoDbEnhancedAsyncClient dynamoDbEnhancedAsyncClient(DynamoDbAsyncClient dynamoDbAsyncClient) {
			return DynamoDbEnhancedAsyncClient.builder().dynamoDbClient(dynamoDbAsyncClient).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
	static class SanitizingConfiguration {

		@Bean
		AlternatorSecretsSanitizer alternatorSecretsSanitizer() {
			return new AlternatorSecretsSanitizer();
		}

	}


	/**
	 * Reads one entry of {@code alternator.fallback-scopes}: {@code cluster}, {@code dc1} or {@code dc1/rack2}.
	 */
	static RoutingScope routingScope(String scope) {
		String trimmed = scope.trim();
		if ("cluster".equalsIgnoreCase(trimmed)) {
			return RoutingScope.cluster();
		}
		int slash = trimmed.indexOf('/');
		if (slash < 0) {
			return RoutingScope.datacenter(trimmed);
		}
		return RoutingScope.rack(trimmed.substring(0, slash), trimmed.substring(slash + 1));
	}

}
