package dev.alternator.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.alternator.local.LocalCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The AWS CRT HTTP client, chosen on the load balancer's builder: calls go over real sockets, the customizer gets
 * CRT's builders, a killed node is taken out by the transport failures CRT reports without a failed call, and
 * settings CRT cannot apply fail the build.
 */
class CrtHttpClientTests {

	@Test
	void syncAndAsyncCallsGoThroughCrtBuildersTheCustomizerSees() {
		List<String> seen = new CopyOnWriteArrayList<>();
		HttpClientCustomizer customizer = new HttpClientCustomizer() {
			@Override
			public void customize(SdkHttpClient.Builder<?> builder) {
				seen.add("sync:" + (builder instanceof AwsCrtHttpClient.Builder));
			}

			@Override
			public void customizeAsync(SdkAsyncHttpClient.Builder<?> builder) {
				seen.add("async:" + (builder instanceof AwsCrtAsyncHttpClient.Builder));
			}
		};
		try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 2).start();
				AlternatorLoadBalancer loadBalancer = crt(cluster).httpClientCustomizer(customizer)
					.connectionMaxIdleTime(Duration.ofSeconds(5))
					.connectionAcquisitionTimeout(Duration.ofSeconds(5))
					.tcpKeepAlive(true)
					.build();
				DynamoDbClient client = TestClients.client(loadBalancer);
				DynamoDbAsyncClient async = asyncClient(loadBalancer)) {
			TestClients.createTable(client, "crt");
			client.putItem((put) -> put.tableName("crt").item(TestClients.key("k")));
			assertThat(client.getItem((get) -> get.tableName("crt").key(TestClients.key("k"))).item()).isNotEmpty();
			assertThat(async.getItem((get) -> get.tableName("crt").key(TestClients.key("k"))).join().item())
				.isNotEmpty();
			assertThat(seen).containsExactly("sync:true", "async:true");
		}
	}

	@Test
	void killedNodeIsTakenOutByCrtTransportFailuresAndNoCallFails() {
		try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 3).start();
				AlternatorLoadBalancer loadBalancer = crt(cluster).build();
				DynamoDbClient client = TestClients.client(loadBalancer)) {
			TestClients.createTable(client, "crt-kill");
			List<String> down = new CopyOnWriteArrayList<>();
			loadBalancer.addListener(downRecorder(down));
			cluster.node(1).kill();
			for (int i = 0; i < 60; i++) {
				client.getItem((get) -> get.tableName("crt-kill").key(TestClients.key("k")));
			}
			assertTakenOutAtOnce(down, cluster.node(1).address());
		}
	}

	@Test
	void asyncCrtClientFailsOverAndTakesTheKilledNodeOut() throws Exception {
		try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 3).start();
				AlternatorLoadBalancer loadBalancer = crt(cluster).build();
				DynamoDbClient sync = TestClients.client(loadBalancer);
				DynamoDbAsyncClient client = asyncClient(loadBalancer)) {
			TestClients.createTable(sync, "crt-async");
			List<String> down = new CopyOnWriteArrayList<>();
			loadBalancer.addListener(downRecorder(down));
			cluster.node(0).kill();
			CountDownLatch done = new CountDownLatch(30);
			AtomicInteger failed = new AtomicInteger();
			for (int i = 0; i < 30; i++) {
				client.getItem((get) -> get.tableName("crt-async").key(TestClients.key("k"))).whenComplete((r, t) -> {
					if (t != null) {
						failed.incrementAndGet();
					}
					done.countDown();
				});
			}
			assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
			assertThat(failed.get()).isZero();
			assertTakenOutAtOnce(down, cluster.node(0).address());
		}
	}

	@Test
	@Timeout(120)
	void hungNodeIsTakenOutAfterTheReadTimeoutAndCallsSucceedElsewhere() {
		try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 3).start();
				AlternatorLoadBalancer loadBalancer = crt(cluster).readTimeout(Duration.ofMillis(500)).build();
				DynamoDbClient client = TestClients.client(loadBalancer)) {
			TestClients.createTable(client, "crt-hang");
			List<String> down = new CopyOnWriteArrayList<>();
			loadBalancer.addListener(downRecorder(down));
			cluster.node(0).hang();
			for (int i = 0; i < 30; i++) {
				client.getItem((get) -> get.tableName("crt-hang").key(TestClients.key("k")));
			}
			// Without a read timeout CRT would wait for the hung node for ever (the SDK's own timeouts are unset): the
			// test's timeout would fail it.
			assertThat(down).anySatisfy((line) -> assertThat(line).startsWith(cluster.node(0).address()));
		}
	}

	@Test
	void crtVerifiesCertificatesUnlessTrustAllIsOn() {
		try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 1).tls(true).start()) {
			try (AlternatorLoadBalancer loadBalancer = crt(cluster).scheme("https")
				.connectionAcquisitionTimeout(Duration.ofSeconds(2))
				.build();
					DynamoDbClient client = loadBalancer.configure(DynamoDbClient.builder())
						.credentialsProvider(TestClients.CREDENTIALS)
						.overrideConfiguration((o) -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
						.build()) {
				// The node's certificate is self-signed: CRT's own TLS stack refuses it, and keeps trying until the
				// acquisition timeout.
				assertThatThrownBy(client::listTables).isInstanceOf(SdkClientException.class)
					.hasMessageContaining("acquiring a connection");
			}
			try (AlternatorLoadBalancer loadBalancer = crt(cluster).scheme("https")
				.tls(TlsSettings.builder().trustAll(true).build())
				.build(); DynamoDbClient client = TestClients.client(loadBalancer);
					DynamoDbAsyncClient async = asyncClient(loadBalancer)) {
				assertThat(client.listTables().tableNames()).isNotNull();
				assertThat(async.listTables().join().tableNames()).isNotNull();
			}
		}
	}

	@Test
	void settingsCrtCannotApplyFailTheBuild() {
		assertThatThrownBy(() -> AlternatorLoadBalancer.builder()
			.seeds("127.0.0.1")
			.httpClientType(HttpClientType.CRT)
			.connectionTimeToLive(Duration.ofMinutes(5))
			.build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectionTimeToLive");
		assertThatThrownBy(() -> AlternatorLoadBalancer.builder()
			.seeds("127.0.0.1")
			.asyncHttpClientType(AsyncHttpClientType.CRT)
			.tls(TlsSettings.builder().hostnameVerification(false).build())
			.build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host-name verification off");
	}

	/**
	 * Discovery is off and every node is a seed: only failed requests and their probes can take a node out.
	 */
	private static AlternatorLoadBalancer.Builder crt(LocalCluster cluster) {
		return TestClients.fastLoadBalancer(cluster)
			.seeds(cluster.seeds())
			.discovery(false)
			.httpClientType(HttpClientType.CRT)
			.asyncHttpClientType(AsyncHttpClientType.CRT);
	}

	private static DynamoDbAsyncClient asyncClient(AlternatorLoadBalancer loadBalancer) {
		return loadBalancer.configure(DynamoDbAsyncClient.builder()).credentialsProvider(TestClients.CREDENTIALS).build();
	}

	private static AlternatorListener downRecorder(List<String> down) {
		return new AlternatorListener() {
			@Override
			public void nodeDown(AlternatorNode node, String reason) {
				down.add(node.host() + ": " + reason);
			}
		};
	}

	/**
	 * Down on the first refused connection, as with Apache and Netty: CRT's failure counts as unreachable, not as one
	 * broken connection that would only make the node suspect.
	 */
	private static void assertTakenOutAtOnce(List<String> down, String address) {
		assertThat(down).anySatisfy((line) -> assertThat(line).startsWith(address)
			.contains("connection refused")
			.doesNotContain("probe failed"));
	}

}
