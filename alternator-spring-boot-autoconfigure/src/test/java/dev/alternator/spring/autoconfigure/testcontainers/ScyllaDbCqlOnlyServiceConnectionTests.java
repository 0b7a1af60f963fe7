package dev.alternator.spring.autoconfigure.testcontainers;

import java.net.InetSocketAddress;

import dev.alternator.local.LocalCluster;
import dev.alternator.spring.autoconfigure.AlternatorAutoConfiguration;
import dev.alternator.spring.autoconfigure.AlternatorConnectionDetails;
import dev.alternator.spring.autoconfigure.testcontainers.CqlContainerConnectionDetailsFactory.CqlConnectionDetails;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.scylladb.ScyllaDBContainer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real CQL-only ScyllaDB in Docker with {@code @ServiceConnection}, next to the starter: start-up does not fail, the
 * container gets no Alternator connection details, and the clients use {@code alternator.seeds} (a local cluster).
 * Before the fix, the container's details replaced the properties and start-up failed with "Alternator is not
 * enabled". Skipped where Docker is missing; the GitHub workflow's Docker job runs it.
 */
@Tag("scylladb")
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = ScyllaDbCqlOnlyServiceConnectionTests.TestConfiguration.class)
class ScyllaDbCqlOnlyServiceConnectionTests {

	@Container
	@ServiceConnection
	static final ScyllaDBContainer scylla = new ScyllaDBContainer("scylladb/scylla:6.2");

	private static LocalCluster cluster;

	@Autowired
	ApplicationContext context;

	@Autowired
	DynamoDbClient client;

	@BeforeAll
	static void startCluster() {
		cluster = LocalCluster.builder().nodes("dc1", "rack1", 1).start();
	}

	@AfterAll
	static void stopCluster() {
		if (cluster != null) {
			cluster.close();
		}
	}

	@DynamicPropertySource
	static void alternatorSeeds(DynamicPropertyRegistry registry) {
		registry.add("alternator.seeds", () -> String.join(",", cluster.seeds()));
	}

	@Test
	void cqlOnlyContainerLeavesTheAlternatorClientsToTheProperties() {
		assertThat(this.context.getBeansOfType(AlternatorConnectionDetails.class).values())
			.noneMatch(ScyllaDbContainerConnectionDetailsFactory.ScyllaDbContainerConnectionDetails.class::isInstance);
		InetSocketAddress contactPoint = this.context.getBean(CqlConnectionDetails.class).getContactPoint();
		assertThat(contactPoint).isEqualTo(scylla.getContactPoint());
		assertThat(this.client.listTables().tableNames()).isNotNull();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(AlternatorAutoConfiguration.class)
	static class TestConfiguration {

	}

}
