package dev.alternator.spring.autoconfigure.testcontainers;

import java.net.URI;
import java.util.Map;

import dev.alternator.client.AlternatorLoadBalancer;
import dev.alternator.local.LocalCluster;
import dev.alternator.spring.autoconfigure.AlternatorAutoConfiguration;
import dev.alternator.spring.autoconfigure.AlternatorConnectionDetails;
import dev.alternator.spring.autoconfigure.NoAlternatorSeedsException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.testcontainers.service.connection.TestContainerConnectionSources;
import org.testcontainers.scylladb.ScyllaDBContainer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configuration with what Boot's service-connection factories give for a ScyllaDB container, registered as
 * Boot registers them: a container with Alternator connects the clients (over real HTTP, to a local cluster node
 * standing for the container's mapped port); a CQL-only one gives nothing, so the properties decide, and without
 * seeds start-up fails with the usual advice rather than "Alternator is not enabled". Runs without Docker.
 */
class ScyllaDbContainerConnectionTests {

	private static LocalCluster cluster;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AlternatorAutoConfiguration.class));

	@BeforeAll
	static void startCluster() {
		cluster = LocalCluster.builder().nodes("dc1", "rack1", 1).start();
	}

	@AfterAll
	static void closeCluster() {
		cluster.close();
	}

	@Test
	void containerWithAlternatorConnectsTheClientsToItsMappedPort() {
		URI seed = URI.create(cluster.seeds().get(0));
		NotStartedScyllaDbContainer container = new NotStartedScyllaDbContainer().mappedTo(seed.getHost(),
				seed.getPort());
		container.withAlternator();
		withServiceConnection(container).run((context) -> {
			assertThat(context).hasNotFailed()
				.getBean(AlternatorConnectionDetails.class)
				.isInstanceOf(ScyllaDbContainerConnectionDetailsFactory.ScyllaDbContainerConnectionDetails.class);
			assertThat(context.getBean(DynamoDbClient.class).listTables().tableNames()).isNotNull();
			assertThat(context.getBean(AlternatorLoadBalancer.class).state().liveNodes())
				.singleElement()
				.satisfies((node) -> assertThat(node.uri()).isEqualTo(seed));
		});
	}

	@Test
	void cqlOnlyContainerLeavesTheClientsToTheProperties() {
		withServiceConnection(new NotStartedScyllaDbContainer())
			.withPropertyValues("alternator.seeds=" + cluster.seeds().get(0))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(AlternatorConnectionDetails.class))
					.isNotInstanceOf(ScyllaDbContainerConnectionDetailsFactory.ScyllaDbContainerConnectionDetails.class)
					.satisfies((details) -> assertThat(details.getSeeds()).containsExactly(cluster.seeds().get(0)));
				assertThat(context.getBean(DynamoDbClient.class).listTables().tableNames()).isNotNull();
			});
	}

	@Test
	void cqlOnlyContainerWithoutSeedsFailsAsWithoutAnyConnection() {
		withServiceConnection(new NotStartedScyllaDbContainer()).run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.hasRootCauseInstanceOf(NoAlternatorSeedsException.class));
	}

	/**
	 * Registers, as beans, the connection details that Boot's factories give for the container.
	 */
	private ApplicationContextRunner withServiceConnection(ScyllaDBContainer container) {
		Map<Class<?>, ConnectionDetails> details = new ConnectionDetailsFactories(getClass().getClassLoader())
			.getConnectionDetails(TestContainerConnectionSources.of(ScyllaDBContainer.class, "scylladb/scylla:6.2",
					container), false);
		ApplicationContextRunner runner = this.runner;
		for (ConnectionDetails connectionDetails : details.values()) {
			runner = withBean(runner, connectionDetails);
		}
		return runner;
	}

	/**
	 * Registers the bean with its own class, as Boot does, so that conditions on its type see it.
	 */
	@SuppressWarnings("unchecked")
	private static <T> ApplicationContextRunner withBean(ApplicationContextRunner runner, T bean) {
		return runner.withBean(bean.getClass().getName(), (Class<T>) bean.getClass(), () -> bean);
	}

}
