package dev.alternator.benchmarks;

import java.net.URI;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A minimal Spring Boot application, started by {@link SpringStartupCost} in a child JVM; prints its start-up time
 * and exits.
 */
@SpringBootApplication
public class StartupApplication {

	static final String MARKER = "STARTUP_MILLIS=";

	/**
	 * The baseline: what the application had before the starter, a plain SDK client to one node (made, and used
	 * once, like the starter's).
	 * @param environment where {@code bench.plain-endpoint} is
	 * @return the client
	 */
	@Bean(destroyMethod = "close")
	@ConditionalOnProperty("bench.plain-endpoint")
	DynamoDbClient plainDynamoDbClient(Environment environment) {
		DynamoDbClient client = Clients.plain(URI.create(environment.getProperty("bench.plain-endpoint")));
		client.listTables();
		return client;
	}

	/**
	 * Starts, prints how long that took and closes.
	 * @param args Spring Boot arguments
	 */
	public static void main(String[] args) {
		long started = System.nanoTime();
		SpringApplication application = new SpringApplication(StartupApplication.class);
		application.setLogStartupInfo(false);
		ConfigurableApplicationContext context = application.run(args);
		if (context.getEnvironment().getProperty("bench.use-client", Boolean.class, false)) {
			context.getBean(DynamoDbClient.class).listTables();
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		context.close();
		System.out.println(MARKER + millis);
	}

}
