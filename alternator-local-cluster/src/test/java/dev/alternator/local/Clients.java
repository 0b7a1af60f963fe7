package dev.alternator.local;

import java.net.URI;

import dev.alternator.testing.SdkClients;
import dev.alternator.testing.Tables;
import dev.alternator.testing.Values;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Plain AWS SDK clients pinned to one node, with this module's test credentials: short names for the shared
 * fixtures of {@code alternator-test-fixtures}.
 */
final class Clients {

	static final String ACCESS_KEY = "alternator";

	static final String SECRET_KEY = "secret-for-tests";

	private Clients() {
	}

	static DynamoDbClient pinnedTo(URI endpoint) {
		return pinnedTo(endpoint, ACCESS_KEY, SECRET_KEY);
	}

	static DynamoDbClient pinnedTo(URI endpoint, String accessKey, String secretKey) {
		return SdkClients.pinnedTo(endpoint, accessKey, secretKey);
	}

	static void createTable(DynamoDbClient client, String table) {
		Tables.createHashKeyTable(client, table);
	}

	static AttributeValue s(String value) {
		return Values.s(value);
	}

}
