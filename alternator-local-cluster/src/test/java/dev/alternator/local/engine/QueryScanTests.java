package dev.alternator.local.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

import static dev.alternator.local.engine.EngineClusterSupport.n;
import static dev.alternator.local.engine.EngineClusterSupport.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryScanTests {

	private static final String TABLE = "events";

	@RegisterExtension
	static final EngineCluster engine = EngineCluster.twoNodes();

	private static final DynamoDbClient client = engine.client(0);

	@BeforeAll
	static void createTableAndItems() {
		client.createTable((request) -> request.tableName(TABLE)
			.keySchema((k) -> k.attributeName("p").keyType("HASH"), (k) -> k.attributeName("c").keyType("RANGE"))
			.attributeDefinitions((a) -> a.attributeName("p").attributeType("S"),
					(a) -> a.attributeName("c").attributeType("N"), (a) -> a.attributeName("kind").attributeType("S"),
					(a) -> a.attributeName("tag").attributeType("S"))
			.globalSecondaryIndexes((index) -> index.indexName("by_kind")
				.keySchema((k) -> k.attributeName("kind").keyType("HASH"), (k) -> k.attributeName("c").keyType("RANGE"))
				.projection((projection) -> projection.projectionType("KEYS_ONLY")))
			.localSecondaryIndexes((index) -> index.indexName("by_tag")
				.keySchema((k) -> k.attributeName("p").keyType("HASH"), (k) -> k.attributeName("tag").keyType("RANGE"))
				.projection((projection) -> projection.projectionType("INCLUDE").nonKeyAttributes("note")))
			.billingMode("PAY_PER_REQUEST"));
		for (int partition = 0; partition < 5; partition++) {
			for (int c = 0; c < 20; c++) {
				String p = "p" + partition;
				int sort = c;
				Map<String, AttributeValue> item = new java.util.HashMap<>(Map.of("p", s(p), "c", n(String.valueOf(sort)),
						"note", s("note " + sort), "other", s("x")));
				if (sort % 2 == 0) {
					item.put("kind", s("even"));
				}
				if (sort % 5 == 0) {
					item.put("tag", s("tag" + (char) ('a' + sort / 5)));
				}
				client.putItem((put) -> put.tableName(TABLE).item(item));
			}
		}
	}

	private static List<Integer> sortKeys(List<Map<String, AttributeValue>> items) {
		return items.stream().map((item) -> Integer.valueOf(item.get("c").n())).toList();
	}

	@Test
	void sortKeyConditionsSelectOneRangeInOrder() {
		assertThat(sortKeys(query("p = :p AND c BETWEEN :a AND :b", Map.of(":a", n("3"), ":b", n("6"))).items()))
			.containsExactly(3, 4, 5, 6);
		assertThat(sortKeys(query("p = :p AND c < :a", Map.of(":a", n("2"))).items())).containsExactly(0, 1);
		assertThat(sortKeys(query("p = :p AND c >= :a", Map.of(":a", n("18"))).items())).containsExactly(18, 19);
		assertThat(sortKeys(query("p = :p AND c = :a", Map.of(":a", n("7"))).items())).containsExactly(7);
		assertThat(sortKeys(client.query((q) -> q.tableName(TABLE).keyConditionExpression("p = :p AND c > :a")
			.expressionAttributeValues(Map.of(":p", s("p1"), ":a", n("16")))
			.scanIndexForward(false)).items())).containsExactly(19, 18, 17);
		assertThat(query("p = :p", Map.of()).count()).isEqualTo(20);
	}

	private static QueryResponse query(String condition, Map<String, AttributeValue> values) {
		Map<String, AttributeValue> all = new java.util.HashMap<>(values);
		all.put(":p", s("p2"));
		return client.query((q) -> q.tableName(TABLE).keyConditionExpression(condition).expressionAttributeValues(all));
	}

	@Test
	void beginsWithOnAStringSortKeyWorksBothWays() {
		client.createTable((request) -> request.tableName("prefixes")
			.keySchema((k) -> k.attributeName("p").keyType("HASH"), (k) -> k.attributeName("c").keyType("RANGE"))
			.attributeDefinitions((a) -> a.attributeName("p").attributeType("S"), (a) -> a.attributeName("c").attributeType("S"))
			.billingMode("PAY_PER_REQUEST"));
		for (String c : List.of("a", "ab", "abc", "abd", "ac", "b")) {
			client.putItem((put) -> put.tableName("prefixes").item(Map.of("p", s("x"), "c", s(c))));
		}
		for (boolean forward : List.of(true, false)) {
			List<String> found = client.query((q) -> q.tableName("prefixes")
				.keyConditionExpression("p = :p AND begins_with(c, :prefix)")
				.expressionAttributeValues(Map.of(":p", s("x"), ":prefix", s("ab")))
				.scanIndexForward(forward)).items().stream().map((item) -> item.get("c").s()).toList();
			assertThat(found).containsExactlyElementsOf(forward ? List.of("ab", "abc", "abd") : List.of("abd", "abc", "ab"));
		}
	}

	@Test
	void limitCountsItemsReadBeforeTheFilterAndPagesResume() {
		List<Integer> seen = new ArrayList<>();
		Map<String, AttributeValue> start = null;
		int pages = 0;
		do {
			Map<String, AttributeValue> from = start;
			QueryResponse page = client.query((q) -> q.tableName(TABLE).keyConditionExpression("p = :p")
				.filterExpression("c > :five")
				.expressionAttributeValues(Map.of(":p", s("p3"), ":five", n("5")))
				.limit(4)
				.exclusiveStartKey(from));
			assertThat(page.scannedCount()).isLessThanOrEqualTo(4);
			assertThat(page.count()).isLessThanOrEqualTo(page.scannedCount());
			seen.addAll(sortKeys(page.items()));
			start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
			pages++;
		}
		while (start != null);
		assertThat(seen).containsExactlyElementsOf(java.util.stream.IntStream.range(6, 20).boxed().toList());
		assertThat(pages).isEqualTo(5);
	}

	@Test
	void selectCountAnswersCountsWithoutItems() {
		QueryResponse response = client.query((q) -> q.tableName(TABLE).keyConditionExpression("p = :p")
			.expressionAttributeValues(Map.of(":p", s("p0")))
			.select(Select.COUNT));
		assertThat(response.count()).isEqualTo(20);
		assertThat(response.hasItems()).isFalse();
	}

	@Test
	void globalIndexHoldsOnlyItemsWithItsKeysAndOnlyItsProjection() {
		QueryResponse response = client.query((q) -> q.tableName(TABLE).indexName("by_kind")
			.keyConditionExpression("kind = :k AND c < :c")
			.expressionAttributeValues(Map.of(":k", s("even"), ":c", n("4"))));
		assertThat(response.count()).isEqualTo(10);
		assertThat(response.items()).allSatisfy((item) -> assertThat(item).containsOnlyKeys("p", "c", "kind"));
		ScanResponse scan = client.scan((request) -> request.tableName(TABLE).indexName("by_kind"));
		assertThat(scan.count()).isEqualTo(50);
		assertThatThrownBy(() -> client.query((q) -> q.tableName(TABLE).indexName("by_kind")
			.keyConditionExpression("kind = :k")
			.expressionAttributeValues(Map.of(":k", s("even")))
			.consistentRead(true))).isInstanceOf(DynamoDbException.class)
			.hasMessageContaining("Consistent reads are not supported on global secondary indexes");
	}

	@Test
	void localIndexOrdersByItsSortKeyAndProjectsIncludedAttributes() {
		QueryResponse response = client.query((q) -> q.tableName(TABLE).indexName("by_tag")
			.keyConditionExpression("p = :p")
			.expressionAttributeValues(Map.of(":p", s("p4")))
			.scanIndexForward(false));
		assertThat(response.items()).extracting((item) -> item.get("tag").s()).containsExactly("tagd", "tagc", "tagb", "taga");
		assertThat(response.items()).allSatisfy((item) -> assertThat(item).containsOnlyKeys("p", "c", "tag", "note"));
		QueryResponse all = client.query((q) -> q.tableName(TABLE).indexName("by_tag")
			.keyConditionExpression("p = :p")
			.expressionAttributeValues(Map.of(":p", s("p4")))
			.select(Select.ALL_ATTRIBUTES));
		assertThat(all.items()).allSatisfy((item) -> assertThat(item).containsKey("other"));
	}

	@Test
	void parallelScanSegmentsTogetherReturnEveryItemOnce() {
		Set<String> seen = new HashSet<>();
		int total = 0;
		for (int segment = 0; segment < 4; segment++) {
			int current = segment;
			Map<String, AttributeValue> start = null;
			do {
				Map<String, AttributeValue> from = start;
				ScanResponse page = client.scan((request) -> request.tableName(TABLE).segment(current).totalSegments(4)
					.limit(7)
					.exclusiveStartKey(from));
				for (Map<String, AttributeValue> item : page.items()) {
					seen.add(item.get("p").s() + "/" + item.get("c").n());
					total++;
				}
				start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
			}
			while (start != null);
		}
		assertThat(total).isEqualTo(100);
		assertThat(seen).hasSize(100);
		assertThatThrownBy(() -> client.scan((request) -> request.tableName(TABLE).segment(4).totalSegments(4)))
			.isInstanceOf(DynamoDbException.class)
			.hasMessageContaining("Segment");
	}

	@Test
	void scanFiltersAndProjects() {
		ScanResponse response = client.scan((request) -> request.tableName(TABLE)
			.filterExpression("c = :c")
			.projectionExpression("p, note")
			.expressionAttributeValues(Map.of(":c", n("7"))));
		assertThat(response.count()).isEqualTo(5);
		assertThat(response.scannedCount()).isEqualTo(100);
		assertThat(response.items()).allSatisfy((item) -> assertThat(item).containsOnlyKeys("p", "note"));
		ScanResponse legacy = client.scan((request) -> request.tableName(TABLE)
			.scanFilter(Map.of("c", software.amazon.awssdk.services.dynamodb.model.Condition.builder()
				.comparisonOperator("LT")
				.attributeValueList(n("2"))
				.build())));
		assertThat(legacy.count()).isEqualTo(10);
	}

	@Test
	void aPageStopsAfterAboutOneMegabyte() {
		client.createTable((request) -> request.tableName("bulky")
			.keySchema((k) -> k.attributeName("id").keyType("HASH"))
			.attributeDefinitions((a) -> a.attributeName("id").attributeType("S"))
			.billingMode("PAY_PER_REQUEST"));
		String payload = "x".repeat(100_000);
		for (int i = 0; i < 25; i++) {
			String id = "bulk" + i;
			client.putItem((put) -> put.tableName("bulky").item(Map.of("id", s(id), "payload", s(payload))));
		}
		ScanResponse first = client.scan((request) -> request.tableName("bulky"));
		assertThat(first.count()).isBetween(10, 12);
		assertThat(first.lastEvaluatedKey()).isNotEmpty();
		int total = first.count();
		Map<String, AttributeValue> start = first.lastEvaluatedKey();
		while (start != null && !start.isEmpty()) {
			Map<String, AttributeValue> from = start;
			ScanResponse page = client.scan((request) -> request.tableName("bulky").exclusiveStartKey(from));
			total += page.count();
			start = page.lastEvaluatedKey();
		}
		assertThat(total).isEqualTo(25);
	}

	@Test
	void queryNeedsAnEqualityOnThePartitionKey() {
		assertThatThrownBy(() -> client.query((q) -> q.tableName(TABLE).keyConditionExpression("c = :c")
			.expressionAttributeValues(Map.of(":c", n("1"))))).isInstanceOf(DynamoDbException.class)
			.hasMessageContaining("Query condition missed key schema element");
		assertThatThrownBy(() -> client.query((q) -> q.tableName(TABLE))).isInstanceOf(DynamoDbException.class)
			.hasMessageContaining("KeyConditions or KeyConditionExpression");
	}

}
