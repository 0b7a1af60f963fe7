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
 * UpdateExpression: every action, nested paths, list positions, and every error.
 */
class UpdateExpressionTests {

	private static final String VALUES = "{':one':{'N':'1'},':two':{'N':'2'},':s':{'S':'hi'},':l':{'L':[{'S':'x'}]},"
			+ "':ss':{'SS':['b','c']},':ns':{'NS':['5']},':a':{'S':'A'},':b':{'S':'B'},':c':{'S':'C'},':d':{'S':'D'}}";

	private static Map<String, AttributeValue> apply(String expression, Map<String, AttributeValue> item) {
		ExpressionAttributes attributes = attributes("{'#x':'x'}", VALUES);
		return Update.parse(expression, attributes).apply(item);
	}

	@Test
	void setWritesTopLevelAndNestedAttributesAndLeavesTheInputAlone() {
		Map<String, AttributeValue> before = item("{'p':{'S':'k'},'m':{'M':{'a':{'N':'1'},'c':{'M':{}}}}}");
		Map<String, AttributeValue> after = apply("SET x = :s, m.b = :two, m.c.d = :one", before);
		assertThat(after).isEqualTo(item("{'p':{'S':'k'},'m':{'M':{'a':{'N':'1'},'c':{'M':{'d':{'N':'1'}}},"
				+ "'b':{'N':'2'}}},'x':{'S':'hi'}}"));
		assertThat(before).isEqualTo(item("{'p':{'S':'k'},'m':{'M':{'a':{'N':'1'},'c':{'M':{}}}}}"));
	}

	@Test
	void operandsAreReadFromTheItemBeforeTheUpdate() {
		Map<String, AttributeValue> after = apply("SET a = b, b = a", item("{'a':{'N':'1'},'b':{'N':'2'}}"));
		assertThat(after).isEqualTo(item("{'a':{'N':'2'},'b':{'N':'1'}}"));
		assertThat(apply("REMOVE a SET b = a", item("{'a':{'S':'v'}}"))).isEqualTo(item("{'b':{'S':'v'}}"));
	}

	@Test
	void arithmeticIfNotExistsAndListAppendWork() {
		Map<String, AttributeValue> item = item("{'n':{'N':'5'},'l':{'L':[{'N':'1'}]}}");
		assertThat(apply("SET n = n + :two, m = :one - n", item))
			.containsEntry("n", AttributeValue.n(7))
			.containsEntry("m", AttributeValue.n(-4));
		assertThat(apply("SET n = if_not_exists(n, :one), o = if_not_exists(o, :one) + :two", item))
			.containsEntry("n", AttributeValue.n(5))
			.containsEntry("o", AttributeValue.n(3));
		assertThat(apply("SET l = list_append(l, :l), k = list_append(:l, l)", item))
			.containsEntry("l", AttributeValue.l(AttributeValue.n(1), AttributeValue.s("x")))
			.containsEntry("k", AttributeValue.l(AttributeValue.s("x"), AttributeValue.n(1)));
	}

	@Test
	void deepPathsMixingMapsAndListsAreSetAndRemoved() {
		Map<String, AttributeValue> item = item("{'a':{'M':{'b':{'N':'3'},'c':{'L':[{'S':'hi'},"
				+ "{'M':{'x':{'M':{'y':{'L':[{'N':'3'},{'N':'5'},{'N':'7'}]}}},'q':{'N':'2'}}}]}}}}");
		assertThat(apply("SET a.c[1].#x.y[1] = :two", item).get("a")).isEqualTo(Items.value("{'M':{'b':{'N':'3'},"
				+ "'c':{'L':[{'S':'hi'},{'M':{'x':{'M':{'y':{'L':[{'N':'3'},{'N':'2'},{'N':'7'}]}}},'q':{'N':'2'}}}]}}}"));
		assertThat(apply("REMOVE a.c[1].x.y[1], a.c[1].q", item).get("a")).isEqualTo(Items.value("{'M':{'b':{'N':'3'},"
				+ "'c':{'L':[{'S':'hi'},{'M':{'x':{'M':{'y':{'L':[{'N':'3'},{'N':'7'}]}}}}}]}}}"));
		assertThat(apply("SET z = a.c[1].x.y[2]", item).get("z")).isEqualTo(AttributeValue.n(7));
	}

	@Test
	void listIndexesPastTheEndAppendInIndexOrder() {
		Map<String, AttributeValue> item = item("{'l':{'L':[{'S':'0'}]}}");
		assertThat(apply("SET l[84] = :a, l[37] = :b, l[17] = :c, l[0] = :d", item).get("l"))
			.isEqualTo(AttributeValue.l(AttributeValue.s("D"), AttributeValue.s("C"), AttributeValue.s("B"),
					AttributeValue.s("A")));
	}

	@Test
	void removeShiftsElementsAndIndexesReferToTheOriginalList() {
		Map<String, AttributeValue> item = item("{'l':{'L':[{'N':'2'},{'N':'3'},{'N':'4'},{'N':'5'},{'N':'6'},{'N':'7'}]}}");
		assertThat(apply("REMOVE l[1] SET l[3] = :one", item).get("l")).isEqualTo(
				AttributeValue.l(AttributeValue.n(2), AttributeValue.n(4), AttributeValue.n(1), AttributeValue.n(6),
						AttributeValue.n(7)));
		assertThat(apply("REMOVE l[0], l[2], l[17]", item).get("l")).isEqualTo(
				AttributeValue.l(AttributeValue.n(3), AttributeValue.n(5), AttributeValue.n(6), AttributeValue.n(7)));
	}

	@Test
	void removeOfMissingLeavesIsNothingButOfAMissingParentIsAnError() {
		Map<String, AttributeValue> item = item("{'m':{'M':{'a':{'N':'1'}}},'l':{'L':[]},'s':{'S':'x'}}");
		assertThat(apply("REMOVE m.b, l[3], gone", item)).isEqualTo(item);
		assertThat(apply("REMOVE m.a", item).get("m")).isEqualTo(AttributeValue.m(Map.of()));
		assertInvalidUpdate("REMOVE s.a", item, "The document path provided in the update expression is invalid for update");
		assertInvalidUpdate("REMOVE gone.a", item, "The document path provided in the update expression is invalid for update");
		assertInvalidUpdate("SET s[0] = :one", item, "The document path provided in the update expression is invalid for update");
		assertInvalidUpdate("SET gone.a = :one", item, "The document path provided in the update expression is invalid for update");
		assertInvalidUpdate("SET m.gone.a = :one", item, "The document path provided in the update expression is invalid for update");
	}

	@Test
	void addCreatesAndAddsNumbersAndSets() {
		Map<String, AttributeValue> item = item("{'n':{'N':'5'},'ss':{'SS':['a','b']},'s':{'S':'x'}}");
		Map<String, AttributeValue> after = apply("ADD n :two, ss :ss, fresh :one, newset :ns", item);
		assertThat(after.get("n")).isEqualTo(AttributeValue.n(7));
		assertThat(after.get("ss")).isEqualTo(Items.value("{'SS':['a','b','c']}"));
		assertThat(after.get("fresh")).isEqualTo(AttributeValue.n(1));
		assertThat(after.get("newset")).isEqualTo(Items.value("{'NS':['5']}"));
		assertInvalidUpdate("ADD s :one", item, "An operand in the update expression has an incorrect data type");
		assertInvalidUpdate("ADD ss :ns", item, "An operand in the update expression has an incorrect data type");
	}

	@Test
	void deleteRemovesElementsAndTheAttributeWhenNoneIsLeft() {
		Map<String, AttributeValue> item = item("{'ss':{'SS':['a','b','c']},'s':{'S':'x'}}");
		assertThat(apply("DELETE ss :ss", item).get("ss")).isEqualTo(Items.value("{'SS':['a']}"));
		assertThat(apply("DELETE ss :ss", item("{'ss':{'SS':['b','c']}}"))).isEmpty();
		assertThat(apply("DELETE gone :ss", item)).isEqualTo(item);
		assertInvalidUpdate("DELETE s :ss", item, "An operand in the update expression has an incorrect data type");
	}

	@Test
	void operandsOfTheWrongTypeAreRejectedWhenParsedOrApplied() {
		assertInvalidParse("ADD n :s",
				"Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING");
		assertInvalidParse("ADD n :l",
				"Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: LIST");
		assertInvalidParse("DELETE n :one",
				"Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER");
		assertInvalidParse("SET n = :s + :one",
				"Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: +, operand type: S");
		assertInvalidParse("SET n = list_append(:l, :s)",
				"Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: S");
		Map<String, AttributeValue> item = item("{'s':{'S':'x'}}");
		assertInvalidUpdate("SET n = s + :one", item, "An operand in the update expression has an incorrect data type");
		assertInvalidUpdate("SET n = list_append(s, :l)", item, "An operand in the update expression has an incorrect data type");
		assertInvalidUpdate("SET n = gone + :one", item,
				"The provided expression refers to an attribute that does not exist in the item");
		assertInvalidUpdate("SET n = gone", item, "The provided expression refers to an attribute that does not exist in the item");
	}

	@Test
	void overlappingAndConflictingPathsAreRejected() {
		String overlap = "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; ";
		assertInvalidParse("SET a = :one REMOVE a", overlap + "path one: [a], path two: [a]");
		assertInvalidParse("SET a.b = :one, a = :two", overlap + "path one: [a, b], path two: [a]");
		assertInvalidParse("SET a[1][1] = :one, a[1] = :two", overlap + "path one: [a, [1], [1]], path two: [a, [1]]");
		assertInvalidParse("SET #x = :one, x = :two", overlap + "path one: [x], path two: [x]");
		assertInvalidParse("SET a.b = :one, a[1] = :two",
				"Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, [1]]");
		assertThat(Update.parse("SET a.b = :one, a.c = :two", attributes(null, VALUES)).paths()).hasSize(2);
	}

	@Test
	void grammarErrorsAreReported() {
		assertInvalidParse("SET a = :one SET b = :two",
				"Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;");
		assertInvalidParse("HELLO a = :one", "Invalid UpdateExpression: Syntax error; token: \"HELLO\", near: \"HELLO a\"");
		assertInvalidParse("SET a = :one + :two + :one", "Invalid UpdateExpression: Syntax error; token: \"+\", near: \":two + :one\"");
		assertInvalidParse("SET a = f(b)", "Invalid UpdateExpression: Invalid function name; function: f");
		assertInvalidParse("SET a = list_append(:l)",
				"Invalid UpdateExpression: Incorrect number of operands for operator or function; operator or function: list_append, number of operands: 1");
		assertInvalidParse("SET a = list_append(list_append(:l, :l), :l)",
				"Invalid UpdateExpression: The function is not allowed to be used this way in an expression; function: list_append");
		assertInvalidParse("SET a = if_not_exists(:one, :two)",
				"Invalid UpdateExpression: Operator or function requires a document path; operator or function: if_not_exists");
		assertInvalidParse("SET a = size(b)",
				"Invalid UpdateExpression: The function is not allowed to be used this way in an expression; function: size");
		assertInvalidParse("SET a[:one] = :two", "Invalid UpdateExpression: Syntax error; token: \":one\", near: \"[:one]\"");
		assertInvalidParse("SET :one = :two", "Invalid UpdateExpression: Syntax error; token: \":one\", near: \"SET :one =\"");
		assertInvalidParse("REMOVE a, ", "Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \", \"");
		assertInvalidParse("", "Invalid UpdateExpression: The expression can not be empty;");
		assertInvalidParse("SET year = :one",
				"Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: year");
	}

	@Test
	void clausesAreCaseInsensitiveAndReportTheirAttributes() {
		Update update = Update.parse("set a.b = :one remove c add d :one delete e :ss",
				attributes(null, "{':one':{'N':'1'},':ss':{'SS':['x']}}"));
		assertThat(update.attributeNames()).containsExactly("a", "c", "d", "e");
		assertThat(update.paths()).extracting(DocumentPath::toString).containsExactly("a.b", "c", "d", "e");
	}

	@Test
	void keyAttributesCannotBeUpdated() {
		Update update = Update.parse("SET a = :one REMOVE c", attributes(null, "{':one':{'N':'1'}}"));
		update.rejectKeyAttributes("p", "s");
		update.rejectKeyAttributes("p", null);
		assertThatThrownBy(() -> update.rejectKeyAttributes("p", "c"))
			.hasMessage("Cannot update attribute c. This attribute is part of the key");
	}

	@Test
	void changedPathsProjectTheUpdatedPartsWithTheirNesting() {
		Map<String, AttributeValue> item = item("{'p':{'S':'k'},'m':{'M':{'a':{'N':'1'},'b':{'N':'2'}}},'x':{'N':'3'}}");
		Update update = Update.parse("SET m.a = :two, y = :one", attributes(null, "{':one':{'N':'1'},':two':{'N':'2'}}"));
		assertThat(update.changedPaths().project(item)).isEqualTo(item("{'m':{'M':{'a':{'N':'1'}}}}"));
		assertThat(update.changedPaths().project(update.apply(item)))
			.isEqualTo(item("{'m':{'M':{'a':{'N':'2'}}},'y':{'N':'1'}}"));
	}

	private static void assertInvalidParse(String expression, String message) {
		assertThatThrownBy(() -> Update.parse(expression, attributes("{'#x':'x'}", VALUES))).as(expression)
			.isInstanceOf(ApiException.class)
			.hasMessage(message);
	}

	private static void assertInvalidUpdate(String expression, Map<String, AttributeValue> item, String message) {
		Update update = Update.parse(expression, attributes("{'#x':'x'}", VALUES));
		assertThatThrownBy(() -> update.apply(item)).as(expression)
			.isInstanceOfSatisfying(ApiException.class, (ex) -> assertThat(ex.type()).isEqualTo("ValidationException"))
			.hasMessage(message);
	}

}
