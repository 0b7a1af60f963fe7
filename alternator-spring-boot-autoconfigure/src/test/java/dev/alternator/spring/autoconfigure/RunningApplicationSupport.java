package dev.alternator.spring.autoconfigure;

import java.net.URI;

import dev.alternator.local.LocalCluster;
import dev.alternator.testing.RawHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the tests of a whole application on a random port share: its port, its auto-configured client, the seeds of
 * the test's local cluster, and GET requests to its actuator over real HTTP.
 */
public abstract class RunningApplicationSupport {

	/** The application's HTTP port. */
	@LocalServerPort
	protected int port;

	/** The auto-configured client. */
	@Autowired
	protected DynamoDbClient client;

	/**
	 * Points the application at the cluster: call from the test's {@code @DynamicPropertySource}.
	 * @param registry the registry of the test's properties
	 * @param cluster the test's cluster
	 */
	protected static void registerSeeds(DynamicPropertyRegistry registry, LocalCluster cluster) {
		registry.add("alternator.seeds", () -> cluster.seeds().get(0));
	}

	/**
	 * Sends a GET to the application that must answer 200.
	 * @param path the path, such as {@code /actuator/health}
	 * @return the body
	 */
	protected String get(String path) {
		return RawHttp.getOk(uri(path));
	}

	/**
	 * The application's URI for a path.
	 * @param path the path
	 * @return {@code http://localhost:port/path}
	 */
	protected URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
