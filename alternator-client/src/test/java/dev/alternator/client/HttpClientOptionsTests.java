package dev.alternator.client;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.alternator.local.LocalCluster;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * HTTP client options and customizers reach the clients the load balancer builds, and quarantine keeps working
 * whatever the application customizes, or warns loudly when the HTTP client was replaced.
 */
class HttpClientOptionsTests {

	@Test
	void acquisitionTimeoutReachesTheSyncClient() throws Exception {
		try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 1).start();
				AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster)
					.discovery(false)
					.readTimeout(Duration.ofSeconds(30))
					.maxConnections(1)
					.connectionAcquisitionTimeout(Duration.ofMillis(300))
					.build();
				DynamoDbClient client = loadBalancer.configure(DynamoDbClient.builder())
					.credentialsProvider(TestClients.CREDENTIALS)
					.overrideConfiguration((o) -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
					.build()) {
			client.listTables();
			cluster.node(0).latency(Duration.ofSeconds(5));
			CompletableFuture<?> holder = CompletableFuture.runAsync(client::listTables);
			Thread.sleep(500);
			long started = System.nanoTime();
			// The only connection is busy for 5 s: without the option the SDK would wait up to its default 10 s.
			assertThatThrownBy(client::listTables).hasMessageContaining("Timeout waiting for connection from pool");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
			holder.join();
		}
	}

	@Test
	void customizersGetTheSdkBuildersInOrder() {
		List<String> seen = new CopyOnWriteArrayList<>();
		HttpClientCustomizer first = new HttpClientCustomizer() {
			@Override
			public void customize(SdkHttpClient.Builder<?> builder) {
				seen.add("first:" + (builder instanceof ApacheHttpClient.Builder));
			}

			@Override
			public void customizeAsync(SdkAsyncHttpClient.Builder<?> builder) {
				seen.add("first-async:" + (builder instanceof NettyNioAsyncHttpClient.Builder));
			}
		};
		HttpClientCustomizer second = new HttpClientCustomizer() {
			@Override
			public void customize(SdkHttpClient.Builder<?> builder) {
				seen.add("second");
			}
		};
		try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 1).start();
				AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster)
					.httpClientCustomizer(first)
					.httpClientCustomizer(second)
					.connectionMaxIdleTime(Duration.ofSeconds(5))
					.connectionTimeToLive(Duration.ofSeconds(30))
					.tcpKeepAlive(true)
					.build();
				DynamoDbClient client = TestClients.client(loadBalancer);
				DynamoDbAsyncClient async = loadBalancer.configure(DynamoDbAsyncClient.builder())
					.credentialsProvider(TestClients.CREDENTIALS)
					.build()) {
			assertThat(client.listTables().tableNames()).isNotNull();
			assertThat(async.listTables().join().tableNames()).isNotNull();
			assertThat(seen).containsExactly("first:true", "second", "first-async:true");
		}
	}

	@Test
	void customizedClientStillQuarantinesAKilledNodeWithoutAFailedCall() {
		HttpClientCustomizer customizer = new HttpClientCustomizer() {
			@Override
			public void customize(SdkHttpClient.Builder<?> builder) {
				((ApacheHttpClient.Builder) builder).expectContinueEnabled(false).useIdleConnectionReaper(false);
			}
		};
		try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 3).start();
				AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster)
					.httpClientCustomizer(customizer)
					.build();
				DynamoDbClient client = TestClients.client(loadBalancer)) {
			TestClients.createTable(client, "customized");
			List<String> down = new CopyOnWriteArrayList<>();
			loadBalancer.addListener(new AlternatorListener() {
				@Override
				public void nodeDown(AlternatorNode node, String reason) {
					down.add(node.host() + ": " + reason);
				}
			});
			cluster.node(1).kill();
			for (int i = 0; i < 60; i++) {
				client.getItem((get) -> get.tableName("customized").key(TestClients.key("k")));
			}
			// Taken down by the failure of a request (the transport error), not only by discovery.
			assertThat(down).anySatisfy((line) -> assertThat(line).startsWith(cluster.node(1).address()));
		}
	}

	@Test
	void httpClientSetAfterConfigureIsReportedAndCallsStillSucceedElsewhere() {
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		PrintStream original = System.err;
		try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 3).start();
				AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster).build();
				SdkHttpClient replacement = ApacheHttpClient.create();
				DynamoDbClient client = loadBalancer.configure(DynamoDbClient.builder())
					.credentialsProvider(TestClients.CREDENTIALS)
					.httpClient(replacement)
					.build()) {
			System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
			TestClients.createTable(client, "replaced");
			cluster.node(1).kill();
			// Without quarantine, each retry still goes to a node the call has not tried.
			for (int i = 0; i < 30; i++) {
				client.getItem((get) -> get.tableName("replaced").key(TestClients.key("k")));
			}
		}
		finally {
			System.setErr(original);
		}
		String log = captured.toString(StandardCharsets.UTF_8);
		assertThat(log).contains("was replaced after AlternatorLoadBalancer.configure(...)");
		assertThat(log.split("was replaced after", -1)).hasSize(2);
	}

	@Test
	void loadBalancersOwnClientIsNotReported() {
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		PrintStream original = System.err;
		try (LocalCluster cluster = LocalCluster.builder().nodes("dc1", "rack1", 1).start();
				AlternatorLoadBalancer loadBalancer = TestClients.fastLoadBalancer(cluster).build();
				DynamoDbClient client = TestClients.client(loadBalancer)) {
			System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
			client.listTables();
			client.listTables();
		}
		finally {
			System.setErr(original);
		}
		assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("was replaced after");
	}

	@Test
	void invalidOptionIsNamed() {
		assertThatThrownBy(() -> AlternatorLoadBalancer.builder()
			.seeds("127.0.0.1")
			.connectionTimeToLive(Duration.ZERO)
			.build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectionTimeToLive");
	}

}
