package dev.alternator.local.engine.expression;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.alternator.local.engine.ApiException;
import dev.alternator.local.engine.value.AttributeValue;

import static dev.alternator.local.engine.expression.Items.attributes;
import static dev.alternator.local.engine.expression.Items.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ConditionExpression and FilterExpression: parsing, evaluation and every error.
 */
class ConditionExpressionTests {

	private static final Map<String, AttributeValue> ITEM = item("{'p':{'S':'k'},'n':{'N':'5'},'s':{'S':'hello'},"
			+ "'b':{'B':'AAEC'},'t':{'BOOL':true},'z':{'NULL':true},'ss':{'SS':['x','y']},'ns':{'NS':['1','2']},"
			+ "'l':{'L':[{'S':'a'},{'N':'7'}]},'m':{'M':{'k':{'N':'3'},'kids':{'L':[{'S':'deep'}]}}}}");

	private static final String VALUES = "{':five':{'N':'5.0'},':four':{'N':'4'},':six':{'N':'6'},':str':{'S':'hello'},"
			+ "':he':{'S':'he'},':x':{'S':'x'},':one':{'N':'1'},':seven':{'N':'7'},':a':{'S':'a'},':ss':{'SS':['y','x']},"
			+ "':typeS':{'S':'S'},':typeNS':{'S':'NS'},':bin':{'B':'AAE='},':l':{'L':[{'S':'a'},{'N':'7'}]}}";

	private static boolean test(String expression) {
		return Condition.parse(expression, attributes("{'#n':'n','#m':'m'}", VALUES)).test(ITEM);
	}

	@Test
	void comparisonsFollowNumericAndStringOrder() {
		assertThat(test("n = :five")).isTrue();
		assertThat(test("n <> :five")).isFalse();
		assertThat(test("n > :four AND n >= :five AND n < :six AND n <= :five")).isTrue();
		assertThat(test(":four < n")).isTrue();
		assertThat(test("s > :he")).isTrue();
		assertThat(test("s = :str AND ss = :ss AND l = :l")).isTrue();
	}

	@Test
	void comparingDifferentTypesOrMissingAttributesIsFalseButNotEqualIsTrue() {
		assertThat(test("s < :five")).isFalse();
		assertThat(test("s = :five")).isFalse();
		assertThat(test("s <> :five")).isTrue();
		assertThat(test("gone = :five")).isFalse();
		assertThat(test("gone < :five")).isFalse();
		assertThat(test("gone <> :five")).isTrue();
		assertThat(test("ss < :ss")).isFalse();
	}

	@Test
	void betweenAndInWork() {
		assertThat(test("n BETWEEN :four AND :six")).isTrue();
		assertThat(test("n between :five and :five")).isTrue();
		assertThat(test("n BETWEEN :six AND :seven")).isFalse();
		assertThat(test("n IN (:one, :five)")).isTrue();
		assertThat(test("n IN (:one, :four)")).isFalse();
		assertThat(test("gone IN (:one)")).isFalse();
	}

	@Test
	void logicalOperatorsHaveDynamoDbPrecedence() {
		// NOT binds tighter than AND, AND tighter than OR.
		assertThat(test("n = :one OR n = :five AND s = :str")).isTrue();
		assertThat(test("(n = :one OR n = :five) AND NOT s = :str")).isFalse();
		assertThat(test("NOT n = :one")).isTrue();
		assertThat(test("NOT NOT n = :one")).isFalse();
		assertThat(test("n = :one or n = :five")).isTrue();
	}

	@Test
	void functionsWork() {
		assertThat(test("attribute_exists(m.k) AND attribute_not_exists(m.nope)")).isTrue();
		assertThat(test("attribute_exists(#m.kids[0]) AND attribute_not_exists(#m.kids[1])")).isTrue();
		assertThat(test("attribute_type(ns, :typeNS) AND NOT attribute_type(ns, :typeS)")).isTrue();
		assertThat(test("attribute_type(:str, :typeS) AND NOT attribute_type(gone, :typeS)")).isTrue();
		assertThat(test("begins_with(s, :he) AND begins_with(b, :bin) AND NOT begins_with(n, :he)")).isTrue();
		assertThat(test("contains(s, :he) AND contains(ss, :x) AND contains(l, :a) AND contains(l, :seven)"))
			.isTrue();
		assertThat(test("contains(ss, :he)")).isFalse();
		assertThat(test("size(s) = :five AND size(ss) < :four AND size(l) = size(ss) AND size(m) > :one"))
			.isTrue();
		assertThat(test("size(n) = :one")).isFalse();
	}

	@Test
	void nestedPathsAndNameReferencesResolve() {
		assertThat(test("#m.k = :one")).isFalse();
		assertThat(test("m.kids[0] = m.kids[0] AND l[1] = :seven AND #n = :five")).isTrue();
		assertThat(test("l[5] = :seven")).isFalse();
		assertThat(test("s[0] = :seven")).isFalse();
	}

	@Test
	void anEmptyItemSatisfiesOnlyNegativeConditions() {
		Condition condition = Condition.parse("attribute_not_exists(p)", ExpressionAttributes.none());
		assertThat(condition.test(Map.of())).isTrue();
		assertThat(condition.test(ITEM)).isFalse();
	}

	@Test
	void syntaxErrorsNameTheToken() {
		assertInvalid("n = ", "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"= \"");
		assertInvalid("n != :five", "Invalid ConditionExpression: Syntax error; token: \"!\", near: \"n !=\"");
		assertInvalid("n = :five extra", "Invalid ConditionExpression: Syntax error; token: \"extra\", near: \":five extra\"");
		assertInvalid("(n = :five", "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \":five\"");
		assertInvalid("_n = :five", "Invalid ConditionExpression: Syntax error; token: \"_\", near: \"_n\"");
		assertInvalid("n", "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"n\"");
		assertInvalid("   ", "Invalid ConditionExpression: The expression can not be empty;");
	}

	@Test
	void reservedWordsMustBeEscaped() {
		assertInvalid("name = :five", "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: name");
		assertInvalid("m.Size = :five", "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: Size");
	}

	@Test
	void undefinedReferencesAreRejectedWhileParsing() {
		assertInvalid("#nope = :five",
				"Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #nope");
		assertInvalid("n = :nope",
				"Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :nope");
	}

	@Test
	void unusedReferencesAreRejectedAfterAllExpressions() {
		ExpressionAttributes attributes = attributes("{'#a':'a','#b':'b'}", "{':v':{'N':'1'},':w':{'N':'2'}}");
		Condition.parse("#a = :v", attributes);
		assertThatThrownBy(attributes::checkAllUsed).hasMessage(
				"Value provided in ExpressionAttributeNames unused in expressions: keys: {#b}");
		Condition.parseFilter("#b = :v", attributes);
		assertThatThrownBy(attributes::checkAllUsed).hasMessage(
				"Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}");
		Condition.parse("#b = :w", attributes);
		attributes.checkAllUsed();
	}

	@Test
	void attributesAreReadFromTheRequestJson() {
		ExpressionAttributes attributes = ExpressionAttributes.fromJson(Items.json("{'#a':'a'}"),
				Items.json("{':v':{'N':'1.0'}}"));
		assertThat(Condition.parse("#a = :v", attributes).test(item("{'a':{'N':'1'}}"))).isTrue();
		attributes.checkAllUsed();
		assertThat(ExpressionAttributes.fromJson(null, null)).isSameAs(ExpressionAttributes.none());
		assertThatThrownBy(() -> ExpressionAttributes.fromJson(Items.json("{'#a':1}"), null))
			.isInstanceOfSatisfying(ApiException.class, (ex) -> assertThat(ex.type()).isEqualTo("SerializationException"));
	}

	@Test
	void badAttributeMapsAreRejected() {
		assertThatThrownBy(() -> attributes("{}", null)).hasMessage("ExpressionAttributeNames must not be empty");
		assertThatThrownBy(() -> attributes(null, "{'v':{'N':'1'}}"))
			.hasMessage("ExpressionAttributeValues contains invalid key: Syntax error; key: \"v\"");
	}

	@Test
	void functionsAreCheckedByName() {
		assertInvalid("nope(n)", "Invalid ConditionExpression: Invalid function name; function: nope");
		assertInvalid("ATTRIBUTE_EXISTS(n)", "Invalid ConditionExpression: Invalid function name; function: ATTRIBUTE_EXISTS");
		assertInvalid("size(n)",
				"Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: size");
		assertInvalid("attribute_exists(n) = :one",
				"Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: attribute_exists");
		assertInvalid("if_not_exists(n, :one) = :one",
				"Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: if_not_exists");
		assertInvalid("attribute_exists(n, s)",
				"Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2");
		assertInvalid("attribute_exists(:one)",
				"Invalid ConditionExpression: Operator or function requires a document path; operator or function: attribute_exists");
		assertInvalid("attribute_type(n, :one)",
				"Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: attribute_type, operand type: N");
		assertInvalid("attribute_type(n, s)",
				"Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: attribute_type, operand type: a document path");
		assertInvalid("attribute_type(n, :str)",
				"Invalid ConditionExpression: Invalid attribute type name found; type: hello, valid types: { B; NULL; SS; BOOL; L; BS; N; NS; S; M }");
		assertInvalid("begins_with(s, :one)",
				"Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
	}

	@Test
	void betweenBoundsMustBeOrdered() {
		assertInvalid("n BETWEEN :six AND :four",
				"Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:6}, upper bound operand: AttributeValue: {N:4}");
	}

	@Test
	void filterErrorsNameTheFilterExpression() {
		assertThatThrownBy(() -> Condition.parseFilter("n =", attributes(null, VALUES)))
			.hasMessageStartingWith("Invalid FilterExpression: Syntax error");
	}

	@Test
	void tooLongExpressionsAreRejected() {
		String expression = "n = :one" + " OR n = :one".repeat(400);
		assertInvalid(expression, "Invalid ConditionExpression: Expression size has exceeded the maximum allowed size; expression size: "
				+ expression.length());
	}

	private static void assertInvalid(String expression, String message) {
		assertThatThrownBy(() -> Condition.parse(expression, attributes("{'#n':'n','#m':'m'}", VALUES)))
			.as(expression)
			.isInstanceOfSatisfying(ApiException.class, (ex) -> assertThat(ex.type()).isEqualTo("ValidationException"))
			.hasMessage(message);
	}

}
