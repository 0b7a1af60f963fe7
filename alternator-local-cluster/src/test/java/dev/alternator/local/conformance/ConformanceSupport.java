package dev.alternator.local.conformance;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.alternator.local.LocalCluster;
import dev.alternator.testing.SdkClients;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What every conformance test class shares: one local cluster per class, a real SDK client pinned to a node, unique
 * table names, shorthands for attribute values and the check of an API error (its code, HTTP status and message).
 * <p>
 * The rules checked are those on which DynamoDB and ScyllaDB Alternator agree; where their messages differ, the
 * fragment asserted is Alternator's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConformanceSupport {

	private static final AtomicInteger tableCounter = new AtomicInteger();

	/** The cluster of this test class. */
	protected LocalCluster cluster;

	/** A client pinned to the first node. */
	protected DynamoDbClient dynamo;

	private final List<DynamoDbClient> clients = new ArrayList<>();

	/**
	 * How many nodes the class's cluster has; one unless a class needs more.
	 * @return the number of nodes
	 */
	protected int nodes() {
		return 1;
	}

	@BeforeAll
	void startCluster() {
		this.cluster = LocalCluster.builder().nodes("dc1", "rack1", nodes()).start();
		this.dynamo = client(this.cluster.node(0).endpoint());
	}

	@AfterAll
	void closeCluster() {
		this.clients.forEach(DynamoDbClient::close);
		this.cluster.close();
	}

	/**
	 * A client pinned to one endpoint, making one attempt per call so that an error is seen as the server gave it.
	 * @param endpoint a node's endpoint
	 * @return the client, closed with the cluster
	 */
	protected DynamoDbClient client(URI endpoint) {
		DynamoDbClient client = SdkClients.pinnedTo(endpoint, "alternator", "secret",
				ApacheHttpClient.builder().maxConnections(32).socketTimeout(Duration.ofSeconds(30)));
		this.clients.add(client);
		return client;
	}

	/**
	 * A table name no other test uses, valid for both DynamoDB and Alternator.
	 * @param hint what the table is for
	 * @return the name
	 */
	protected static String uniqueName(String hint) {
		return "conf_" + hint + "_" + tableCounter.incrementAndGet() + "_" + Long.toHexString(System.nanoTime());
	}

	/**
	 * Creates a table with a string hash key {@code p} only.
	 * @param hint what the table is for
	 * @return the table's name
	 */
	protected String hashTable(String hint) {
		String name = uniqueName(hint);
		this.dynamo.createTable((create) -> create.tableName(name)
			.keySchema(key("p", KeyType.HASH))
			.attributeDefinitions(attribute("p", ScalarAttributeType.S))
			.billingMode(BillingMode.PAY_PER_REQUEST));
		return name;
	}

	/**
	 * Creates a table with a string hash key {@code p} and a sort key {@code c} of the given type.
	 * @param hint what the table is for
	 * @param sortKeyType the sort key's type
	 * @return the table's name
	 */
	protected String hashRangeTable(String hint, ScalarAttributeType sortKeyType) {
		String name = uniqueName(hint);
		this.dynamo.createTable((create) -> create.tableName(name)
			.keySchema(key("p", KeyType.HASH), key("c", KeyType.RANGE))
			.attributeDefinitions(attribute("p", ScalarAttributeType.S), attribute("c", sortKeyType))
			.billingMode(BillingMode.PAY_PER_REQUEST));
		return name;
	}

	static KeySchemaElement key(String name, KeyType type) {
		return KeySchemaElement.builder().attributeName(name).keyType(type).build();
	}

	static AttributeDefinition attribute(String name, ScalarAttributeType type) {
		return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
	}

	static AttributeValue s(String value) {
		return AttributeValue.fromS(value);
	}

	static AttributeValue n(String value) {
		return AttributeValue.fromN(value);
	}

	static AttributeValue b(byte... value) {
		return AttributeValue.fromB(SdkBytes.fromByteArray(value));
	}

	static AttributeValue bool(boolean value) {
		return AttributeValue.fromBool(value);
	}

	static AttributeValue nul() {
		return AttributeValue.fromNul(true);
	}

	static AttributeValue list(AttributeValue... values) {
		return AttributeValue.fromL(List.of(values));
	}

	static AttributeValue map(Object... namesAndValues) {
		return AttributeValue.fromM(item(namesAndValues));
	}

	static AttributeValue ss(String... values) {
		return AttributeValue.fromSs(List.of(values));
	}

	static AttributeValue ns(String... values) {
		return AttributeValue.fromNs(List.of(values));
	}

	/**
	 * An item (or key, or value map) from alternating names and values.
	 * @param namesAndValues name, value, name, value...
	 * @return the map, in the given order
	 */
	static Map<String, AttributeValue> item(Object... namesAndValues) {
		Map<String, AttributeValue> item = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			item.put((String) namesAndValues[i], (AttributeValue) namesAndValues[i + 1]);
		}
		return item;
	}

	/**
	 * Runs a call that must fail with the given DynamoDB error, answered with HTTP 400.
	 * @param call the call
	 * @param errorCode the error type, e.g. {@code ValidationException}
	 * @param messageFragment a fragment of the message (case-insensitive), or {@code null} to check the type only
	 * @return the exception, for further checks
	 */
	static DynamoDbException assertApiError(ThrowingCallable call, String errorCode, String messageFragment) {
		DynamoDbException error = catchThrowableOfType(DynamoDbException.class, call);
		assertThat(error).as("the call fails with %s", errorCode).isNotNull();
		assertThat(error.awsErrorDetails().errorCode()).as(error.getMessage()).isEqualTo(errorCode);
		assertThat(error.statusCode()).as("a client error is HTTP 400: %s", error.getMessage()).isEqualTo(400);
		if (messageFragment != null) {
			assertThat(error.awsErrorDetails().errorMessage()).containsIgnoringCase(messageFragment);
		}
		return error;
	}

	/**
	 * {@link #assertApiError} for a {@code ValidationException}.
	 * @param call the call
	 * @param messageFragment a fragment of the message, or {@code null}
	 * @return the exception
	 */
	static DynamoDbException assertValidation(ThrowingCallable call, String messageFragment) {
		return assertApiError(call, "ValidationException", messageFragment);
	}

}
