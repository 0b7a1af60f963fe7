package dev.alternator.local.engine.expression;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.alternator.local.engine.value.AttributeType;
import dev.alternator.local.engine.value.AttributeValue;

import static dev.alternator.local.engine.expression.Items.item;
import static dev.alternator.local.engine.expression.Items.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The legacy parameters, converted into conditions, updates, projections and key conditions.
 */
class LegacyConditionsTests {

	private static final Map<String, AttributeValue> ITEM = item("{'p':{'S':'k'},'n':{'N':'5'},'s':{'S':'hello'},"
			+ "'ss':{'SS':['x','y']},'l':{'L':[{'S':'a'}]}}");

	private static boolean expected(String expected, String operator) {
		return LegacyConditions.expected(json(expected), operator).test(ITEM);
	}

	private static boolean filter(String attribute, String operator, String values) {
		return LegacyConditions
			.filter(json("{'" + attribute + "':{'ComparisonOperator':'" + operator + "','AttributeValueList':" + values + "}}"),
					null)
			.test(ITEM);
	}

	@Test
	void valueAndExistsMeanEqualityAndAbsence() {
		assertThat(expected("{'n':{'Value':{'N':'5'}}}", null)).isTrue();
		assertThat(expected("{'n':{'Value':{'N':'5'},'Exists':true}}", null)).isTrue();
		assertThat(expected("{'gone':{'Exists':false}}", null)).isTrue();
		assertThat(expected("{'n':{'Exists':false}}", null)).isFalse();
		assertThat(expected("{}", null)).isTrue();
	}

	@Test
	void conditionalOperatorCombinesConditions() {
		String both = "{'n':{'Value':{'N':'4'}},'s':{'Value':{'S':'hello'}}}";
		assertThat(expected(both, null)).isFalse();
		assertThat(expected(both, "AND")).isFalse();
		assertThat(expected(both, "OR")).isTrue();
		assertThatThrownBy(() -> expected(both, "XOR")).hasMessageContaining("conditionalOperator");
	}

	@Test
	void everyComparisonOperatorWorks() {
		assertThat(filter("n", "EQ", "[{'N':'5'}]")).isTrue();
		assertThat(filter("n", "NE", "[{'N':'5'}]")).isFalse();
		assertThat(filter("gone", "NE", "[{'N':'5'}]")).isTrue();
		assertThat(filter("n", "LE", "[{'N':'5'}]")).isTrue();
		assertThat(filter("n", "LT", "[{'N':'5'}]")).isFalse();
		assertThat(filter("n", "GE", "[{'N':'5'}]")).isTrue();
		assertThat(filter("n", "GT", "[{'N':'4'}]")).isTrue();
		assertThat(filter("s", "GT", "[{'N':'4'}]")).isFalse();
		assertThat(filter("n", "NOT_NULL", "[]")).isTrue();
		assertThat(filter("gone", "NULL", "[]")).isTrue();
		assertThat(filter("s", "CONTAINS", "[{'S':'ell'}]")).isTrue();
		assertThat(filter("ss", "CONTAINS", "[{'S':'y'}]")).isTrue();
		assertThat(filter("l", "CONTAINS", "[{'S':'a'}]")).isTrue();
		assertThat(filter("ss", "NOT_CONTAINS", "[{'S':'z'}]")).isTrue();
		assertThat(filter("gone", "NOT_CONTAINS", "[{'S':'z'}]")).isFalse();
		assertThat(filter("s", "BEGINS_WITH", "[{'S':'he'}]")).isTrue();
		assertThat(filter("n", "IN", "[{'N':'1'},{'N':'5'}]")).isTrue();
		assertThat(filter("n", "BETWEEN", "[{'N':'1'},{'N':'5'}]")).isTrue();
		assertThat(filter("n", "BETWEEN", "[{'N':'6'},{'N':'9'}]")).isFalse();
	}

	@Test
	void operatorsCheckTheirOperands() {
		assertThatThrownBy(() -> filter("n", "EQ", "[]")).hasMessage(
				"One or more parameter values were invalid: Invalid number of argument(s) for the EQ ComparisonOperator");
		assertThatThrownBy(() -> filter("n", "BETWEEN", "[{'N':'1'}]")).hasMessage(
				"One or more parameter values were invalid: Invalid number of argument(s) for the BETWEEN ComparisonOperator");
		assertThatThrownBy(() -> filter("n", "LT", "[{'SS':['a']}]")).hasMessage(
				"One or more parameter values were invalid: ComparisonOperator LT is not valid for SS AttributeValue type");
		assertThatThrownBy(() -> filter("n", "BEGINS_WITH", "[{'N':'1'}]")).hasMessage(
				"One or more parameter values were invalid: ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type");
		assertThatThrownBy(() -> filter("n", "BETWEEN", "[{'N':'1'},{'S':'x'}]")).hasMessage(
				"One or more parameter values were invalid: AttributeValues inside AttributeValueList must be of same type");
		assertThatThrownBy(() -> filter("n", "BETWEEN", "[{'N':'9'},{'N':'1'}]"))
			.hasMessageContaining("The BETWEEN operator requires upper bound");
		assertThatThrownBy(() -> filter("n", "LIKE", "[{'N':'1'}]")).hasMessageContaining("Member must satisfy enum value set");
	}

	@Test
	void badExpectedCombinationsAreRejected() {
		assertThatThrownBy(() -> expected("{'n':{}}", null)).hasMessage(
				"One or more parameter values were invalid: Value must be provided when Exists is true for Attribute: n");
		assertThatThrownBy(() -> expected("{'n':{'Exists':false,'Value':{'N':'1'}}}", null)).hasMessage(
				"One or more parameter values were invalid: Value cannot be used when Exists is false for Attribute: n");
		assertThatThrownBy(
				() -> expected("{'n':{'ComparisonOperator':'EQ','Value':{'N':'1'},'AttributeValueList':[{'N':'1'}]}}", null))
			.hasMessage("One or more parameter values were invalid: Value and AttributeValueList cannot be used together for Attribute: n");
		assertThat(expected("{'n':{'ComparisonOperator':'GT','Value':{'N':'1'}}}", null)).isTrue();
	}

	@Test
	void keyConditionsResolveLikeKeyConditionExpressions() {
		KeyQuery query = LegacyConditions
			.keyConditions(json("{'p':{'ComparisonOperator':'EQ','AttributeValueList':[{'S':'k'}]},"
					+ "'c':{'ComparisonOperator':'BEGINS_WITH','AttributeValueList':[{'S':'a'}]}}"))
			.resolve("p", AttributeType.S, "c", AttributeType.S);
		assertThat(query.hashValue()).isEqualTo(AttributeValue.s("k"));
		assertThat(query.range().operator()).isEqualTo(RangeCondition.Operator.BEGINS_WITH);
		assertThatThrownBy(() -> LegacyConditions
			.keyConditions(json("{'p':{'ComparisonOperator':'NE','AttributeValueList':[{'S':'k'}]}}")))
			.hasMessage("Attempted conditional constraint is not an indexable operation");
	}

	@Test
	void attributeUpdatesPutDeleteAndAdd() {
		Update update = LegacyConditions.attributeUpdates(json("{'s':{'Value':{'S':'new'}},'p':{'Action':'DELETE'},"
				+ "'ss':{'Action':'DELETE','Value':{'SS':['x']}},'n':{'Action':'ADD','Value':{'N':'2'}},"
				+ "'l':{'Action':'ADD','Value':{'L':[{'S':'b'}]}}}"));
		assertThat(update.attributeNames()).containsExactly("s", "p", "ss", "n", "l");
		assertThat(update.apply(ITEM)).isEqualTo(item("{'n':{'N':'7'},'s':{'S':'new'},'ss':{'SS':['y']},"
				+ "'l':{'L':[{'S':'a'},{'S':'b'}]}}"));
		Update mismatch = LegacyConditions.attributeUpdates(json("{'s':{'Action':'ADD','Value':{'N':'2'}}}"));
		assertThatThrownBy(() -> mismatch.apply(ITEM)).hasMessage("Type mismatch for attribute to update");
		assertThatThrownBy(() -> LegacyConditions.attributeUpdates(json("{'s':{'Action':'ADD','Value':{'S':'x'}}}")))
			.hasMessage("One or more parameter values were invalid: ADD action is not supported for the type S");
		assertThatThrownBy(() -> LegacyConditions.attributeUpdates(json("{'s':{'Action':'PUT'}}")))
			.hasMessage("One or more parameter values were invalid: Only DELETE action is allowed when no attribute value is specified");
	}

	@Test
	void legacyAndExpressionParametersCannotBeMixed() {
		LegacyConditions.rejectMixed(java.util.List.of("Expected"), java.util.List.of());
		LegacyConditions.rejectMixed(java.util.List.of(), java.util.List.of("ConditionExpression"));
		assertThatThrownBy(() -> LegacyConditions.rejectMixed(java.util.List.of("AttributesToGet"),
				java.util.List.of("ProjectionExpression")))
			.hasMessage("Can not use both expression and non-expression parameters in the same request: "
					+ "Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}");
	}

	@Test
	void attributesToGetIsATopLevelProjection() {
		assertThat(LegacyConditions.attributesToGet(json("['n','gone','s']")).project(ITEM))
			.isEqualTo(item("{'n':{'N':'5'},'s':{'S':'hello'}}"));
		assertThatThrownBy(() -> LegacyConditions.attributesToGet(json("['n','n']")))
			.hasMessage("One or more parameter values were invalid: Duplicate value in attribute name: n");
	}

}
