package dev.alternator.local.conformance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Condition and update expressions: document paths, name and value substitution, reserved words, every function,
 * arithmetic, the four update actions and the overlapping or conflicting path errors.
 */
class ExpressionsConformanceTests extends ConformanceSupport {

	private String table;

	@BeforeAll
	void createTable() {
		this.table = hashTable("expressions");
	}

	@Test
	void documentPathSetsAnAttributeInsideAMapInsideAList() {
		put("path", "a", map("b", list(n("0"), n("1"), n("2"), map("c", n("3")))));
		update("path", "SET a.b[3].c = :v", Map.of(":v", s("deep")));
		assertThat(get("path").get("a").m().get("b").l().get(3).m()).containsEntry("c", s("deep"));
	}

	@Test
	void settingAPathUnderAMissingParentIsRejected() {
		put("missing-parent", "a", map("x", n("1")));
		assertValidation(() -> update("missing-parent", "SET a.nothere.c = :v", Map.of(":v", n("1"))), "path");
	}

	@Test
	void settingAListIndexPastTheEndAppends() {
		put("append-index", "l", list(n("0"), n("1"), n("2")));
		update("append-index", "SET l[10] = :v", Map.of(":v", n("9")));
		assertThat(get("append-index").get("l")).isEqualTo(list(n("0"), n("1"), n("2"), n("9")));
	}

	@Test
	void removingAListElementShiftsTheFollowingOnes() {
		put("remove-index", "l", list(n("0"), n("1"), n("2")));
		update("remove-index", "REMOVE l[0]", null);
		assertThat(get("remove-index").get("l")).isEqualTo(list(n("1"), n("2")));
	}

	@Test
	void removingANestedMapAttributeKeepsItsSiblings() {
		put("remove-nested", "a", map("b", n("1"), "c", n("2")));
		update("remove-nested", "REMOVE a.b", null);
		assertThat(get("remove-nested").get("a")).isEqualTo(map("c", n("2")));
	}

	@Test
	void expressionAttributeNamesStandForReservedWordsAndDots() {
		this.dynamo.updateItem((update) -> update.tableName(this.table)
			.key(item("p", s("names")))
			.updateExpression("SET #name = :v, #dotted = :v")
			.expressionAttributeNames(Map.of("#name", "name", "#dotted", "with.dot"))
			.expressionAttributeValues(Map.of(":v", s("x"))));
		assertThat(get("names")).containsEntry("name", s("x")).containsEntry("with.dot", s("x"));
	}

	@Test
	void reservedWordUsedAsAnAttributeNameIsRejected() {
		assertValidation(() -> update("reserved", "SET name = :v", Map.of(":v", s("x"))), "reserved");
	}

	@Test
	void unusedExpressionAttributeValueIsRejected() {
		assertValidation(() -> update("unused-value", "SET a = :v", Map.of(":v", s("x"), ":extra", s("y"))),
				"unused");
	}

	@Test
	void unusedExpressionAttributeNameIsRejected() {
		assertValidation(() -> this.dynamo.updateItem((update) -> update.tableName(this.table)
			.key(item("p", s("unused-name")))
			.updateExpression("SET a = :v")
			.expressionAttributeNames(Map.of("#extra", "b"))
			.expressionAttributeValues(Map.of(":v", s("x")))), "unused");
	}

	@Test
	void undefinedExpressionAttributeValueIsRejected() {
		assertValidation(() -> update("undefined-value", "SET a = :nope", Map.of(":v", s("x"))), ":nope");
	}

	@Test
	void undefinedExpressionAttributeNameIsRejected() {
		assertValidation(() -> update("undefined-name", "SET #nope = :v", Map.of(":v", s("x"))), "#nope");
	}

	@Test
	void syntaxErrorInAnUpdateExpressionIsRejected() {
		assertValidation(() -> update("syntax", "SET a = = :v", Map.of(":v", s("x"))), "UpdateExpression");
	}

	@Test
	void attributeExistsAndAttributeNotExistsTestPresence() {
		put("exists", "a", s("x"));
		assertThat(holds("exists", "attribute_exists(a) AND attribute_not_exists(b)", null)).isTrue();
		assertThat(holds("exists", "attribute_exists(b)", null)).isFalse();
	}

	@Test
	void attributeTypeComparesTheTypeOfTheValue() {
		put("type", "a", n("1"));
		assertThat(holds("type", "attribute_type(a, :t)", Map.of(":t", s("N")))).isTrue();
		assertThat(holds("type", "attribute_type(a, :t)", Map.of(":t", s("S")))).isFalse();
	}

	@Test
	void beginsWithMatchesAStringPrefix() {
		put("begins", "a", s("prefix-rest"));
		assertThat(holds("begins", "begins_with(a, :v)", Map.of(":v", s("prefix")))).isTrue();
		assertThat(holds("begins", "begins_with(a, :v)", Map.of(":v", s("rest")))).isFalse();
	}

	@Test
	void containsFindsASubstringASetMemberAndAListElement() {
		this.dynamo.putItem((put) -> put.tableName(this.table)
			.item(item("p", s("contains"), "str", s("haystack"), "set", ss("a", "b"), "l", list(s("x"), n("1")))));
		assertThat(holds("contains", "contains(str, :s) AND contains(#set, :m) AND contains(l, :e)",
				Map.of(":s", s("yst"), ":m", s("b"), ":e", n("1")), Map.of("#set", "set"))).isTrue();
		assertThat(holds("contains", "contains(str, :s)", Map.of(":s", s("needle")))).isFalse();
	}

	@Test
	void sizeMeasuresStringsListsMapsAndSets() {
		this.dynamo.putItem((put) -> put.tableName(this.table)
			.item(item("p", s("size"), "str", s("four"), "l", list(n("1"), n("2")), "m", map("a", n("1")),
					"ns", ns("1", "2", "3"))));
		assertThat(holds("size", "size(str) = :four AND size(l) = :two AND size(m) = :one AND size(ns) = :three",
				Map.of(":four", n("4"), ":two", n("2"), ":one", n("1"), ":three", n("3")))).isTrue();
	}

	@Test
	void comparingValuesOfDifferentTypesIsFalseNotAnError() {
		put("mixed-types", "a", s("text"));
		assertThat(holds("mixed-types", "a < :v", Map.of(":v", n("1")))).isFalse();
	}

	@Test
	void betweenAndInAndNotAndParenthesesCombine() {
		put("logic", "a", n("5"));
		assertThat(holds("logic", "(a BETWEEN :lo AND :hi) AND NOT (a IN (:x, :y))",
				Map.of(":lo", n("1"), ":hi", n("9"), ":x", n("6"), ":y", n("7")))).isTrue();
	}

	@Test
	void ifNotExistsSetsOnlyAMissingAttribute() {
		put("if-not-exists", "a", n("1"));
		update("if-not-exists", "SET a = if_not_exists(a, :v), b = if_not_exists(b, :v)", Map.of(":v", n("9")));
		assertThat(get("if-not-exists")).containsEntry("a", n("1")).containsEntry("b", n("9"));
	}

	@Test
	void listAppendConcatenatesInTheGivenOrder() {
		put("list-append", "l", list(n("2")));
		update("list-append", "SET l = list_append(:front, l)", Map.of(":front", list(n("1"))));
		update("list-append", "SET l = list_append(l, :back)", Map.of(":back", list(n("3"))));
		assertThat(get("list-append").get("l")).isEqualTo(list(n("1"), n("2"), n("3")));
	}

	@Test
	void plusAndMinusComputeOnNumbers() {
		put("arithmetic", "a", n("10"));
		update("arithmetic", "SET b = a + :v, c = a - :v", Map.of(":v", n("2.5")));
		assertThat(get("arithmetic")).containsEntry("b", n("12.5")).containsEntry("c", n("7.5"));
	}

	@Test
	void arithmeticOnAStringIsRejected() {
		put("arithmetic-string", "a", s("text"));
		assertValidation(() -> update("arithmetic-string", "SET a = a + :v", Map.of(":v", n("1"))), "operand");
	}

	@Test
	void addIncrementsANumberAndCreatesAMissingOne() {
		put("add-number", "a", n("1"));
		update("add-number", "ADD a :v, b :v", Map.of(":v", n("5")));
		assertThat(get("add-number")).containsEntry("a", n("6")).containsEntry("b", n("5"));
	}

	@Test
	void addToASetAddsTheMissingMembers() {
		put("add-set", "set", ss("a", "b"));
		update("add-set", "ADD #s :v", Map.of(":v", ss("b", "c")), Map.of("#s", "set"));
		assertThat(get("add-set").get("set").ss()).containsExactlyInAnyOrder("a", "b", "c");
	}

	@Test
	void addToAStringIsRejected() {
		put("add-string", "a", s("text"));
		assertValidation(() -> update("add-string", "ADD a :v", Map.of(":v", n("1"))), "operand");
	}

	@Test
	void deleteRemovesSetMembersAndTheAttributeWhenTheSetEmpties() {
		put("delete-set", "set", ss("a", "b", "c"));
		update("delete-set", "DELETE #s :v", Map.of(":v", ss("b")), Map.of("#s", "set"));
		assertThat(get("delete-set").get("set").ss()).containsExactlyInAnyOrder("a", "c");
		update("delete-set", "DELETE #s :v", Map.of(":v", ss("a", "c")), Map.of("#s", "set"));
		assertThat(get("delete-set")).doesNotContainKey("set");
	}

	@Test
	void setAndRemoveOfTheSamePathOverlap() {
		assertValidation(() -> update("overlap", "SET a = :v REMOVE a", Map.of(":v", n("1"))), "overlap");
	}

	@Test
	void settingAPathAndItsParentOverlap() {
		assertValidation(() -> update("overlap-parent", "SET a.b = :v, a = :v", Map.of(":v", n("1"))), "overlap");
	}

	@Test
	void mapAndListAccessToTheSameParentConflict() {
		assertValidation(() -> update("conflict", "SET a.b = :v, a[1] = :v", Map.of(":v", n("1"))), "conflict");
	}

	@Test
	void aFunctionNotAllowedInAnUpdateIsRejected() {
		put("size-in-update", "a", s("text"));
		assertValidation(() -> update("size-in-update", "SET b = size(a)", null), "size");
	}

	@Test
	void additionKeepsThirtyEightDigitsOfPrecision() {
		update("precision", "SET b = :one + :big, c = :big - :one",
				Map.of(":one", n("1"), ":big", n("10000000000000000000000")));
		assertThat(get("precision")).containsEntry("b", n("10000000000000000000001"))
			.containsEntry("c", n("9999999999999999999999"));
	}

	@Test
	void additionThatOverflowsIsRejected() {
		assertValidation(() -> update("plus-overflow", "SET b = :a + :a", Map.of(":a", n("9e125"))), "overflow");
	}

	@Test
	void listAppendOfANonListIsRejected() {
		put("append-non-list", "l", list(n("1")));
		assertValidation(() -> update("append-non-list", "SET l = list_append(l, :v)", Map.of(":v", s("x"))), null);
	}

	@Test
	void deleteWithAnOperandThatIsNotASetIsRejected() {
		put("delete-non-set", "set", ss("a"));
		assertValidation(
				() -> update("delete-non-set", "DELETE #s :v", Map.of(":v", s("a")), Map.of("#s", "set")), null);
	}

	@Test
	void addOfASetOfAnotherTypeIsRejected() {
		put("add-other-set", "set", ss("a"));
		assertValidation(() -> update("add-other-set", "ADD #s :v", Map.of(":v", ns("1")), Map.of("#s", "set")),
				null);
	}

	@Test
	void emptySetAsAnExpressionValueIsRejected() {
		assertValidation(() -> update("empty-set-value", "SET a = :v", Map.of(":v", AttributeValue.fromSs(List.of()))),
				"empty");
	}

	@Test
	void syntaxErrorInAConditionExpressionIsRejected() {
		assertValidation(() -> this.dynamo.putItem((put) -> put.tableName(this.table)
			.item(item("p", s("bad-condition")))
			.conditionExpression("attribute_exists(")), "ConditionExpression");
	}

	@Test
	void conditionOnANestedPathIsEvaluated() {
		put("nested-condition", "a", map("b", list(n("1"), map("c", s("deep")))));
		assertThat(holds("nested-condition", "a.b[1].c = :v", Map.of(":v", s("deep")))).isTrue();
		assertThat(holds("nested-condition", "a.b[5].c = :v", Map.of(":v", s("deep")))).isFalse();
	}

	@Test
	void notEqualsIsTrueForAMissingAttribute() {
		put("not-equals", "a", n("1"));
		assertThat(holds("not-equals", "zzz <> :v", Map.of(":v", n("1")))).isTrue();
		assertThat(holds("not-equals", "a <> :v", Map.of(":v", n("1")))).isFalse();
	}

	@Test
	void projectionExpressionWithAnUnescapedReservedWordIsRejected() {
		assertValidation(() -> this.dynamo.getItem((get) -> get.tableName(this.table)
			.key(item("p", s("reserved-projection")))
			.projectionExpression("name")), "reserved");
	}

	@Test
	void projectionExpressionAcceptsAttributeNames() {
		put("projection-names", "name", s("value"));
		assertThat(this.dynamo.getItem((get) -> get.tableName(this.table)
			.key(item("p", s("projection-names")))
			.projectionExpression("#n")
			.expressionAttributeNames(Map.of("#n", "name"))).item()).isEqualTo(item("name", s("value")));
	}

	private void put(String key, String attribute, AttributeValue value) {
		this.dynamo.putItem((put) -> put.tableName(this.table).item(item("p", s(key), attribute, value)));
	}

	private Map<String, AttributeValue> get(String key) {
		return this.dynamo.getItem((get) -> get.tableName(this.table).key(item("p", s(key))).consistentRead(true))
			.item();
	}

	private void update(String key, String expression, Map<String, AttributeValue> values) {
		update(key, expression, values, null);
	}

	private void update(String key, String expression, Map<String, AttributeValue> values, Map<String, String> names) {
		this.dynamo.updateItem((update) -> update.tableName(this.table)
			.key(item("p", s(key)))
			.updateExpression(expression)
			.expressionAttributeValues(values)
			.expressionAttributeNames(names));
	}

	/** Whether a condition holds on the stored item: a conditional no-op update either passes or fails. */
	private boolean holds(String key, String condition, Map<String, AttributeValue> values) {
		return holds(key, condition, values, null);
	}

	private boolean holds(String key, String condition, Map<String, AttributeValue> values,
			Map<String, String> names) {
		try {
			this.dynamo.updateItem((update) -> update.tableName(this.table)
				.key(item("p", s(key)))
				.updateExpression("SET checked = :checkedMarker")
				.conditionExpression(condition)
				.expressionAttributeValues(withMarker(values))
				.expressionAttributeNames(names));
			return true;
		}
		catch (ConditionalCheckFailedException ex) {
			return false;
		}
	}

	private static Map<String, AttributeValue> withMarker(Map<String, AttributeValue> values) {
		Map<String, AttributeValue> all = new HashMap<>();
		if (values != null) {
			all.putAll(values);
		}
		all.put(":checkedMarker", bool(true));
		return all;
	}

}
