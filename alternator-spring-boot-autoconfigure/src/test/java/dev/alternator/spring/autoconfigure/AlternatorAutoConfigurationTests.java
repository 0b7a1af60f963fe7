package dev.alternator.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.alternator.client.AlternatorLoadBalancer;
import dev.alternator.client.KeyRouteAffinity;
import dev.alternator.local.LocalCluster;
import dev.alternator.local.LocalNode;
import dev.alternator.local.testing.SharedCluster;
import dev.alternator.spring.autoconfigure.health.AlternatorHealthContributorAutoConfiguration;
import dev.alternator.spring.autoconfigure.localcluster.AlternatorLocalClusterConnectionAutoConfiguration;
import dev.alternator.spring.autoconfigure.health.AlternatorHealthIndicator;
import dev.alternator.spring.autoconfigure.metrics.AlternatorMetricsAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Conditions, binding, validation and back-off of the auto-configuration, against a real local cluster.
 */
class AlternatorAutoConfigurationTests {

	private static final LocalCluster cluster = LocalCluster.start();

	@RegisterExtension
	static final SharedCluster shared = SharedCluster.of(cluster);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AlternatorLocalClusterConnectionAutoConfiguration.class,
				AlternatorAutoConfiguration.class, AlternatorHealthContributorAutoConfiguration.class,
				AlternatorMetricsAutoConfiguration.class));

	private ApplicationContextRunner withSeeds() {
		return this.runner.withPropertyValues("alternator.seeds=" + cluster.seeds().get(0),
				"alternator.discovery.timeout=500ms", "alternator.discovery.initial-wait=30s");
	}

	@Test
	void seedsGiveALoadBalancingClientOverEveryNode() {
		withSeeds().run((context) -> {
			assertThat(context).hasSingleBean(AlternatorLoadBalancer.class)
				.hasSingleBean(DynamoDbClient.class)
				.hasSingleBean(DynamoDbAsyncClient.class)
				.hasSingleBean(DynamoDbEnhancedClient.class)
				.hasSingleBean(DynamoDbEnhancedAsyncClient.class)
				.doesNotHaveBean(LocalCluster.class);
			assertThat(context.getBean(AlternatorLoadBalancer.class).state().liveNodes()).hasSize(3);
			cluster.resetCounters();
			DynamoDbClient client = context.getBean(DynamoDbClient.class);
			for (int i = 0; i < 30; i++) {
				client.listTables();
			}
			assertThat(cluster.nodes()).allSatisfy((node) -> assertThat(node.requestCount()).isEqualTo(10));
		});
	}

	@Test
	void seedsAsACommaSeparatedListAreUnderstood() {
		this.runner.withPropertyValues("alternator.seeds=" + String.join(",", cluster.seeds()))
			.run((context) -> assertThat(context).hasSingleBean(AlternatorLoadBalancer.class)
				.doesNotHaveBean(LocalCluster.class));
	}

	@Test
	void withoutSeedsNothingStartsInMemoryEvenWithTheLocalClusterOnTheClasspath() {
		// alternator-local-cluster is on this module's test classpath: a forgotten property must still fail.
		this.runner.run((context) -> {
			assertThat(context).hasFailed();
			// Had an embedded cluster started, the load balancer would have had its seeds.
			assertThat(findCause(context.getStartupFailure(), NoAlternatorSeedsException.class)).isNotNull();
		});
	}

	@Test
	void withoutSeedsStartUpFailsSayingHowToGiveThem() {
		this.runner.run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			FailureAnalysis analysis = new NoAlternatorSeedsFailureAnalyzer().analyze(failure);
			assertThat(analysis.getDescription()).contains("alternator.seeds is empty");
			assertThat(analysis.getAction()).contains("Set alternator.seeds to one or more Alternator nodes")
				.contains("declare a dev.alternator.local.LocalCluster bean in a test configuration")
				.contains("spring-boot:test-run");
		});
	}

	@Test
	void aLocalClusterBeanOfTheApplicationGivesTheSeeds() {
		this.runner.withBean(LocalCluster.class, () -> cluster, (definition) -> definition.setDestroyMethodName(""))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(AlternatorConnectionDetails.class).getSeeds()).isEqualTo(cluster.seeds());
				assertThat(context.getBean(AlternatorLoadBalancer.class).state().liveNodes()).hasSize(3);
			});
	}

	@Test
	void aLocalClusterBeanReplacesTheSeedsPropertyAsAServiceConnectionDoes() {
		this.runner.withPropertyValues("alternator.seeds=10.255.255.1:8000")
			.withBean(LocalCluster.class, () -> cluster, (definition) -> definition.setDestroyMethodName(""))
			.run((context) -> assertThat(context.getBean(AlternatorConnectionDetails.class).getSeeds())
				.isEqualTo(cluster.seeds()));
	}

	@Test
	void withoutTheLocalClusterOnTheClasspathSeedsStillWork() {
		withSeeds().withClassLoader(new FilteredClassLoader(LocalCluster.class))
			.run((context) -> assertThat(context).hasSingleBean(DynamoDbClient.class));
	}

	@Test
	void disabledAutoConfigurationCreatesNothing() {
		withSeeds().withPropertyValues("alternator.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AlternatorLoadBalancer.class)
				.doesNotHaveBean(DynamoDbClient.class)
				.doesNotHaveBean(LocalCluster.class));
	}

	@Test
	void applicationBeansWin() {
		withSeeds().withUserConfiguration(UserClientConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(DynamoDbClient.class);
			assertThat(context.getBean(DynamoDbClient.class)).isSameAs(UserClientConfiguration.CLIENT);
			assertThat(context).hasSingleBean(DynamoDbEnhancedClient.class);
		});
	}

	@Test
	void withoutNettyThereIsNoAsyncClient() {
		withSeeds().withClassLoader(new FilteredClassLoader(NettyNioAsyncHttpClient.class))
			.run((context) -> assertThat(context).hasSingleBean(DynamoDbClient.class)
				.doesNotHaveBean(DynamoDbAsyncClient.class)
				.doesNotHaveBean(DynamoDbEnhancedAsyncClient.class));
	}

	@Test
	void withoutTheEnhancedLibraryThereIsNoEnhancedClient() {
		withSeeds().withClassLoader(new FilteredClassLoader(DynamoDbEnhancedClient.class))
			.run((context) -> assertThat(context).hasSingleBean(DynamoDbClient.class)
				.doesNotHaveBean(DynamoDbEnhancedClient.class));
	}

	@Test
	void customizersAreAppliedInOrder() {
		withSeeds().withUserConfiguration(CustomizerConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(DynamoDbClient.class);
			assertThat(CustomizerConfiguration.calls).containsExactly("lb-first", "lb-second", "client");
		});
	}

	@Test
	void invalidPropertiesStopStartUpNamingTheProperty() {
		withSeeds().withPropertyValues("alternator.port=70000", "alternator.rack=rack1")
			.run((context) -> {
				assertThat(context).hasFailed();
				String message = allMessages(context.getStartupFailure());
				assertThat(message).contains("alternator.port")
					.contains("must be between 1 and 65535 (was 70000)")
					.contains("alternator.rack")
					.contains("needs alternator.datacenter");
			});
		this.runner.withPropertyValues("alternator.seeds=not a host!", "alternator.discovery.active-interval=0s")
			.run((context) -> {
				assertThat(context).hasFailed();
				String message = allMessages(context.getStartupFailure());
				assertThat(message).contains("alternator.seeds[0]")
					.contains("Seed 'not a host!'")
					.contains("alternator.discovery.active-interval")
					.contains("for example alternator.discovery.active-interval=1s");
			});
	}

	@Test
	void keyRouteAffinityPropertiesSendEveryWriteOfAKeyToOneNode() {
		withSeeds().withPropertyValues("alternator.key-route-affinity.mode=any-write",
				"alternator.key-route-affinity.partition-keys.orders=customer")
			.run((context) -> {
				AlternatorLoadBalancer loadBalancer = context.getBean(AlternatorLoadBalancer.class);
				assertThat(loadBalancer.state().keyRouteAffinity()).isEqualTo(KeyRouteAffinity.ANY_WRITE);
				assertThat(loadBalancer.state().partitionKeys()).containsEntry("orders", "customer");
				DynamoDbClient client = context.getBean(DynamoDbClient.class);
				client.createTable((table) -> table.tableName("orders")
					.keySchema((key) -> key.attributeName("customer").keyType(KeyType.HASH))
					.attributeDefinitions((attribute) -> attribute.attributeName("customer")
						.attributeType(ScalarAttributeType.S))
					.billingMode(BillingMode.PAY_PER_REQUEST));
				cluster.resetCounters();
				for (int i = 0; i < 9; i++) {
					client.putItem((put) -> put.tableName("orders")
						.item(Map.of("customer", AttributeValue.fromS("c1"))));
				}
				assertThat(cluster.nodes()).extracting(LocalNode::requestCount).containsOnly(0L, 9L).contains(9L);
				assertThat(context.getBean(AlternatorHealthIndicator.class).health(true).getDetails())
					.containsEntry("keyRouteAffinity", "ANY_WRITE");
			});
	}

	@Test
	void addressTranslationPropertiesReplaceReportedAddresses() {
		String port = String.valueOf(cluster.port());
		withSeeds().withPropertyValues("alternator.address-translation[127.0.0.3]=127.0.0.2")
			.run((context) -> {
				context.getBean(DynamoDbClient.class).listTables();
				assertThat(context.getBean(AlternatorLoadBalancer.class).state().liveNodes())
					.extracting((node) -> node.host() + ":" + node.port())
					.contains("127.0.0.2:" + port)
					.doesNotContain("127.0.0.3:" + port);
			});
		withSeeds().withPropertyValues("alternator.address-translation[127.0.0.3]=not a host!").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(allMessages(context.getStartupFailure())).contains("alternator.address-translation")
				.contains("the address for '127.0.0.3' is not valid");
		});
	}

	@Test
	void invalidKeyRouteAffinityPropertiesNameTheProperty() {
		withSeeds().withPropertyValues("alternator.key-route-affinity.partition-keys.orders= ").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(allMessages(context.getStartupFailure()))
				.contains("alternator.key-route-affinity.partition-keys")
				.contains("table 'orders' needs its partition-key attribute name");
		});
		withSeeds().withPropertyValues("alternator.key-route-affinity.mode=sometimes").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(allMessages(context.getStartupFailure())).contains("alternator.key-route-affinity.mode");
		});
	}

	@Test
	void healthIndicatorIsRegisteredUnlessSwitchedOff() {
		withSeeds().run((context) -> {
			assertThat(context).hasBean("alternatorHealthContributor");
			AlternatorHealthIndicator indicator = context.getBean(AlternatorHealthIndicator.class);
			assertThat(indicator.health(true).getStatus()).isEqualTo(Status.UP);
			assertThat(indicator.health(true).getDetails()).containsEntry("liveNodes", 3)
				.containsEntry("rackDatacenterSupport", "SUPPORTED")
				.containsEntry("activeScope", "cluster");
		});
		withSeeds().withPropertyValues("management.health.alternator.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AlternatorHealthIndicator.class));
	}

	@Test
	void withoutDiscoveryHealthIsDownWhenEverySeedIsDown() throws Exception {
		int closedPort;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		this.runner
			.withPropertyValues("alternator.seeds=127.0.0.1:" + closedPort, "alternator.discovery.enabled=false",
					"alternator.discovery.probe-interval=100ms", "alternator.discovery.initial-wait=0s")
			.run((context) -> {
				DynamoDbClient client = context.getBean(DynamoDbClient.class);
				try {
					client.listTables();
				}
				catch (RuntimeException expected) {
					// The only seed refuses connections.
				}
				AlternatorHealthIndicator indicator = context.getBean(AlternatorHealthIndicator.class);
				await().atMost(Duration.ofSeconds(20))
					.untilAsserted(() -> assertThat(indicator.health(true).getStatus()).isEqualTo(Status.DOWN));
			});
	}

	@Test
	void metersArePublishedPerNodeWithAttemptTimersByOutcome() {
		withSeeds().withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			context.getBean(dev.alternator.spring.autoconfigure.metrics.AlternatorMetrics.class).bindTo(registry);
			DynamoDbClient client = context.getBean(DynamoDbClient.class);
			for (int i = 0; i < 9; i++) {
				client.listTables();
			}
			assertThat(registry.find("alternator.client.requests").counters()).hasSize(3)
				.allSatisfy((counter) -> assertThat(counter.count()).isEqualTo(3.0));
			assertThat(registry.get("alternator.client.nodes.live").gauge().value()).isEqualTo(3.0);
			assertThat(registry.get("alternator.client.requests").counter().getId().getDescription()).isNotBlank();
			// The attempt timers come from the load balancer's attempt events.
			org.assertj.core.api.Assertions
				.assertThatThrownBy(() -> client.describeTable((describe) -> describe.tableName("no-such-table")))
				.isInstanceOf(software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException.class);
			assertThat(registry.find("alternator.client.attempts").tag("outcome", "SUCCESS").timers()).hasSize(3)
				.allSatisfy((timer) -> {
					assertThat(timer.count()).isEqualTo(3);
					assertThat(timer.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
					assertThat(timer.getId().getDescription()).isNotBlank();
				});
			assertThat(registry.get("alternator.client.attempts").tag("outcome", "CLIENT_ERROR").timer().count())
				.isEqualTo(1);
		});
	}

	@Test
	void theUserAgentSuffixPropertyReachesTheLoadBalancer() {
		withSeeds().withPropertyValues("alternator.user-agent-suffix=orders-service/2.1")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(AlternatorLoadBalancer.class));
		// The builder checks the suffix: an invalid one from the property fails the start, naming the setting.
		withSeeds().withPropertyValues("alternator.user-agent-suffix=caf\u00e9/1").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("userAgentSuffix");
		});
	}

	@Test
	void closingTheContextStopsTheLoadBalancersThreads() {
		// Contexts cached by other test classes keep their load balancers (and may grow their probe pools): only the
		// threads of load balancers that this context started count.
		Set<String> before = alternatorThreads();
		Set<String> started = new HashSet<>();
		withSeeds().run((context) -> {
			context.getBean(DynamoDbClient.class);
			started.addAll(loadBalancerIds(alternatorThreads()));
			started.removeAll(loadBalancerIds(before));
			assertThat(started).isNotEmpty();
		});
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(loadBalancerIds(alternatorThreads())).doesNotContainAnyElementsOf(started));
	}

	/** Thread names are "alternator-ID-role-N": the ID names the load balancer. */
	private static Set<String> loadBalancerIds(Set<String> threadNames) {
		return threadNames.stream().map((name) -> name.split("-")[1]).collect(Collectors.toSet());
	}

	private static Set<String> alternatorThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(Thread::isAlive)
			.map(Thread::getName)
			.filter((name) -> name.startsWith("alternator-") && !name.startsWith("alternator-local-"))
			.collect(Collectors.toSet());
	}

	private static String allMessages(Throwable failure) {
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			messages.append(cause.getMessage()).append('\n');
		}
		return messages.toString();
	}

	private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	@Configuration(proxyBeanMethods = false)
	static class UserClientConfiguration {

		static final DynamoDbClient CLIENT = DynamoDbClient.builder()
			.region(software.amazon.awssdk.regions.Region.US_EAST_1)
			.credentialsProvider(AnonymousCredentialsProvider.create())
			.endpointOverride(java.net.URI.create("http://127.0.0.1:1"))
			.build();

		@Bean
		DynamoDbClient userDynamoDbClient() {
			return CLIENT;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		static final List<String> calls = new ArrayList<>();

		@Bean
		@Order(2)
		AlternatorLoadBalancerBuilderCustomizer second() {
			return (builder) -> calls.add("lb-second");
		}

		@Bean
		@Order(1)
		AlternatorLoadBalancerBuilderCustomizer first() {
			return (builder) -> calls.add("lb-first");
		}

		@Bean
		DynamoDbClientBuilderCustomizer clientCustomizer() {
			return (builder) -> calls.add("client");
		}

	}

}
