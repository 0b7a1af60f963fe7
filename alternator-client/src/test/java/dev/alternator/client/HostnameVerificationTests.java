package dev.alternator.client;

import java.nio.file.Path;
import java.util.concurrent.CompletionException;

import dev.alternator.local.LocalCluster;
import dev.alternator.local.testing.TlsCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A node whose trusted certificate names other hosts: refused while host-name verification is on (the default), by
 * the synchronous and the asynchronous client alike, accepted when it is turned off.
 */
class HostnameVerificationTests {

	/** The local cluster's certificate names 127.0.0.1 to 127.0.0.64 and localhost: not this address. */
	private static final String UNNAMED_ADDRESS = "127.0.0.70";

	@RegisterExtension
	static final TlsCluster tls = TlsCluster.start(LocalCluster.builder().node("dc1", "rack1", UNNAMED_ADDRESS).tls(true));

	private static final LocalCluster cluster = tls.cluster();

	private static final Path caPem = tls.caPem();

	@Test
	void certificateForAnotherNameIsRefusedByDefault() {
		// Apache: "Certificate for <127.0.0.70> doesn't match any of the subject alternative names".
		try (AlternatorLoadBalancer loadBalancer = loadBalancer(true);
				DynamoDbClient sync = TestClients.client(loadBalancer)) {
			assertThatThrownBy(sync::listTables).isInstanceOf(SdkClientException.class)
				.satisfies((ex) -> assertThat(text(ex)).contains("match"));
		}
	}

	@Test
	void certificateForAnotherNameIsRefusedByTheAsyncClientByDefault() {
		// Netty (the JDK's check): "No subject alternative names matching IP address 127.0.0.70 found".
		try (AlternatorLoadBalancer loadBalancer = loadBalancer(true);
				DynamoDbAsyncClient async = asyncClient(loadBalancer)) {
			assertThatThrownBy(() -> async.listTables().join()).isInstanceOf(CompletionException.class)
				.satisfies((ex) -> assertThat(text(ex)).contains("match"));
		}
	}

	@Test
	void discoveryRefusesACertificateForAnotherNameByDefault() {
		try (AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster)
			.tls(TlsSettings.builder().caCertificate(caPem).build())
			.build()) {
			loadBalancer.start();
			assertThat(loadBalancer.state().lastRefresh()).isEmpty();
			assertThat(loadBalancer.state().lastError()).get().asString().contains("No subject alternative names");
		}
	}

	@Test
	void certificateForAnotherNameIsAcceptedWhenVerificationIsOff() {
		try (AlternatorLoadBalancer loadBalancer = loadBalancer(false);
				DynamoDbClient sync = TestClients.client(loadBalancer);
				DynamoDbAsyncClient async = asyncClient(loadBalancer)) {
			assertThat(sync.listTables().tableNames()).isNotNull();
			assertThat(async.listTables().join().tableNames()).isNotNull();
		}
		try (AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster)
			.tls(TlsSettings.builder().caCertificate(caPem).hostnameVerification(false).build())
			.build()) {
			loadBalancer.start();
			assertThat(loadBalancer.state().lastRefresh()).isPresent();
		}
	}

	@Test
	void untrustedCertificateIsStillRefusedWhenVerificationIsOff() {
		try (AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster)
			.tls(TlsSettings.builder().hostnameVerification(false).build())
			.build(); DynamoDbClient sync = TestClients.client(loadBalancer)) {
			assertThatThrownBy(sync::listTables).isInstanceOf(RuntimeException.class);
			assertThat(loadBalancer.state().lastError()).get()
				.asString()
				.contains("unable to find valid certification path");
		}
	}

	/** The messages of an exception, its causes and suppressed exceptions. */
	private static String text(Throwable ex) {
		StringBuilder text = new StringBuilder();
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			text.append(cause).append('\n');
			for (Throwable suppressed : cause.getSuppressed()) {
				text.append(text(suppressed));
			}
		}
		return text.toString();
	}

	private static AlternatorLoadBalancer loadBalancer(boolean verify) {
		// No discovery: every attempt goes to the seed itself, so the SDK clients' own handshakes are what fails.
		return TestClients.fastLoadBalancer(cluster)
			.discovery(false)
			.tls(TlsSettings.builder().caCertificate(caPem).hostnameVerification(verify).build())
			.build();
	}

	private static DynamoDbAsyncClient asyncClient(AlternatorLoadBalancer loadBalancer) {
		return loadBalancer.configure(DynamoDbAsyncClient.builder()).credentialsProvider(TestClients.CREDENTIALS).build();
	}

}
