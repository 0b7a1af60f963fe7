package dev.alternator.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.alternator.client.AlternatorLoadBalancer;
import dev.alternator.local.LocalCluster;
import dev.alternator.spring.autoconfigure.endpoint.AlternatorEndpointAutoConfiguration;
import dev.alternator.spring.autoconfigure.health.AlternatorHealthContributorAutoConfiguration;
import dev.alternator.spring.autoconfigure.health.AlternatorHealthIndicator;
import dev.alternator.spring.autoconfigure.metrics.AlternatorMetrics;
import dev.alternator.spring.autoconfigure.metrics.AlternatorMetricsAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Which credentials sign the requests, when the clients and the load balancer are created and started, and start-up
 * with several beans of a kind: against real local clusters, one of them enforcing SigV4.
 */
class AlternatorClientBeansTests {

	private static final String ACCESS_KEY = "alternator";

	private static final String SECRET = "salted-hash";

	private static LocalCluster cluster;

	private static LocalCluster securedCluster;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AlternatorAutoConfiguration.class,
				AlternatorHealthContributorAutoConfiguration.class, AlternatorMetricsAutoConfiguration.class,
				AlternatorEndpointAutoConfiguration.class));

	@BeforeAll
	static void startClusters() {
		cluster = LocalCluster.builder().nodes("dc1", "rack1", 3).start();
		securedCluster = LocalCluster.builder().nodes("dc1", "rack1", 3).credentials(ACCESS_KEY, SECRET).start();
	}

	@AfterAll
	static void closeClusters() {
		cluster.close();
		securedCluster.close();
	}

	private ApplicationContextRunner withSeeds() {
		return this.runner.withPropertyValues("alternator.seeds=" + cluster.seeds().get(0),
				"alternator.discovery.initial-wait=30s");
	}

	private ApplicationContextRunner withSecuredSeeds() {
		return this.runner.withPropertyValues("alternator.seeds=" + securedCluster.seeds().get(0),
				"alternator.discovery.initial-wait=30s");
	}

	private static AwsCredentialsProvider credentials(String accessKey, String secret) {
		return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret));
	}

	// Item 2: credentials

	@Test
	void anAwsCredentialsProviderBeanIsNeverTakenByType() {
		// As Spring Cloud AWS's default chain would be: valid for the cluster here, and still not used.
		withSecuredSeeds().withBean(AwsCredentialsProvider.class, () -> credentials(ACCESS_KEY, SECRET))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				DynamoDbClient client = context.getBean(DynamoDbClient.class);
				assertThatExceptionOfType(DynamoDbException.class).isThrownBy(client::listTables);
			});
	}

	@Test
	void propertiesSignTheRequestsAndSeveralProviderBeansDoNotBreakStartUp() {
		withSecuredSeeds()
			.withPropertyValues("alternator.credentials.access-key-id=" + ACCESS_KEY,
					"alternator.credentials.secret-access-key=" + SECRET)
			.withBean("awsDefaultChain", AwsCredentialsProvider.class, () -> credentials("pod-role", "aws-secret"))
			.withBean("anotherProvider", AwsCredentialsProvider.class, () -> credentials("other", "other-secret"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(DynamoDbClient.class).listTables().tableNames()).isNotNull();
			});
	}

	@Test
	void aProviderQualifiedAlternatorCredentialsSignsTheRequests() {
		withSecuredSeeds().withUserConfiguration(QualifiedCredentialsConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(DynamoDbClient.class).listTables().tableNames()).isNotNull();
		});
	}

	@Test
	void withoutCredentialsNorAQualifiedProviderRequestsAreAnonymous() {
		withSeeds().run((context) -> assertThat(ClientCredentials.resolve(
				context.getBean(AlternatorConnectionDetails.class),
				new StaticListableBeanFactory().getBeanProvider(AwsCredentialsProvider.class)))
			.isInstanceOf(AnonymousCredentialsProvider.class));
	}

	// Item 3: the async client is lazy

	@Test
	void theAsyncClientIsCreatedOnlyWhenSomethingUsesIt() {
		withSeeds().run((context) -> {
			assertThat(context).hasSingleBean(DynamoDbAsyncClient.class);
			assertThat(context.getBeanFactory().containsSingleton("dynamoDbAsyncClient")).isFalse();
			assertThat(nettyThreads()).isEmpty();
			DynamoDbAsyncClient client = context.getBean(DynamoDbAsyncClient.class);
			assertThat(client.listTables().join().tableNames()).isNotNull();
			assertThat(context.getBeanFactory().containsSingleton("dynamoDbAsyncClient")).isTrue();
		});
	}

	// Item 4: several beans

	@Test
	void twoClientsOneOfThemPrimaryDoNotBreakStartUp() {
		withSeeds().withUserConfiguration(TwoClientsConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeansOfType(DynamoDbClient.class)).hasSize(2);
			assertThat(context).hasSingleBean(DynamoDbEnhancedClient.class);
		});
	}

	@Test
	void theBuilderBeanBuildsFurtherLoadBalancedClients() {
		List<String> customized = new ArrayList<>();
		withSeeds().withBean(DynamoDbClientBuilderCustomizer.class, () -> (builder) -> customized.add("called"))
			.run((context) -> {
				DynamoDbClientBuilder first = context.getBean(DynamoDbClientBuilder.class);
				DynamoDbClientBuilder second = context.getBean(DynamoDbClientBuilder.class);
				assertThat(first).isNotSameAs(second);
				// One for the DynamoDbClient bean, one per builder asked for.
				assertThat(customized).hasSize(3);
				try (DynamoDbClient client = second.build()) {
					cluster.resetCounters();
					for (int i = 0; i < 6; i++) {
						client.listTables();
					}
					assertThat(cluster.nodes()).allSatisfy((node) -> assertThat(node.requestCount()).isEqualTo(2));
				}
			});
	}

	@Test
	void twoLoadBalancersOneOfThemPrimaryGiveClientsOnThePrimaryAndACompositeHealth() {
		this.runner.withUserConfiguration(TwoLoadBalancersConfiguration.class)
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(DynamoDbClient.class);
			cluster.resetCounters();
			context.getBean(DynamoDbClient.class).listTables();
			assertThat(cluster.nodes()).extracting((node) -> node.requestCount()).contains(1L);
			HealthContributor health = context.getBean("alternatorHealthContributor", HealthContributor.class);
			assertThat(health).isInstanceOf(CompositeHealthContributor.class);
			CompositeHealthContributor composite = (CompositeHealthContributor) health;
			assertThat(composite.getContributor("primaryLoadBalancer")).isInstanceOf(AlternatorHealthIndicator.class);
			assertThat(composite.getContributor("otherLoadBalancer")).isInstanceOf(AlternatorHealthIndicator.class);
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(
						((HealthIndicator) composite.getContributor("primaryLoadBalancer")).health().getStatus())
					.isEqualTo(Status.UP));
			// No client uses the other one: never started.
			assertThat(((HealthIndicator) composite.getContributor("otherLoadBalancer")).health().getStatus())
				.isEqualTo(Status.UNKNOWN);
			assertThat(context).hasSingleBean(AlternatorMetrics.class);
		});
	}

	@Test
	void withoutAMeterRegistryThereAreNoMeters() {
		withSeeds().run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(AlternatorMetrics.class));
	}

	@Test
	void twoLoadBalancersWithoutAPrimaryLeaveTheClientsToTheApplication() {
		this.runner.withUserConfiguration(TwoLoadBalancersConfiguration.class)
			.withPropertyValues("test.primary=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(DynamoDbClient.class)
				.doesNotHaveBean(AlternatorMetrics.class)
				.hasBean("alternatorHealthContributor"));
	}

	@Test
	void theHealthContributorBacksOffForEitherName() {
		withSeeds().withBean("alternatorHealthContributor", HealthIndicator.class, () -> () -> null)
			.run((context) -> assertThat(context).doesNotHaveBean(AlternatorHealthIndicator.class));
		withSeeds().withBean("alternatorHealthIndicator", HealthIndicator.class, () -> () -> null)
			.run((context) -> assertThat(context).doesNotHaveBean("alternatorHealthContributor"));
	}

	// Item 5: start-up never blocks on the cluster, and nothing unused starts

	@Test
	void seedsThatNeverAnswerDoNotHoldTheContextRefresh() throws Exception {
		try (HungSeeds hung = new HungSeeds(3)) {
			// Before: one blocking discovery round, 3 seeds x 5 s. Now: the initial wait, 200 ms.
			long start = System.nanoTime();
			this.runner
				.withPropertyValues("alternator.seeds=" + String.join(",", hung.seeds()),
						"alternator.discovery.timeout=5s", "alternator.discovery.initial-wait=200ms")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
					HealthIndicator health = context.getBean(AlternatorHealthIndicator.class);
					assertThat(health.health().getStatus()).isEqualTo(Status.UNKNOWN);
					await().atMost(Duration.ofSeconds(60))
						.untilAsserted(() -> assertThat(health.health().getStatus()).isEqualTo(Status.DOWN));
				});
		}
	}

	@Test
	void applicationClientsLeaveTheLoadBalancerUnstarted() {
		Set<String> before = discoveryThreads();
		withSeeds().withUserConfiguration(TwoClientsConfiguration.class).run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(discoveryThreads()).isEqualTo(before);
				assertThat(context.getBean(AlternatorLoadBalancer.class).state().lastRefresh()).isEmpty();
				assertThat(context.getBean(AlternatorHealthIndicator.class).health(true).getStatus())
					.isEqualTo(Status.UNKNOWN);
			});
	}

	@Test
	void theFirstClientStartsDiscovery() {
		Set<String> before = discoveryThreads();
		withSeeds().run((context) -> {
			assertThat(discoveryThreads()).isNotEqualTo(before);
			assertThat(context.getBean(AlternatorHealthIndicator.class).health(true).getStatus())
				.isEqualTo(Status.UP);
		});
	}

	@Test
	void aNegativeInitialWaitIsRejectedNamingTheProperty() {
		withSeeds().withPropertyValues("alternator.discovery.initial-wait=-1s").run((context) -> {
			assertThat(context).hasFailed();
			StringBuilder messages = new StringBuilder();
			for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
				messages.append(cause.getMessage());
			}
			assertThat(messages).contains("alternator.discovery.initial-wait")
				.contains("must be zero or positive (was PT-1S)");
		});
	}

	private static Set<String> discoveryThreads() {
		return threadsNamed("alternator-", "-discovery-");
	}

	private static Set<String> nettyThreads() {
		return threadsNamed("aws-java-sdk-NettyEventLoop", "");
	}

	private static Set<String> threadsNamed(String prefix, String part) {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(Thread::isAlive)
			.map(Thread::getName)
			.filter((name) -> name.startsWith(prefix) && name.contains(part))
			.collect(Collectors.toSet());
	}

	@Configuration(proxyBeanMethods = false)
	static class QualifiedCredentialsConfiguration {

		@Bean
		@AlternatorCredentials
		AwsCredentialsProvider alternatorRole() {
			return credentials(ACCESS_KEY, SECRET);
		}

		@Bean
		AwsCredentialsProvider awsDefaultChain() {
			return credentials("pod-role", "aws-secret");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoClientsConfiguration {

		@Bean
		@Primary
		DynamoDbClient mainClient() {
			return client();
		}

		@Bean
		DynamoDbClient otherClient() {
			return client();
		}

		private static DynamoDbClient client() {
			return DynamoDbClient.builder()
				.region(Region.US_EAST_1)
				.credentialsProvider(AnonymousCredentialsProvider.create())
				.endpointOverride(java.net.URI.create(cluster.seeds().get(0)))
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoLoadBalancersConfiguration {

		@Bean(destroyMethod = "close")
		@Primary
		@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "test.primary",
				havingValue = "true", matchIfMissing = true)
		AlternatorLoadBalancer primaryLoadBalancer() {
			return AlternatorLoadBalancer.builder().seeds(cluster.seeds().get(0)).build();
		}

		@Bean(destroyMethod = "close")
		@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "test.primary",
				havingValue = "false")
		AlternatorLoadBalancer firstLoadBalancer() {
			return AlternatorLoadBalancer.builder().seeds(cluster.seeds().get(0)).build();
		}

		@Bean(destroyMethod = "close")
		AlternatorLoadBalancer otherLoadBalancer() {
			return AlternatorLoadBalancer.builder().seeds(cluster.seeds().get(1)).build();
		}

	}

}
