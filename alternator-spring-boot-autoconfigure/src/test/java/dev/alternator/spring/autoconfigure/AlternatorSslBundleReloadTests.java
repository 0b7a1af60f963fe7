package dev.alternator.spring.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.alternator.local.ClientCertificates;
import dev.alternator.local.LocalCluster;
import dev.alternator.local.testing.TlsCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleRegistry;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.annotation.Order;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * A PEM SSL bundle with a client certificate against nodes that require one (mutual TLS), followed when the bundle
 * is updated (as {@code reload-on-rebind} updates it); the host-name verification switch; the HTTP client properties and customizer
 * beans.
 */
class AlternatorSslBundleReloadTests {

	@RegisterExtension
	static final TlsCluster tls = TlsCluster.requiringClientCertificates(2);

	private static final LocalCluster cluster = tls.cluster();

	private static final Path caPem = tls.caPem();

	private static final ClientCertificates.Issued trustedAuthority = tls.trustedAuthority();

	private static final ClientCertificates.Issued otherAuthority = ClientCertificates.authority("other-ca");

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, AlternatorAutoConfiguration.class))
		.withPropertyValues("alternator.discovery.initial-wait=30s", "alternator.discovery.probe-interval=100ms",
				"alternator.discovery.timeout=500ms");

	@Test
	void updatedBundleTakesEffectWithoutARestart(@TempDir Path files) throws Exception {
		Path chain = files.resolve("client.pem");
		Path key = files.resolve("client.key");
		ClientCertificates.Issued untrusted = ClientCertificates.client("client", otherAuthority, "EC");
		untrusted.writePem(chain, key, otherAuthority);
		this.runner
			.withPropertyValues("alternator.seeds=" + cluster.seeds().get(0), "alternator.ssl.bundle=alternator",
					"spring.ssl.bundle.pem.alternator.truststore.certificate=file:" + caPem,
					"spring.ssl.bundle.pem.alternator.keystore.certificate=file:" + chain,
					"spring.ssl.bundle.pem.alternator.keystore.private-key=file:" + key)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				// A new client per call: a new connection pool, so every call makes a new handshake.
				assertThatException()
					.isThrownBy(() -> listTablesWithNewClient(context.getBean(DynamoDbClientBuilder.class)));
				// What reload-on-rebind does when the files change: the registry updates the bundle.
				ClientCertificates.Issued trusted = ClientCertificates.client("client", trustedAuthority, "EC");
				trusted.writePem(chain, key, trustedAuthority);
				SslBundle renewed = SslBundle.of(new PemSslStoreBundle(
						PemSslStoreDetails.forCertificate(Files.readString(chain)).withPrivateKey(Files.readString(key)),
						PemSslStoreDetails.forCertificate(Files.readString(caPem))));
				context.getBean(SslBundleRegistry.class).updateBundle("alternator", renewed);
				// Probes bring the nodes back with the new certificate; then calls succeed, without a restart.
				await().atMost(Duration.ofSeconds(30))
					.ignoreExceptions()
					.until(() -> listTablesWithNewClient(context.getBean(DynamoDbClientBuilder.class)));
			});
	}

	@Test
	void hostnameVerificationCanBeTurnedOff(@TempDir Path files) {
		// The local cluster's certificate names 127.0.0.1 to 127.0.0.64: not 127.0.0.70.
		try (LocalCluster unnamed = LocalCluster.builder().node("dc1", "rack1", "127.0.0.70").tls(true).start()) {
			Path unnamedCa = unnamed.tls().orElseThrow().writeCertificatePem(files);
			ApplicationContextRunner runner = this.runner.withPropertyValues(
					"alternator.seeds=" + unnamed.seeds().get(0), "alternator.discovery.enabled=false",
					"alternator.ssl.bundle=unnamed",
					"spring.ssl.bundle.pem.unnamed.truststore.certificate=file:" + unnamedCa);
			runner.run((context) -> assertThatException()
				.isThrownBy(() -> context.getBean(DynamoDbClient.class).listTables()));
			runner.withPropertyValues("alternator.ssl.hostname-verification=false")
				.run((context) -> assertThat(context.getBean(DynamoDbClient.class).listTables().tableNames())
					.isNotNull());
		}
	}

	@Test
	void httpPropertiesAndCustomizerBeansReachTheHttpClientInOrder() {
		List<String> seen = new CopyOnWriteArrayList<>();
		try (LocalCluster plain = LocalCluster.builder().nodes("dc1", "rack1", 1).start()) {
			this.runner
				.withPropertyValues("alternator.seeds=" + plain.seeds().get(0),
						"alternator.http.connection-max-idle-time=5s", "alternator.http.connection-time-to-live=1m",
						"alternator.http.connection-acquisition-timeout=3s", "alternator.http.tcp-keep-alive=true")
				.withBean("second", AlternatorHttpClientCustomizer.class, () -> new Second(seen))
				.withBean("first", AlternatorHttpClientCustomizer.class, () -> new First(seen))
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(context.getBean(DynamoDbClient.class).listTables().tableNames()).isNotNull();
					assertThat(seen).containsExactly("first:apache", "second");
				});
		}
	}

	private static boolean listTablesWithNewClient(DynamoDbClientBuilder builder) {
		try (DynamoDbClient client = builder.build()) {
			return client.listTables().tableNames() != null;
		}
	}

	@Order(1)
	private record First(List<String> seen) implements AlternatorHttpClientCustomizer {

		@Override
		public void customize(SdkHttpClient.Builder<?> builder) {
			this.seen.add((builder instanceof ApacheHttpClient.Builder) ? "first:apache" : "first:other");
		}

	}

	@Order(2)
	private record Second(List<String> seen) implements AlternatorHttpClientCustomizer {

		@Override
		public void customize(SdkHttpClient.Builder<?> builder) {
			this.seen.add("second");
		}

	}

}
