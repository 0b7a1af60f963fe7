package dev.alternator.local.conformance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ConditionalOperator;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Query and Scan: key conditions, filters, projections, Select, order, Limit, paging, the 1 MB page and parallel
 * scans, with the expression and the legacy parameters.
 */
class QueryScanConformanceTests extends ConformanceSupport {

	private String numbers;

	private String strings;

	@BeforeAll
	void createTables() {
		// Partition "q" holds c = 1..10; v tells whether c is even.
		this.numbers = hashRangeTable("query_numbers", ScalarAttributeType.N);
		for (int c = 1; c <= 10; c++) {
			String parity = (c % 2 == 0) ? "even" : "odd";
			int sort = c;
			this.dynamo.putItem((put) -> put.tableName(this.numbers)
				.item(item("p", s("q"), "c", n(Integer.toString(sort)), "v", s(parity), "extra", s("x"))));
		}
		this.dynamo.putItem((put) -> put.tableName(this.numbers).item(item("p", s("other"), "c", n("1"))));
		this.strings = hashRangeTable("query_strings", ScalarAttributeType.S);
		for (String c : List.of("apple", "apricot", "banana", "ap")) {
			this.dynamo.putItem((put) -> put.tableName(this.strings).item(item("p", s("q"), "c", s(c))));
		}
	}

	@Test
	void hashKeyConditionReturnsThePartitionInAscendingSortKeyOrder() {
		assertThat(sortKeys(query("p = :p", Map.of(":p", s("q")))))
			.containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
	}

	@Test
	void sortKeyComparisonsSelectTheirRange() {
		assertThat(sortKeys(query("p = :p AND c < :v", Map.of(":p", s("q"), ":v", n("3"))))).containsExactly(1, 2);
		assertThat(sortKeys(query("p = :p AND c <= :v", Map.of(":p", s("q"), ":v", n("3"))))).containsExactly(1, 2, 3);
		assertThat(sortKeys(query("p = :p AND c > :v", Map.of(":p", s("q"), ":v", n("8"))))).containsExactly(9, 10);
		assertThat(sortKeys(query("p = :p AND c >= :v", Map.of(":p", s("q"), ":v", n("8"))))).containsExactly(8, 9, 10);
		assertThat(sortKeys(query("p = :p AND c = :v", Map.of(":p", s("q"), ":v", n("8"))))).containsExactly(8);
	}

	@Test
	void betweenIncludesBothBounds() {
		assertThat(sortKeys(query("p = :p AND c BETWEEN :lo AND :hi",
				Map.of(":p", s("q"), ":lo", n("4"), ":hi", n("6"))))).containsExactly(4, 5, 6);
	}

	@Test
	void beginsWithSelectsSortKeysWithThePrefix() {
		QueryResponse response = this.dynamo.query((query) -> query.tableName(this.strings)
			.keyConditionExpression("p = :p AND begins_with(c, :prefix)")
			.expressionAttributeValues(Map.of(":p", s("q"), ":prefix", s("ap"))));
		assertThat(response.items()).extracting((item) -> item.get("c").s()).containsExactly("ap", "apple", "apricot");
	}

	@Test
	void scanIndexForwardFalseReturnsDescendingOrder() {
		QueryResponse response = this.dynamo.query((query) -> query.tableName(this.numbers)
			.keyConditionExpression("p = :p")
			.expressionAttributeValues(Map.of(":p", s("q")))
			.scanIndexForward(false));
		assertThat(sortKeys(response)).containsExactly(10, 9, 8, 7, 6, 5, 4, 3, 2, 1);
	}

	@Test
	void filterExpressionDropsItemsAfterTheyAreRead() {
		QueryResponse response = this.dynamo.query((query) -> query.tableName(this.numbers)
			.keyConditionExpression("p = :p")
			.filterExpression("v = :even")
			.expressionAttributeValues(Map.of(":p", s("q"), ":even", s("even"))));
		assertThat(sortKeys(response)).containsExactly(2, 4, 6, 8, 10);
		assertThat(response.count()).isEqualTo(5);
		assertThat(response.scannedCount()).isEqualTo(10);
	}

	@Test
	void queryLimitIsAppliedBeforeTheFilter() {
		QueryResponse response = this.dynamo.query((query) -> query.tableName(this.numbers)
			.keyConditionExpression("p = :p")
			.filterExpression("v = :even")
			.expressionAttributeValues(Map.of(":p", s("q"), ":even", s("even")))
			.limit(4));
		assertThat(sortKeys(response)).containsExactly(2, 4);
		assertThat(response.scannedCount()).isEqualTo(4);
		assertThat(response.lastEvaluatedKey()).isEqualTo(item("p", s("q"), "c", n("4")));
	}

	@Test
	void pagesChainedWithExclusiveStartKeyReturnEveryItemOnce() {
		List<Integer> seen = new ArrayList<>();
		Map<String, AttributeValue> start = null;
		int pages = 0;
		do {
			Map<String, AttributeValue> exclusiveStart = start;
			QueryResponse page = this.dynamo.query((query) -> query.tableName(this.numbers)
				.keyConditionExpression("p = :p")
				.expressionAttributeValues(Map.of(":p", s("q")))
				.limit(3)
				.exclusiveStartKey(exclusiveStart));
			seen.addAll(sortKeys(page));
			start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
			pages++;
		}
		while (start != null && pages < 100);
		assertThat(seen).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
		assertThat(pages).isBetween(4, 5);
	}

	@Test
	void selectCountReturnsTheCountWithoutItems() {
		QueryResponse response = this.dynamo.query((query) -> query.tableName(this.numbers)
			.keyConditionExpression("p = :p")
			.expressionAttributeValues(Map.of(":p", s("q")))
			.select(Select.COUNT));
		assertThat(response.count()).isEqualTo(10);
		assertThat(response.hasItems() && !response.items().isEmpty()).isFalse();
	}

	@Test
	void projectionExpressionLimitsTheReturnedAttributes() {
		QueryResponse response = this.dynamo.query((query) -> query.tableName(this.numbers)
			.keyConditionExpression("p = :p AND c = :c")
			.projectionExpression("v")
			.expressionAttributeValues(Map.of(":p", s("q"), ":c", n("3"))));
		assertThat(response.items()).containsExactly(item("v", s("odd")));
	}

	@Test
	void selectSpecificAttributesWithAttributesToGetLimitsTheReturnedAttributes() {
		// AttributesToGet is a legacy parameter: it goes with the legacy KeyConditions, never with expressions.
		QueryResponse response = this.dynamo.query((query) -> query.tableName(this.numbers)
			.keyConditions(Map.of("p", condition(ComparisonOperator.EQ, s("q")), "c",
					condition(ComparisonOperator.EQ, n("3"))))
			.select(Select.SPECIFIC_ATTRIBUTES)
			.attributesToGet("c"));
		assertThat(response.items()).containsExactly(item("c", n("3")));
	}

	@Test
	void queryWithoutAConditionOnTheHashKeyIsRejected() {
		assertValidation(() -> query("c = :v", Map.of(":v", n("1"))), null);
	}

	@Test
	void keyConditionOnANonKeyAttributeIsRejected() {
		assertValidation(() -> query("p = :p AND v = :v", Map.of(":p", s("q"), ":v", s("odd"))), null);
	}

	@Test
	void keyConditionWithOrIsRejected() {
		assertValidation(() -> query("p = :p OR c = :v", Map.of(":p", s("q"), ":v", n("1"))), null);
	}

	@Test
	void limitOfZeroIsRejected() {
		assertValidation(() -> this.dynamo.query((query) -> query.tableName(this.numbers)
			.keyConditionExpression("p = :p")
			.expressionAttributeValues(Map.of(":p", s("q")))
			.limit(0)), "limit");
	}

	@Test
	void legacyKeyConditionsSelectARange() {
		QueryResponse response = this.dynamo.query((query) -> query.tableName(this.numbers)
			.keyConditions(Map.of("p", condition(ComparisonOperator.EQ, s("q")), "c",
					condition(ComparisonOperator.BETWEEN, n("2"), n("4")))));
		assertThat(sortKeys(response)).containsExactly(2, 3, 4);
	}

	@Test
	void legacyQueryFilterDropsItemsAfterTheyAreRead() {
		QueryResponse response = this.dynamo.query((query) -> query.tableName(this.numbers)
			.keyConditions(Map.of("p", condition(ComparisonOperator.EQ, s("q"))))
			.queryFilter(Map.of("v", condition(ComparisonOperator.EQ, s("odd")))));
		assertThat(sortKeys(response)).containsExactly(1, 3, 5, 7, 9);
	}

	@Test
	void legacyScanFilterCombinesWithConditionalOperatorOr() {
		ScanResponse response = this.dynamo.scan((scan) -> scan.tableName(this.numbers)
			.scanFilter(Map.of("c", condition(ComparisonOperator.GE, n("9")), "p",
					condition(ComparisonOperator.EQ, s("other"))))
			.conditionalOperator(ConditionalOperator.OR));
		assertThat(response.items()).extracting((item) -> item.get("p").s() + "/" + item.get("c").n())
			.containsExactlyInAnyOrder("q/9", "q/10", "other/1");
	}

	@Test
	void keyConditionExpressionAndKeyConditionsTogetherAreRejected() {
		assertValidation(() -> this.dynamo.query((query) -> query.tableName(this.numbers)
			.keyConditionExpression("p = :p")
			.expressionAttributeValues(Map.of(":p", s("q")))
			.keyConditions(Map.of("p", condition(ComparisonOperator.EQ, s("q"))))), "both");
	}

	@Test
	void scanReturnsEveryItemOfTheTable() {
		ScanResponse response = this.dynamo.scan((scan) -> scan.tableName(this.numbers));
		assertThat(response.count()).isEqualTo(11);
		assertThat(response.items()).hasSize(11);
	}

	@Test
	void scanLimitIsAppliedBeforeTheFilter() {
		ScanResponse response = this.dynamo.scan((scan) -> scan.tableName(this.numbers)
			.filterExpression("attribute_not_exists(v)")
			.limit(5));
		assertThat(response.scannedCount()).isEqualTo(5);
		assertThat(response.count()).isLessThanOrEqualTo(1);
		assertThat(response.lastEvaluatedKey()).isNotEmpty();
	}

	@Test
	void parallelScanSegmentsPartitionTheTable() {
		Set<String> seen = new HashSet<>();
		int total = 0;
		for (int segment = 0; segment < 3; segment++) {
			int current = segment;
			for (Map<String, AttributeValue> found : this.dynamo
				.scanPaginator((scan) -> scan.tableName(this.numbers).segment(current).totalSegments(3))
				.items()) {
				seen.add(found.get("p").s() + "/" + found.get("c").n());
				total++;
			}
		}
		assertThat(seen).hasSize(11);
		assertThat(total).isEqualTo(11);
	}

	@Test
	void segmentNotBelowTotalSegmentsIsRejected() {
		assertValidation(() -> this.dynamo.scan((scan) -> scan.tableName(this.numbers).segment(3).totalSegments(3)),
				"Segment");
	}

	@Test
	void segmentWithoutTotalSegmentsIsRejected() {
		assertValidation(() -> this.dynamo.scan((scan) -> scan.tableName(this.numbers).segment(0)), "segment");
	}

	@Test
	void aPageStopsAtOneMegabyteOfData() {
		String big = hashRangeTable("query_big", ScalarAttributeType.N);
		String payload = "x".repeat(100_000);
		for (int c = 0; c < 15; c++) {
			int sort = c;
			this.dynamo.putItem((put) -> put.tableName(big)
				.item(item("p", s("big"), "c", n(Integer.toString(sort)), "payload", s(payload))));
		}
		QueryRequest request = QueryRequest.builder()
			.tableName(big)
			.keyConditionExpression("p = :p")
			.expressionAttributeValues(Map.of(":p", s("big")))
			.build();
		QueryResponse first = this.dynamo.query(request);
		assertThat(first.count()).isBetween(9, 11);
		assertThat(first.lastEvaluatedKey()).isNotEmpty();
		QueryResponse second = this.dynamo.query(request.toBuilder().exclusiveStartKey(first.lastEvaluatedKey()).build());
		assertThat(first.count() + second.count()).isEqualTo(15);
		ScanResponse scanned = this.dynamo.scan((scan) -> scan.tableName(big));
		assertThat(scanned.count()).isBetween(9, 11);
		assertThat(scanned.lastEvaluatedKey()).isNotEmpty();
	}

	@Test
	void beginsWithOnANumberSortKeyIsRejected() {
		assertValidation(() -> query("p = :p AND begins_with(c, :v)", Map.of(":p", s("q"), ":v", n("1"))), null);
	}

	@Test
	void notEqualsInAKeyConditionIsRejected() {
		assertValidation(() -> query("p = :p AND c <> :v", Map.of(":p", s("q"), ":v", n("1"))), null);
	}

	@Test
	void descendingPagesChainedWithExclusiveStartKeyReturnEveryItemOnce() {
		List<Integer> seen = new ArrayList<>();
		Map<String, AttributeValue> start = null;
		int pages = 0;
		do {
			Map<String, AttributeValue> exclusiveStart = start;
			QueryResponse page = this.dynamo.query((query) -> query.tableName(this.numbers)
				.keyConditionExpression("p = :p")
				.expressionAttributeValues(Map.of(":p", s("q")))
				.scanIndexForward(false)
				.limit(4)
				.exclusiveStartKey(exclusiveStart));
			seen.addAll(sortKeys(page));
			start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
			pages++;
		}
		while (start != null && pages < 100);
		assertThat(seen).containsExactly(10, 9, 8, 7, 6, 5, 4, 3, 2, 1);
	}

	@Test
	void scanPagesChainedWithExclusiveStartKeyReturnEveryItemOnce() {
		List<String> seen = new ArrayList<>();
		Map<String, AttributeValue> start = null;
		int pages = 0;
		do {
			Map<String, AttributeValue> exclusiveStart = start;
			ScanResponse page = this.dynamo
				.scan((scan) -> scan.tableName(this.numbers).limit(2).exclusiveStartKey(exclusiveStart));
			page.items().forEach((found) -> seen.add(found.get("p").s() + "/" + found.get("c").n()));
			start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
			pages++;
		}
		while (start != null && pages < 100);
		assertThat(seen).hasSize(11).doesNotHaveDuplicates();
	}

	@Test
	void selectCountWithAFilterCountsTheMatchingItems() {
		ScanResponse response = this.dynamo.scan((scan) -> scan.tableName(this.numbers)
			.select(Select.COUNT)
			.filterExpression("v = :odd")
			.expressionAttributeValues(Map.of(":odd", s("odd"))));
		assertThat(response.count()).isEqualTo(5);
		assertThat(response.scannedCount()).isEqualTo(11);
	}

	@Test
	void queryOfAMissingTableIsResourceNotFound() {
		assertApiError(() -> this.dynamo.query((query) -> query.tableName(uniqueName("absent"))
			.keyConditionExpression("p = :p")
			.expressionAttributeValues(Map.of(":p", s("q")))), "ResourceNotFoundException", null);
	}

	private QueryResponse query(String keyCondition, Map<String, AttributeValue> values) {
		return this.dynamo.query((query) -> query.tableName(this.numbers)
			.keyConditionExpression(keyCondition)
			.expressionAttributeValues(values));
	}

	private static List<Integer> sortKeys(QueryResponse response) {
		return response.items().stream().map((item) -> Integer.parseInt(item.get("c").n())).toList();
	}

	private static Condition condition(ComparisonOperator operator, AttributeValue... values) {
		return Condition.builder().comparisonOperator(operator).attributeValueList(values).build();
	}

}
