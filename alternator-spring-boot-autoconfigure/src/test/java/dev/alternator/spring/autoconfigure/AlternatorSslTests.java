package dev.alternator.spring.autoconfigure;

import java.nio.file.Path;
import java.util.List;

import dev.alternator.client.AlternatorLoadBalancer;
import dev.alternator.local.LocalCluster;
import dev.alternator.local.testing.TlsCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * SSL bundles ({@code alternator.ssl.*}) and the connection details that carry scheme, port, datacenter and rack,
 * against a local cluster serving https with its own CA.
 */
class AlternatorSslTests {

	@RegisterExtension
	static final TlsCluster tls = TlsCluster.start(LocalCluster.builder().nodes("dc1", "rack1", 2).node("dc1", "rack2").tls(true));

	private static final LocalCluster cluster = tls.cluster();

	private static final Path caPem = tls.caPem();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, AlternatorAutoConfiguration.class))
		.withPropertyValues("alternator.discovery.initial-wait=30s");

	private static String hostAndPort() {
		// Written without a scheme: alternator.ssl.* must make it https.
		return cluster.seeds().get(0).replace("https://", "");
	}

	@Test
	void aPemBundleVerifiesTheNodesOverHttps() {
		this.runner
			.withPropertyValues("alternator.seeds=" + hostAndPort(), "alternator.ssl.bundle=alternator",
					"spring.ssl.bundle.pem.alternator.truststore.certificate=file:" + caPem)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(AlternatorConnectionDetails.class).getScheme()).isEqualTo("https");
				cluster.resetCounters();
				DynamoDbClient client = context.getBean(DynamoDbClient.class);
				for (int i = 0; i < 3; i++) {
					client.listTables();
				}
				assertThat(cluster.nodes()).allSatisfy((node) -> assertThat(node.requestCount()).isEqualTo(1));
			});
	}

	@Test
	void withoutTheBundleTheNodesAreNotTrusted() {
		this.runner.withPropertyValues("alternator.seeds=" + hostAndPort(), "alternator.ssl.enabled=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(AlternatorLoadBalancer.class).state().liveNodes()).isEmpty();
				assertThatException().isThrownBy(() -> context.getBean(DynamoDbClient.class).listTables());
			});
	}

	@Test
	void anUnknownBundleStopsStartUpNamingIt() {
		this.runner.withPropertyValues("alternator.seeds=" + hostAndPort(), "alternator.ssl.bundle=missing")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("missing");
			});
	}

	@Test
	void aBundleAndTheDeprecatedTlsPropertiesTogetherAreRejected() {
		this.runner
			.withPropertyValues("alternator.seeds=" + hostAndPort(), "alternator.ssl.bundle=alternator",
					"alternator.tls.ca-certificate=" + caPem)
			.run((context) -> {
				assertThat(context).hasFailed();
				StringBuilder messages = new StringBuilder();
				for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
					messages.append(cause.getMessage());
				}
				assertThat(messages).contains("alternator.ssl.bundle")
					.contains("set either alternator.ssl.bundle or the deprecated alternator.tls.* properties");
			});
	}

	@Test
	void connectionDetailsCarryTheScopeSchemeAndSsl() {
		this.runner.withPropertyValues("spring.ssl.bundle.pem.alternator.truststore.certificate=file:" + caPem)
			.withBean(AlternatorConnectionDetails.class, () -> new AlternatorConnectionDetails() {

				@Override
				public List<String> getSeeds() {
					return List.of(hostAndPort());
				}

				@Override
				public String getDatacenter() {
					return "dc1";
				}

				@Override
				public String getRack() {
					return "rack2";
				}

				@Override
				public String getScheme() {
					return "https";
				}

				@Override
				public org.springframework.boot.ssl.SslBundle getSslBundle() {
					return null;
				}

			})
			.withPropertyValues("alternator.tls.ca-certificate=" + caPem)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				AlternatorLoadBalancer loadBalancer = context.getBean(AlternatorLoadBalancer.class);
				context.getBean(DynamoDbClient.class).listTables();
				assertThat(loadBalancer.state().activeScope().describe()).contains("rack2");
				assertThat(loadBalancer.state().liveNodes()).hasSize(1);
			});
	}

}
