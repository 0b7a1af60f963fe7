package dev.alternator.testing;

import java.net.URI;
import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Plain AWS SDK clients pinned to one endpoint, as a test sees one node: no load balancing, one attempt per call,
 * so that a test sees each node's own answer.
 */
public final class SdkClients {

	private SdkClients() {
	}

	/**
	 * Static credentials for a test.
	 * @param accessKey the access key id
	 * @param secretKey the secret access key
	 * @return a provider of these credentials
	 */
	public static StaticCredentialsProvider credentials(String accessKey, String secretKey) {
		return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
	}

	/**
	 * A client that sends every call once, to one endpoint, with a two-second socket timeout.
	 * @param endpoint the node's endpoint
	 * @param accessKey the access key id
	 * @param secretKey the secret access key
	 * @return a new client, closed by the caller
	 */
	public static DynamoDbClient pinnedTo(URI endpoint, String accessKey, String secretKey) {
		return pinnedTo(endpoint, accessKey, secretKey, ApacheHttpClient.builder().socketTimeout(Duration.ofSeconds(2)));
	}

	/**
	 * A client that sends every call once, to one endpoint, over the given HTTP client.
	 * @param endpoint the node's endpoint
	 * @param accessKey the access key id
	 * @param secretKey the secret access key
	 * @param http the HTTP client's settings (timeouts, connections)
	 * @return a new client, closed by the caller
	 */
	public static DynamoDbClient pinnedTo(URI endpoint, String accessKey, String secretKey,
			ApacheHttpClient.Builder http) {
		return builder(endpoint, accessKey, secretKey).httpClientBuilder(http)
			.overrideConfiguration((config) -> config.retryStrategy(RetryMode.STANDARD)
				.retryStrategy((retry) -> retry.maxAttempts(1)))
			.build();
	}

	/**
	 * A client for a test's set-up (creating tables, loading data) on one endpoint: the SDK's own retries and a
	 * 30-second socket timeout, because a cold engine on a busy machine can take longer than a pinned client waits.
	 * @param endpoint the node's endpoint
	 * @param accessKey the access key id
	 * @param secretKey the secret access key
	 * @return a new client, closed by the caller
	 */
	public static DynamoDbClient forSetUp(URI endpoint, String accessKey, String secretKey) {
		return builder(endpoint, accessKey, secretKey)
			.httpClientBuilder(ApacheHttpClient.builder().socketTimeout(Duration.ofSeconds(30)))
			.build();
	}

	private static DynamoDbClientBuilder builder(URI endpoint, String accessKey, String secretKey) {
		return DynamoDbClient.builder()
			.endpointOverride(endpoint)
			.region(Region.US_EAST_1)
			.credentialsProvider(credentials(accessKey, secretKey));
	}

}
