package dev.alternator.local.engine.api;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alternator.local.engine.ApiException;
import dev.alternator.local.engine.table.Table;
import dev.alternator.local.engine.table.TableCatalog;
import dev.alternator.local.engine.table.TableDefinition;

/**
 * UpdateTimeToLive and DescribeTimeToLive. As Alternator does, the TTL attribute is kept as the table's
 * {@code system:ttl_attribute} tag, and {@link TimeToLiveExpiry} deletes the expired items.
 */
final class TimeToLive {

	static final String TAG = "system:ttl_attribute";

	private final TableCatalog catalog;

	private final TimeToLiveExpiry expiry;

	TimeToLive(TableCatalog catalog, TimeToLiveExpiry expiry) {
		this.catalog = catalog;
		this.expiry = expiry;
	}

	byte[] updateTimeToLive(JsonNode request) {
		Table table = Requests.table(this.catalog, request);
		JsonNode specification = Requests.optionalObject(request, "TimeToLiveSpecification");
		if (specification == null) {
			throw ApiException.validation("UpdateTimeToLive missing mandatory TimeToLiveSpecification");
		}
		JsonNode enabledNode = specification.get("Enabled");
		if (enabledNode == null || !enabledNode.isBoolean()) {
			throw ApiException.validation("UpdateTimeToLive requires boolean Enabled");
		}
		boolean enabled = enabledNode.booleanValue();
		String attribute = Requests.optionalString(specification, "AttributeName");
		if (attribute == null) {
			throw ApiException.validation("UpdateTimeToLive requires string AttributeName");
		}
		if (attribute.isEmpty() || attribute.length() > 255) {
			throw ApiException.validation("The length of the attribute name must be between 1 and 255");
		}
		synchronized (table) {
			TableDefinition.Settings settings = table.definition().settings();
			Map<String, String> tags = new LinkedHashMap<>(settings.tags());
			String current = tags.get(TAG);
			if (enabled) {
				if (current != null) {
					throw ApiException.validation("TTL is already enabled");
				}
				tags.put(TAG, attribute);
			}
			else {
				if (current == null) {
					throw ApiException.validation("TTL is already disabled");
				}
				if (!current.equals(attribute)) {
					throw ApiException.validation("Requested to disable TTL on attribute " + attribute
							+ ", but a different attribute " + current + " is enabled.");
				}
				tags.remove(TAG);
			}
			table.redefine(table.definition().withSettings(new TableDefinition.Settings(settings.billingMode(),
					settings.readCapacityUnits(), settings.writeCapacityUnits(), settings.streamEnabled(),
					settings.streamViewType(), tags)));
		}
		if (enabled) {
			this.expiry.start();
		}
		ObjectNode response = Json.object();
		response.putObject("TimeToLiveSpecification").put("AttributeName", attribute).put("Enabled", enabled);
		return Json.bytes(response);
	}

	byte[] describeTimeToLive(JsonNode request) {
		Table table = Requests.table(this.catalog, request);
		String attribute = table.definition().settings().tags().get(TAG);
		ObjectNode response = Json.object();
		ObjectNode description = response.putObject("TimeToLiveDescription");
		if (attribute == null) {
			description.put("TimeToLiveStatus", "DISABLED");
		}
		else {
			description.put("AttributeName", attribute).put("TimeToLiveStatus", "ENABLED");
		}
		return Json.bytes(response);
	}

}
