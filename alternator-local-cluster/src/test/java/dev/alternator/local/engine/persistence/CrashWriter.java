package dev.alternator.local.engine.persistence;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.alternator.local.LocalCluster;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

/**
 * The child process of {@link CrashRecoveryTests}: starts a one-node cluster on a data directory and writes
 * through it with a real DynamoDbClient from several threads until it is killed, printing {@code PUT key} before
 * and {@code ACK key} after each acknowledged PutItem, {@code DELETING key} before and {@code DEL key} after each
 * acknowledged DeleteItem. Not a test.
 */
public final class CrashWriter {

	static final String TABLE = "crash";

	static final int THREADS = 4;

	private CrashWriter() {
	}

	/**
	 * Runs until killed.
	 * @param args the data directory
	 */
	public static void main(String[] args) {
		PrintStream out = System.out;
		LocalCluster cluster = LocalCluster.builder().node("dc1", "rack1").dataDirectory(Path.of(args[0])).start();
		URI endpoint = cluster.node(0).endpoint();
		try (DynamoDbClient setup = client(endpoint)) {
			setup.createTable((request) -> request.tableName(TABLE)
				.keySchema((k) -> k.attributeName("id").keyType("HASH"))
				.attributeDefinitions((a) -> a.attributeName("id").attributeType("S"))
				.billingMode("PAY_PER_REQUEST"));
		}
		catch (ResourceInUseException ex) {
			// A second run on the same directory: the table came back.
		}
		out.println("READY");
		out.flush();
		ExecutorService writers = Executors.newFixedThreadPool(THREADS);
		for (int t = 0; t < THREADS; t++) {
			int thread = t;
			writers.execute(() -> write(endpoint, thread, out));
		}
	}

	private static void write(URI endpoint, int thread, PrintStream out) {
		try (DynamoDbClient client = client(endpoint)) {
			for (int i = 0; ; i++) {
				String key = "t" + thread + "-" + i;
				print(out, "PUT " + key);
				client.putItem((put) -> put.tableName(TABLE).item(Map.of("id", s(key), "payload", s(payload(key)))));
				print(out, "ACK " + key);
				if (i % 7 == 3) {
					print(out, "DELETING " + key);
					client.deleteItem((delete) -> delete.tableName(TABLE).key(Map.of("id", s(key))));
					print(out, "DEL " + key);
				}
			}
		}
	}

	private static void print(PrintStream out, String line) {
		synchronized (out) {
			out.println(line);
			out.flush();
		}
	}

	/**
	 * The payload every item of a key must carry: about 1 KB, derived from the key, so that a reader can tell a
	 * damaged item from a good one.
	 * @param key the item's key
	 * @return the payload
	 */
	static String payload(String key) {
		StringBuilder payload = new StringBuilder(1024);
		while (payload.length() < 1000) {
			payload.append(key).append(':').append(Integer.toHexString((key + payload.length()).hashCode())).append(';');
		}
		return payload.toString();
	}

	static AttributeValue s(String value) {
		return AttributeValue.builder().s(value).build();
	}

	static DynamoDbClient client(URI endpoint) {
		return DynamoDbClient.builder()
			.endpointOverride(endpoint)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("alternator", "secret")))
			.httpClientBuilder(ApacheHttpClient.builder().socketTimeout(Duration.ofSeconds(30)))
			.overrideConfiguration((config) -> config.retryStrategy(RetryMode.STANDARD)
				.retryStrategy((retry) -> retry.maxAttempts(1)))
			.build();
	}

}
