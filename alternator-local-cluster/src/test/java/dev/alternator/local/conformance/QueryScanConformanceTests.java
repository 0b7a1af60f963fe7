package dev.alternator.local.conformance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
		List<Map<String, AttributeValue>> seen = new ArrayList<>();
		int pages = readAllPages((start) -> page(this.dynamo.query((query) -> query.tableName(this.numbers)
			.keyConditionExpression("p = :p")
			.expressionAttributeValues(Map.of(":p", s("q")))
			.limit(3)
			.exclusiveStartKey(start))), seen);
		assertThat(sortKeys(seen)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
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

	/**
	 * Key conditions that DynamoDB rejects as a ValidationException, each with the value of {@code :v}.
	 */
	static Stream<Arguments> invalidKeyConditions() {
		return Stream.of(Arguments.of("no condition on the hash key", "c = :v", n("1")),
				Arguments.of("a non-key attribute", "p = :p AND v = :v", s("odd")),
				Arguments.of("OR", "p = :p OR c = :v", n("1")),
				Arguments.of("begins_with on a number sort key", "p = :p AND begins_with(c, :v)", n("1")),
				Arguments.of("not equals", "p = :p AND c <> :v", n("1")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidKeyConditions")
	void invalidKeyConditionIsRejected(String why, String keyCondition, AttributeValue value) {
		// Every value given must be used, so :p only where the condition names it.
		Map<String, AttributeValue> values = keyCondition.contains(":p") ? Map.of(":p", s("q"), ":v", value)
				: Map.of(":v", value);
		assertValidation(() -> query(keyCondition, values), null);
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
	void descendingPagesChainedWithExclusiveStartKeyReturnEveryItemOnce() {
		List<Map<String, AttributeValue>> seen = new ArrayList<>();
		readAllPages((start) -> page(this.dynamo.query((query) -> query.tableName(this.numbers)
			.keyConditionExpression("p = :p")
			.expressionAttributeValues(Map.of(":p", s("q")))
			.scanIndexForward(false)
			.limit(4)
			.exclusiveStartKey(start))), seen);
		assertThat(sortKeys(seen)).containsExactly(10, 9, 8, 7, 6, 5, 4, 3, 2, 1);
	}

	@Test
	void scanPagesChainedWithExclusiveStartKeyReturnEveryItemOnce() {
		List<Map<String, AttributeValue>> seen = new ArrayList<>();
		readAllPages((start) -> page(
				this.dynamo.scan((scan) -> scan.tableName(this.numbers).limit(2).exclusiveStartKey(start))), seen);
		assertThat(seen.stream().map((found) -> found.get("p").s() + "/" + found.get("c").n())).hasSize(11)
			.doesNotHaveDuplicates();
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
		return sortKeys(response.items());
	}

	private static List<Integer> sortKeys(List<Map<String, AttributeValue>> items) {
		return items.stream().map((item) -> Integer.parseInt(item.get("c").n())).toList();
	}

	/**
	 * Reads page after page, each starting at the last page's LastEvaluatedKey, until a page has none (at most 100).
	 * @param request sends the request for a page starting at the given key ({@code null} for the first)
	 * @param items receives the items of every page
	 * @return how many pages were read
	 */
	private static int readAllPages(Function<Map<String, AttributeValue>, Page> request,
			List<Map<String, AttributeValue>> items) {
		Map<String, AttributeValue> start = null;
		int pages = 0;
		do {
			Page page = request.apply(start);
			items.addAll(page.items());
			start = page.lastEvaluatedKey();
			pages++;
		}
		while (start != null && pages < 100);
		return pages;
	}

	private static Page page(QueryResponse response) {
		return new Page(response.items(), response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null);
	}

	private static Page page(ScanResponse response) {
		return new Page(response.items(), response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null);
	}

	/** What paging needs of a Query or Scan answer. */
	private record Page(List<Map<String, AttributeValue>> items, Map<String, AttributeValue> lastEvaluatedKey) {
	}

	private static Condition condition(ComparisonOperator operator, AttributeValue... values) {
		return Condition.builder().comparisonOperator(operator).attributeValueList(values).build();
	}

}
