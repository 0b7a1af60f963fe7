package dev.alternator.local.engine.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.alternator.local.engine.ApiException;
import dev.alternator.local.engine.expression.RangeCondition;
import dev.alternator.local.engine.table.IndexDefinition;
import dev.alternator.local.engine.table.IndexEntryKey;
import dev.alternator.local.engine.table.IndexKind;
import dev.alternator.local.engine.table.KeyAttribute;
import dev.alternator.local.engine.table.KeyPart;
import dev.alternator.local.engine.table.KeySchema;
import dev.alternator.local.engine.table.PrimaryKey;
import dev.alternator.local.engine.table.ProjectionType;
import dev.alternator.local.engine.table.SecondaryIndex;
import dev.alternator.local.engine.table.StoredItem;
import dev.alternator.local.engine.table.Table;
import dev.alternator.local.engine.table.TableCatalog;
import dev.alternator.local.engine.value.AttributeValue;

/**
 * Query and Scan, on a table or on one of its secondary indexes.
 * <p>
 * Both walk one ordered range of storage: a Query the part of one partition its key condition selects, a Scan
 * the whole table or its segment's token range. Limit counts the items read (before the filter), a page stops
 * after about 1 MB of items read, and LastEvaluatedKey is the last item read whenever the walk stopped early.
 */
public final class QueryOperations {

	/** DynamoDB stops a page once it has read 1 MB. */
	private static final int PAGE_BYTES = 1024 * 1024;

	private static final int MAX_TOTAL_SEGMENTS = 1_000_000;

	private final TableCatalog catalog;

	/**
	 * Creates the operations on a catalogue.
	 * @param catalog the tables
	 */
	public QueryOperations(TableCatalog catalog) {
		this.catalog = catalog;
	}

	/**
	 * Query.
	 * @param request the request
	 * @return the response
	 */
	public byte[] query(JsonNode request) {
		Table table = Requests.table(this.catalog, request);
		Source source = Source.of(table, Requests.optionalString(request, "IndexName"));
		source.checkConsistentRead(request);
		Integer limit = limit(request);
		boolean forward = Requests.optionalBoolean(request, "ScanIndexForward", true);
		RequestExpressions expressions = RequestExpressions.of(request);
		RequestExpressions.KeyCondition condition = expressions.keyCondition(source.key);
		Predicate<Map<String, AttributeValue>> filter = expressions.filter("QueryFilter");
		UnaryOperator<Map<String, AttributeValue>> projection = expressions.projection();
		expressions.checkAllUsed();
		String select = select(request, source, projection);
		KeyPart hash = ItemCodec.keyPart(source.key.hash(), checkType(source.key.hash(), condition.hash()),
				ItemCodec.MAX_HASH_KEY_SIZE);
		PrimaryKey lower = PrimaryKey.partitionStart(hash);
		PrimaryKey upper = PrimaryKey.partitionEnd(hash);
		KeyPart prefix = null;
		if (condition.operator() != null) {
			KeyAttribute rangeAttribute = source.key.range();
			if (rangeAttribute == null) {
				throw ApiException.validation("Query condition missed key schema element: the key has no sort key");
			}
			KeyPart first = rangePart(rangeAttribute, condition.first(),
					condition.operator() == RangeCondition.Operator.BEGINS_WITH);
			switch (condition.operator()) {
				case EQ -> {
					lower = PrimaryKey.rangeBound(hash, first, false);
					upper = PrimaryKey.rangeBound(hash, first, true);
				}
				case LT -> upper = PrimaryKey.rangeBound(hash, first, false);
				case LE -> upper = PrimaryKey.rangeBound(hash, first, true);
				case GT -> lower = PrimaryKey.rangeBound(hash, first, true);
				case GE -> lower = PrimaryKey.rangeBound(hash, first, false);
				case BETWEEN -> {
					KeyPart second = rangePart(rangeAttribute, condition.second(), false);
					if (first.compareTo(second) > 0) {
						throw ApiException.validation("Invalid KeyConditionExpression: The BETWEEN operator requires "
								+ "upper bound to be greater than or equal to lower bound");
					}
					lower = PrimaryKey.rangeBound(hash, first, false);
					upper = PrimaryKey.rangeBound(hash, second, true);
				}
				case BEGINS_WITH -> {
					if (rangeAttribute.type() == dev.alternator.local.engine.table.KeyType.N) {
						throw ApiException.validation("Invalid KeyConditionExpression: Incorrect operand type for "
								+ "operator or function; operator or function: begins_with, operand type: N");
					}
					lower = PrimaryKey.rangeBound(hash, first, false);
					KeyPart end = first.prefixEnd();
					if (end != null) {
						upper = PrimaryKey.rangeBound(hash, end, false);
					}
					prefix = first;
				}
				default -> throw new IllegalStateException("Unknown operator " + condition.operator());
			}
		}
		NavigableMap<Object, StoredItem> range = source.range(lower, upper);
		if (!forward) {
			range = range.descendingMap();
		}
		Object start = source.exclusiveStart(request);
		if (start != null) {
			range = after(range, start);
		}
		return page(source, range, limit, filter, projection, select, prefix);
	}

	/**
	 * Scan.
	 * @param request the request
	 * @return the response
	 */
	public byte[] scan(JsonNode request) {
		Table table = Requests.table(this.catalog, request);
		Source source = Source.of(table, Requests.optionalString(request, "IndexName"));
		source.checkConsistentRead(request);
		Integer limit = limit(request);
		Integer segment = Requests.optionalInt(request, "Segment");
		Integer totalSegments = Requests.optionalInt(request, "TotalSegments");
		RequestExpressions expressions = RequestExpressions.of(request);
		Predicate<Map<String, AttributeValue>> filter = expressions.filter("ScanFilter");
		UnaryOperator<Map<String, AttributeValue>> projection = expressions.projection();
		expressions.checkAllUsed();
		String select = select(request, source, projection);
		NavigableMap<Object, StoredItem> range = source.all();
		if (segment != null || totalSegments != null) {
			if (totalSegments == null) {
				throw ApiException.validation("The TotalSegments parameter is required but was not present in the "
						+ "request when Segment parameter is present");
			}
			if (segment == null) {
				throw ApiException.validation("The Segment parameter is required but was not present in the request "
						+ "when parameter TotalSegments is present");
			}
			if (totalSegments < 1 || totalSegments > MAX_TOTAL_SEGMENTS) {
				throw ApiException.validation("1 validation error detected: Value '" + totalSegments
						+ "' at 'totalSegments' failed to satisfy constraint: Member must have value less than or "
						+ "equal to " + MAX_TOTAL_SEGMENTS + " and greater than or equal to 1");
			}
			if (segment < 0 || segment >= totalSegments) {
				throw ApiException.validation("The Segment parameter is zero-based and must be less than parameter "
						+ "TotalSegments: Segment: " + segment + " is not less than TotalSegments: " + totalSegments);
			}
			range = source.segment(segment, totalSegments);
		}
		Object start = source.exclusiveStart(request);
		if (start != null) {
			range = after(range, start);
		}
		return page(source, range, limit, filter, projection, select, null);
	}

	private static NavigableMap<Object, StoredItem> after(NavigableMap<Object, StoredItem> range, Object start) {
		try {
			return range.tailMap(start, false);
		}
		catch (IllegalArgumentException ex) {
			// The start key lies outside this Query's range (or Scan segment): nothing follows it here.
			return java.util.Collections.emptyNavigableMap();
		}
	}

	private static byte[] page(Source source, NavigableMap<Object, StoredItem> range, Integer limit,
			Predicate<Map<String, AttributeValue>> filter, UnaryOperator<Map<String, AttributeValue>> projection,
			String select, KeyPart prefix) {
		boolean count = "COUNT".equals(select);
		boolean raw = filter == null && projection == null && !source.projects();
		List<Object> items = new ArrayList<>();
		int scanned = 0;
		long bytes = 0;
		int size = 0;
		Object last = null;
		boolean more = false;
		for (Map.Entry<Object, StoredItem> entry : range.entrySet()) {
			if (prefix != null && !source.rangeOf(entry.getKey()).startsWith(prefix)) {
				// Sort keys that start with the prefix are contiguous: past them, nothing more matches.
				break;
			}
			if ((limit != null && scanned >= limit) || bytes >= PAGE_BYTES) {
				more = true;
				break;
			}
			StoredItem stored = entry.getValue();
			scanned++;
			bytes += stored.size();
			last = entry.getKey();
			if (raw) {
				if (!count) {
					items.add(stored.json());
					size += stored.json().length + 1;
				}
				continue;
			}
			Map<String, AttributeValue> item = ItemCodec.load(stored);
			if (filter != null && !filter.test(item)) {
				continue;
			}
			if (count) {
				items.add(Boolean.TRUE);
				continue;
			}
			Map<String, AttributeValue> shown = source.project(item);
			if (projection != null) {
				shown = projection.apply(shown);
			}
			items.add(shown);
			size += stored.json().length + 1;
		}
		int matched = (count && raw) ? scanned : items.size();
		int scannedCount = scanned;
		Map<String, AttributeValue> lastEvaluatedKey = (more && last != null) ? source.lastEvaluatedKey(last) : null;
		return Json.write(size + 64, (generator) -> {
			if (!count) {
				generator.writeArrayFieldStart("Items");
				for (Object item : items) {
					writeItem(generator, item);
				}
				generator.writeEndArray();
			}
			generator.writeNumberField("Count", matched);
			generator.writeNumberField("ScannedCount", scannedCount);
			if (lastEvaluatedKey != null) {
				ItemCodec.write(generator, "LastEvaluatedKey", lastEvaluatedKey);
			}
		});
	}

	@SuppressWarnings("unchecked")
	private static void writeItem(JsonGenerator generator, Object item) throws IOException {
		if (item instanceof byte[] json) {
			Json.writeRaw(generator, json);
		}
		else {
			dev.alternator.local.engine.value.AttributeValueJson.writeItem(generator,
					(Map<String, AttributeValue>) item);
		}
	}

	private static Integer limit(JsonNode request) {
		Integer limit = Requests.optionalInt(request, "Limit");
		if (limit != null && limit < 1) {
			throw ApiException.validation("1 validation error detected: Value '" + limit
					+ "' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
		}
		return limit;
	}

	private static String select(JsonNode request, Source source,
			UnaryOperator<Map<String, AttributeValue>> projection) {
		String select = Requests.optionalEnum(request, "Select", null, "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES",
				"SPECIFIC_ATTRIBUTES", "COUNT");
		if (select == null) {
			select = (projection != null) ? "SPECIFIC_ATTRIBUTES" : "ALL_PROJECTED_ATTRIBUTES";
			if (source.index == null && projection == null) {
				return "ALL_ATTRIBUTES";
			}
		}
		if (projection != null && !"SPECIFIC_ATTRIBUTES".equals(select)) {
			throw ApiException.validation("Cannot specify the ProjectionExpression or AttributesToGet when choosing "
					+ "to get " + select);
		}
		if ("SPECIFIC_ATTRIBUTES".equals(select) && projection == null) {
			throw ApiException.validation("Select type SPECIFIC_ATTRIBUTES requires ProjectionExpression or "
					+ "AttributesToGet");
		}
		if ("ALL_PROJECTED_ATTRIBUTES".equals(select) && source.index == null) {
			throw ApiException.validation("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an "
					+ "IndexName");
		}
		if ("ALL_ATTRIBUTES".equals(select) && source.index != null
				&& source.index.definition().kind() == IndexKind.GLOBAL
				&& source.index.definition().projectionType() != ProjectionType.ALL) {
			throw ApiException.validation("One or more parameter values were invalid: Select type ALL_ATTRIBUTES "
					+ "is not supported for global secondary index " + source.index.definition().name()
					+ " because its projection type is not ALL");
		}
		boolean local = source.index != null && source.index.definition().kind() == IndexKind.LOCAL;
		if (local && ("ALL_ATTRIBUTES".equals(select) || projection != null)) {
			// A local index reads the attributes it does not hold from the table.
			source.allAttributes = true;
		}
		return select;
	}

	private static AttributeValue checkType(KeyAttribute attribute, AttributeValue value) {
		if (value == null || !value.type().name().equals(attribute.type().name())) {
			throw ApiException.validation("One or more parameter values were invalid: Condition parameter type "
					+ "does not match schema type");
		}
		return value;
	}

	private static KeyPart rangePart(KeyAttribute attribute, AttributeValue value, boolean prefix) {
		checkType(attribute, value);
		if (prefix) {
			// An empty prefix is allowed: it matches every sort key.
			return switch (attribute.type()) {
				case S -> KeyPart.ofString(((dev.alternator.local.engine.value.StringValue) value).value());
				case B -> KeyPart.ofBinary(((dev.alternator.local.engine.value.BinaryValue) value).bytes());
				case N -> ItemCodec.keyPart(attribute, value, ItemCodec.MAX_RANGE_KEY_SIZE);
			};
		}
		return ItemCodec.keyPart(attribute, value, ItemCodec.MAX_RANGE_KEY_SIZE);
	}

	/**
	 * What a Query or Scan reads: the table's items, or a secondary index's entries.
	 */
	private static final class Source {

		private final Table table;

		private final SecondaryIndex index;

		private final KeySchema key;

		private final KeySchema tableKey;

		private boolean allAttributes;

		private Source(Table table, SecondaryIndex index) {
			this.table = table;
			this.index = index;
			this.tableKey = table.definition().key();
			this.key = (index != null) ? index.definition().key() : this.tableKey;
		}

		static Source of(Table table, String indexName) {
			if (indexName == null) {
				return new Source(table, null);
			}
			SecondaryIndex index = table.index(indexName);
			if (index == null) {
				throw ApiException.validation("The table does not have the specified index: " + indexName);
			}
			return new Source(table, index);
		}

		void checkConsistentRead(JsonNode request) {
			if (Requests.optionalBoolean(request, "ConsistentRead", false) && this.index != null
					&& this.index.definition().kind() == IndexKind.GLOBAL) {
				throw ApiException.validation("Consistent reads are not supported on global secondary indexes");
			}
		}

		@SuppressWarnings("unchecked")
		NavigableMap<Object, StoredItem> all() {
			return (this.index != null) ? (NavigableMap<Object, StoredItem>) (NavigableMap<?, ?>) this.index.entries()
					: (NavigableMap<Object, StoredItem>) (NavigableMap<?, ?>) this.table.items();
		}

		NavigableMap<Object, StoredItem> range(PrimaryKey lower, PrimaryKey upper) {
			return all().subMap(bound(lower), true, bound(upper), true);
		}

		NavigableMap<Object, StoredItem> segment(int segment, int totalSegments) {
			long span = (1L << 32);
			long from = Integer.MIN_VALUE + (span * segment) / totalSegments;
			long to = Integer.MIN_VALUE + (span * (segment + 1)) / totalSegments;
			Object lower = bound(PrimaryKey.tokenStart((int) from));
			if (segment == totalSegments - 1) {
				return all().tailMap(lower, true);
			}
			return all().subMap(lower, true, bound(PrimaryKey.tokenStart((int) to)), false);
		}

		private Object bound(PrimaryKey key) {
			return (this.index != null) ? IndexEntryKey.lowest(key) : key;
		}

		KeyPart rangeOf(Object position) {
			PrimaryKey key = (position instanceof IndexEntryKey entry) ? entry.indexKey() : (PrimaryKey) position;
			return key.range();
		}

		/** Whether items read from this source lose attributes to the index's projection. */
		boolean projects() {
			return this.index != null && this.index.definition().projectionType() != ProjectionType.ALL
					&& !this.allAttributes;
		}

		Map<String, AttributeValue> project(Map<String, AttributeValue> item) {
			if (!projects()) {
				return item;
			}
			IndexDefinition definition = this.index.definition();
			Map<String, AttributeValue> projected = new LinkedHashMap<>();
			item.forEach((name, value) -> {
				if (this.tableKey.contains(name) || definition.key().contains(name)
						|| definition.nonKeyAttributes().contains(name)) {
					projected.put(name, value);
				}
			});
			return projected;
		}

		Object exclusiveStart(JsonNode request) {
			Map<String, AttributeValue> start = ItemCodec.item(request, "ExclusiveStartKey");
			if (start == null) {
				return null;
			}
			PrimaryKey tableKey = startKey(this.tableKey, start);
			if (this.index == null) {
				if (start.size() != this.tableKey.size()) {
					throw invalidStart("The provided key element does not match the schema");
				}
				return tableKey;
			}
			PrimaryKey indexKey = startKey(this.key, start);
			return new IndexEntryKey(indexKey, tableKey);
		}

		private static PrimaryKey startKey(KeySchema schema, Map<String, AttributeValue> start) {
			KeyPart hash = startPart(schema.hash(), start.get(schema.hash().name()), ItemCodec.MAX_HASH_KEY_SIZE);
			KeyPart range = (schema.range() != null)
					? startPart(schema.range(), start.get(schema.range().name()), ItemCodec.MAX_RANGE_KEY_SIZE) : null;
			return PrimaryKey.of(hash, range);
		}

		private static KeyPart startPart(KeyAttribute attribute, AttributeValue value, int maxSize) {
			if (value == null || !value.type().name().equals(attribute.type().name())) {
				throw invalidStart("The provided key element does not match the schema");
			}
			return ItemCodec.keyPart(attribute, value, maxSize);
		}

		private static ApiException invalidStart(String why) {
			return ApiException.validation("The provided starting key is invalid: " + why);
		}

		Map<String, AttributeValue> lastEvaluatedKey(Object position) {
			Map<String, AttributeValue> key = new LinkedHashMap<>();
			if (position instanceof IndexEntryKey entry) {
				ItemCodec.putKey(key, this.key, entry.indexKey());
				ItemCodec.putKey(key, this.tableKey, entry.tableKey());
			}
			else {
				ItemCodec.putKey(key, this.tableKey, (PrimaryKey) position);
			}
			return key;
		}

	}

}
