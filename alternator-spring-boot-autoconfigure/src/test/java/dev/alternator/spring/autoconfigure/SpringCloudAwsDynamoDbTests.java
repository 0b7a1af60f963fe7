package dev.alternator.spring.autoconfigure;

import dev.alternator.local.LocalCluster;
import dev.alternator.local.testing.SharedCluster;
import io.awspring.cloud.autoconfigure.core.AwsAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.dynamodb.DynamoDbAutoConfiguration;
import io.awspring.cloud.dynamodb.DynamoDbTableNameResolver;
import io.awspring.cloud.dynamodb.DynamoDbTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Our auto-configuration beside Spring Cloud AWS's DynamoDB support, against a real local cluster that checks every
 * SigV4 signature: Spring Cloud AWS's beans back off and its {@link DynamoDbTemplate} runs on our load-balancing
 * client.
 */
class SpringCloudAwsDynamoDbTests {

	private static final String ACCESS_KEY = "alternator";

	private static final String SECRET = "spring-cloud-aws-s3cr3t";

	private static final LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 3).credentials(ACCESS_KEY, SECRET).start();

	@RegisterExtension
	static final SharedCluster shared = SharedCluster.of(cluster);

	// Theirs listed first: the order comes from the auto-configurations' own ordering, not from this list. Without
	// Netty there is no async client, whose event loops take about two seconds to shut down.
	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DynamoDbAutoConfiguration.class, AwsAutoConfiguration.class,
				CredentialsProviderAutoConfiguration.class, RegionProviderAutoConfiguration.class,
				AlternatorAutoConfiguration.class))
		.withClassLoader(new FilteredClassLoader(NettyNioAsyncHttpClient.class));

	@Test
	void dynamoDbTemplateSavesAndLoadsThroughTheLoadBalancingClient() {
		this.runner
			.withPropertyValues("alternator.seeds=" + cluster.seeds().get(0),
					"alternator.credentials.access-key-id=" + ACCESS_KEY,
					"alternator.credentials.secret-access-key=" + SECRET)
			.run((context) -> {
				assertThat(context).hasSingleBean(DynamoDbClient.class)
					.hasSingleBean(DynamoDbEnhancedClient.class)
					.hasSingleBean(DynamoDbTemplate.class);
				DynamoDbClient client = context.getBean(DynamoDbClient.class);
				String table = context.getBean(DynamoDbTableNameResolver.class).resolve(Book.class);
				createTable(client, table);
				DynamoDbTemplate template = context.getBean(DynamoDbTemplate.class);
				cluster.resetCounters();
				for (int i = 0; i < 15; i++) {
					template.save(new Book("book-" + i, "Title " + i));
				}
				for (int i = 0; i < 15; i++) {
					Book book = template.load(Key.builder().partitionValue("book-" + i).build(), Book.class);
					assertThat(book).isNotNull();
					assertThat(book.getTitle()).isEqualTo("Title " + i);
				}
				assertThat(cluster.nodes()).allSatisfy((node) -> assertThat(node.requestCount()).isEqualTo(10));
			});
	}

	@Test
	void springCloudAwsCredentialsNeverSignOurRequests() {
		// Its provider is the AWS identity of the application (on EC2/EKS, the pod's role): even when its keys would be
		// accepted, our clients do not take it by type. Requests go out anonymous and the cluster refuses them.
		this.runner
			.withPropertyValues("alternator.seeds=" + cluster.seeds().get(0),
					"spring.cloud.aws.credentials.access-key=" + ACCESS_KEY,
					"spring.cloud.aws.credentials.secret-key=" + SECRET)
			.run((context) -> {
				assertThat(context).hasSingleBean(DynamoDbClient.class).hasSingleBean(AwsCredentialsProvider.class);
				assertThatExceptionOfType(DynamoDbException.class)
					.isThrownBy(() -> context.getBean(DynamoDbClient.class).listTables());
			});
	}

	@Test
	void springCloudAwsCredentialsSignOurRequestsWhenQualified() {
		this.runner.withPropertyValues("alternator.seeds=" + cluster.seeds().get(0))
			.withUserConfiguration(QualifiedProviderConfiguration.class)
			.run((context) -> {
				cluster.resetCounters();
				for (int i = 0; i < 3; i++) {
					context.getBean(DynamoDbClient.class).listTables();
				}
				assertThat(cluster.nodes()).allSatisfy((node) -> assertThat(node.requestCount()).isEqualTo(1));
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class QualifiedProviderConfiguration {

		// The application says which provider signs Alternator's requests; Spring Cloud AWS's own backs off for it.
		@Bean
		@AlternatorCredentials
		AwsCredentialsProvider alternatorCredentialsProvider() {
			return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET));
		}

	}

	@Test
	void orderingNamesSpringCloudAwsDynamoDbAutoConfiguration() {
		// Our class name sorts before theirs, so the tests above would pass without the ordering; this catches a
		// misspelt or moved class name.
		AutoConfiguration ordering = AlternatorAutoConfiguration.class.getAnnotation(AutoConfiguration.class);
		assertThat(ordering.beforeName()).contains(DynamoDbAutoConfiguration.class.getName());
	}

	private static void createTable(DynamoDbClient client, String table) {
		client.createTable((create) -> create.tableName(table)
			.keySchema((key) -> key.attributeName("id").keyType(KeyType.HASH))
			.attributeDefinitions((attribute) -> attribute.attributeName("id").attributeType(ScalarAttributeType.S))
			.billingMode(BillingMode.PAY_PER_REQUEST));
	}

	/**
	 * An entity as Spring Cloud AWS maps it (public, for the enhanced client's bean mapper).
	 */
	@DynamoDbBean
	public static class Book {

		private String id;

		private String title;

		public Book() {
		}

		Book(String id, String title) {
			this.id = id;
			this.title = title;
		}

		@DynamoDbPartitionKey
		public String getId() {
			return this.id;
		}

		public void setId(String id) {
			this.id = id;
		}

		public String getTitle() {
			return this.title;
		}

		public void setTitle(String title) {
			this.title = title;
		}

	}

}
