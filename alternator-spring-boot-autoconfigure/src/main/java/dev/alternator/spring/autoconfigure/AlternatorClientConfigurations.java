package dev.alternator.spring.autoconfigure;

import dev.alternator.client.AlternatorLoadBalancer;
import dev.alternator.client.RoutingScope;
import dev.alternator.client.TlsSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Scope;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The configurations {@link AlternatorAutoConfiguration} imports, in this order: the load balancer first, so that the
 * client configurations' single-candidate conditions see it.
 */
final class AlternatorClientConfigurations {

	private AlternatorClientConfigurations() {
	}

	@SuppressWarnings("deprecation")
	private static TlsSettings tlsSettings(AlternatorProperties.Tls tls, boolean hostnameVerification) {
		TlsSettings.Builder builder = TlsSettings.builder()
			.trustAll(tls.isTrustAll())
			.hostnameVerification(hostnameVerification);
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

	private static <T> T firstNonNull(T first, T second) {
		return (first != null) ? first : second;
	}

	@SuppressWarnings("deprecation")
	private static char[] chars(String password) {
		return (password != null) ? password.toCharArray() : null;
	}

	/**
	 * Imported first: the client configurations' single-candidate conditions must see the load balancer.
	 */
	@Configuration(proxyBeanMethods = false)
	static class LoadBalancerConfiguration {

		/**
		 * Built, not started: the first client builder starts it, so a load balancer that no client uses sends nothing.
		 */
		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean
		AlternatorLoadBalancer alternatorLoadBalancer(AlternatorProperties properties,
				AlternatorConnectionDetails connectionDetails,
				ObjectProvider<AlternatorLoadBalancerBuilderCustomizer> customizers,
				ObjectProvider<AlternatorHttpClientCustomizer> httpClientCustomizers,
				ObjectProvider<SslBundles> sslBundles) {
			if (connectionDetails.getSeeds() == null || connectionDetails.getSeeds().isEmpty()) {
				throw new NoAlternatorSeedsException();
			}
			AlternatorLoadBalancer.Builder builder = AlternatorLoadBalancer.builder()
				.seeds(connectionDetails.getSeeds())
				.datacenter(firstNonNull(connectionDetails.getDatacenter(), properties.getDatacenter()))
				.rack(firstNonNull(connectionDetails.getRack(), properties.getRack()))
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
				.tls(tlsSettings(properties, connectionDetails, sslBundles))
				.keyRouteAffinity(properties.getKeyRouteAffinity().getMode());
			properties.getKeyRouteAffinity().getPartitionKeys().forEach(builder::partitionKey);
			AlternatorProperties.Compression.Request requestCompression = properties.getCompression().getRequest();
			if (requestCompression.isEnabled()) {
				builder.requestCompression(requestCompression.getAlgorithm(),
						(int) requestCompression.getMinSize().toBytes());
			}
			builder.responseCompression(properties.getCompression().getResponse().isEnabled())
				.trimHeaders(properties.getHttp().isTrimHeaders());
			if (!properties.getFallbackScopes().isEmpty()) {
				builder.fallbackScopes(properties.getFallbackScopes()
					.stream()
					.map(LoadBalancerConfiguration::routingScope)
					.toArray(RoutingScope[]::new));
			}
			if (!properties.getAddressTranslation().isEmpty()) {
				builder.addressTranslator(new PropertiesAddressTranslator(properties.getAddressTranslation()));
			}
			String scheme = firstNonNull(connectionDetails.getScheme(), properties.getScheme());
			if (scheme != null) {
				builder.scheme(scheme);
			}
			Integer port = firstNonNull(connectionDetails.getPort(), properties.getPort());
			if (port != null) {
				builder.port(port);
			}
			builder.userAgentSuffix(properties.getUserAgentSuffix());
			// HTTP client options (issue 13): unset ones keep the SDK's defaults.
			AlternatorProperties.Http http = properties.getHttp();
			if (http.getConnectionMaxIdleTime() != null) {
				builder.connectionMaxIdleTime(http.getConnectionMaxIdleTime());
			}
			if (http.getConnectionTimeToLive() != null) {
				builder.connectionTimeToLive(http.getConnectionTimeToLive());
			}
			if (http.getConnectionAcquisitionTimeout() != null) {
				builder.connectionAcquisitionTimeout(http.getConnectionAcquisitionTimeout());
			}
			builder.tcpKeepAlive(http.isTcpKeepAlive());
			builder.httpClientType(http.getClient());
			builder.asyncHttpClientType(http.getAsyncClient());
			httpClientCustomizers.orderedStream().forEach(builder::httpClientCustomizer);
			customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
			return builder.build();
		}

		/**
		 * The connection details' SSL bundle (followed on reload when it is the named bundle of
		 * {@code alternator.ssl.bundle}), else the deprecated {@code alternator.tls.*} files.
		 */
		private static TlsSettings tlsSettings(AlternatorProperties properties,
				AlternatorConnectionDetails connectionDetails, ObjectProvider<SslBundles> sslBundles) {
			boolean hostnameVerification = properties.getSsl().isHostnameVerification();
			SslBundle bundle = connectionDetails.getSslBundle();
			if (bundle == null) {
				return AlternatorClientConfigurations.tlsSettings(properties.getTls(), hostnameVerification);
			}
			String name = (connectionDetails instanceof PropertiesAlternatorConnectionDetails)
					? properties.getSsl().getBundle() : null;
			return SslBundleManagers.tlsSettings(bundle, (name != null) ? sslBundles.getIfAvailable() : null, name,
					hostnameVerification);
		}

		/**
		 * One entry of {@code alternator.fallback-scopes}: {@code cluster}, a datacenter name, or {@code dc/rack}.
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

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnSingleCandidate(AlternatorLoadBalancer.class)
	static class SyncClientConfiguration {

		/**
		 * A new builder per injection point, configured for the load balancer, with its credentials and the
		 * customizers applied: what an application uses to build a second client.
		 */
		@Bean
		@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
		@ConditionalOnMissingBean
		DynamoDbClientBuilder dynamoDbClientBuilder(AlternatorLoadBalancer loadBalancer, LoadBalancerStarter starter,
				AlternatorConnectionDetails connectionDetails,
				@AlternatorCredentials ObjectProvider<AwsCredentialsProvider> credentialsProvider,
				ObjectProvider<DynamoDbClientBuilderCustomizer> customizers) {
			starter.start(loadBalancer);
			DynamoDbClientBuilder builder = loadBalancer.configure(DynamoDbClient.builder())
				.credentialsProvider(ClientCredentials.resolve(connectionDetails, credentialsProvider));
			customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
			return builder;
		}

		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean
		DynamoDbClient dynamoDbClient(DynamoDbClientBuilder builder) {
			return builder.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(NettyNioAsyncHttpClient.class)
	@ConditionalOnSingleCandidate(AlternatorLoadBalancer.class)
	static class AsyncClientConfiguration {

		@Bean
		@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
		@ConditionalOnMissingBean
		DynamoDbAsyncClientBuilder dynamoDbAsyncClientBuilder(AlternatorLoadBalancer loadBalancer,
				LoadBalancerStarter starter, AlternatorConnectionDetails connectionDetails,
				@AlternatorCredentials ObjectProvider<AwsCredentialsProvider> credentialsProvider,
				ObjectProvider<DynamoDbAsyncClientBuilderCustomizer> customizers) {
			starter.start(loadBalancer);
			DynamoDbAsyncClientBuilder builder = loadBalancer.configure(DynamoDbAsyncClient.builder())
				.credentialsProvider(ClientCredentials.resolve(connectionDetails, credentialsProvider));
			customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
			return builder;
		}

		/**
		 * Lazy: netty-nio-client is on nearly every classpath (the SDK's dynamodb artifact brings it at runtime
		 * scope), but its event loops and the two seconds their shutdown takes are paid only by applications that
		 * use this client.
		 */
		@Bean(destroyMethod = "close")
		@Lazy
		@ConditionalOnMissingBean
		DynamoDbAsyncClient dynamoDbAsyncClient(DynamoDbAsyncClientBuilder builder) {
			return builder.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(DynamoDbEnhancedClient.class)
	static class EnhancedClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnSingleCandidate(DynamoDbClient.class)
		DynamoDbEnhancedClient dynamoDbEnhancedClient(DynamoDbClient dynamoDbClient) {
			return DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDbClient).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ DynamoDbEnhancedAsyncClient.class, NettyNioAsyncHttpClient.class })
	static class EnhancedAsyncClientConfiguration {

		@Bean
		@Lazy
		@ConditionalOnMissingBean
		@ConditionalOnSingleCandidate(DynamoDbAsyncClient.class)
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

}
