package dev.alternator.spring.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.alternator.local.LocalCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code alternator.http.client=crt} and {@code alternator.http.async-client=crt} give clients that call a local
 * cluster through the AWS CRT HTTP client, whose builders the customizer beans receive.
 */
class AlternatorCrtHttpClientTests {

	private static LocalCluster cluster;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AlternatorAutoConfiguration.class));

	@BeforeAll
	static void startCluster() {
		cluster = LocalCluster.builder().nodes("dc1", "rack1", 2).start();
	}

	@AfterAll
	static void closeCluster() {
		cluster.close();
	}

	@Test
	void crtPropertiesGiveCrtClientsThatCallTheCluster() {
		List<String> seen = new CopyOnWriteArrayList<>();
		this.runner
			.withPropertyValues("alternator.seeds=" + cluster.seeds().get(0), "alternator.discovery.initial-wait=30s",
					"alternator.http.client=crt", "alternator.http.async-client=crt")
			.withBean(AlternatorHttpClientCustomizer.class, () -> new AlternatorHttpClientCustomizer() {
				@Override
				public void customize(SdkHttpClient.Builder<?> builder) {
					seen.add("sync:" + (builder instanceof AwsCrtHttpClient.Builder));
				}

				@Override
				public void customizeAsync(SdkAsyncHttpClient.Builder<?> builder) {
					seen.add("async:" + (builder instanceof AwsCrtAsyncHttpClient.Builder));
				}
			})
			.run((context) -> {
				assertThat(context.getBean(DynamoDbClient.class).listTables().tableNames()).isNotNull();
				assertThat(context.getBean(DynamoDbAsyncClient.class).listTables().join().tableNames()).isNotNull();
				assertThat(seen).contains("sync:true", "async:true").doesNotContain("sync:false", "async:false");
			});
	}

	@Test
	void crtWithASettingItCannotApplyFailsTheContextNamingIt() {
		this.runner
			.withPropertyValues("alternator.seeds=" + cluster.seeds().get(0), "alternator.http.client=crt",
					"alternator.http.connection-time-to-live=5m")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("connectionTimeToLive"));
	}

}
