package dev.alternator.local.engine.api;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.alternator.local.engine.ApiException;
import dev.alternator.local.engine.table.TableDefinition;

/**
 * Alternator's {@code system:write_isolation} tag. The engine serialises every write to an item anyway, so of
 * the four policies only {@code forbid_rmw} changes what a client sees: writes that must read the item first
 * are rejected.
 */
final class WriteIsolation {

	static final String TAG = "system:write_isolation";

	// As DynamoDB and Alternator: at most 50 tags per table, counted after the change.
	private static final int MAX_TAGS = 50;

	// The values Alternator accepts, full names and abbreviations; only the first letter decides.
	private static final Set<String> ALLOWED = new TreeSet<>(Set.of("f", "forbid", "forbid_rmw", "a", "always",
			"always_use_lwt", "o", "only_rmw_uses_lwt", "u", "unsafe", "unsafe_rmw"));

	private static final String FORBIDDEN = "Read-modify-write operations are disabled by 'forbid_rmw' write "
			+ "isolation policy. Refer to https://github.com/scylladb/scylla/blob/master/docs/alternator/"
			+ "alternator.md#write-isolation-policies for more information.";

	private WriteIsolation() {
	}

	/**
	 * Rejects a table's tags as Alternator would: more than 50, or a write isolation value it does not know.
	 */
	static void validate(Map<String, String> tags) {
		if (tags.size() > MAX_TAGS) {
			throw ApiException.validation("Number of Tags exceed the current limit for the provided ResourceArn");
		}
		String value = tags.get(TAG);
		if (value != null && !ALLOWED.contains(value)) {
			StringBuilder allowed = new StringBuilder("{");
			for (String candidate : ALLOWED) {
				allowed.append((allowed.length() > 1) ? ", " : "").append('"').append(candidate).append('"');
			}
			throw ApiException.validation("Incorrect write isolation tag " + value + ". Allowed values: "
					+ allowed.append('}'));
		}
	}

	/**
	 * Rejects a write that reads the item first when the table forbids it.
	 */
	static void checkReadModifyWrite(TableDefinition definition) {
		String value = definition.settings().tags().get(TAG);
		if (value != null && value.startsWith("f")) {
			throw ApiException.validation(FORBIDDEN);
		}
	}

}
