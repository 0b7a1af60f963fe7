package dev.alternator.local.engine.expression;

import org.junit.jupiter.api.Test;

import dev.alternator.local.engine.value.AttributeType;
import dev.alternator.local.engine.value.AttributeValue;

import static dev.alternator.local.engine.expression.Items.attributes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * KeyConditionExpression: analysis against a key schema and its errors.
 */
class KeyConditionTests {

	private static final String VALUES = "{':p':{'S':'k'},':c':{'N':'3'},':d':{'N':'7'},':s':{'S':'x'}}";

	private static KeyQuery resolve(String expression) {
		return KeyCondition.parse(expression, attributes("{'#p':'p'}", VALUES))
			.resolve("p", AttributeType.S, "c", AttributeType.N);
	}

	@Test
	void theHashValueAndTheRangeConditionAreExtracted() {
		KeyQuery query = resolve("#p = :p AND c BETWEEN :c AND :d");
		assertThat(query.hashValue()).isEqualTo(AttributeValue.s("k"));
		assertThat(query.range()).isEqualTo(new RangeCondition(RangeCondition.Operator.BETWEEN,
				AttributeValue.n(3), AttributeValue.n(7)));
		assertThat(query.range().test(AttributeValue.n(7))).isTrue();
		assertThat(query.range().test(AttributeValue.n(8))).isFalse();
		assertThat(resolve("p = :p").range()).isNull();
		assertThat(resolve("((c > :c) AND (:p = p))").range().operator()).isEqualTo(RangeCondition.Operator.GT);
		// ":c < c" is "c > :c".
		assertThat(resolve(":c < c and p = :p").range().operator()).isEqualTo(RangeCondition.Operator.GT);
	}

	@Test
	void beginsWithWorksOnStringSortKeys() {
		KeyQuery query = KeyCondition.parse("p = :p AND begins_with(c, :s)", attributes(null, VALUES))
			.resolve("p", AttributeType.S, "c", AttributeType.S);
		assertThat(query.range().test(AttributeValue.s("xyz"))).isTrue();
		assertThat(query.range().test(AttributeValue.s("y"))).isFalse();
		assertThatThrownBy(() -> resolve("p = :p AND begins_with(c, :c)")).hasMessage(
				"Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
	}

	@Test
	void schemaErrorsNameTheKey() {
		assertThatThrownBy(() -> resolve("c = :c")).hasMessage("Query condition missed key schema element: p");
		assertThatThrownBy(() -> resolve("p = :p AND a < :c")).hasMessage("Query condition missed key schema element: c");
		assertThatThrownBy(() -> resolve("p < :p")).hasMessage("Query key condition not supported");
		assertThatThrownBy(() -> resolve("p = :c")).hasMessage(
				"One or more parameter values were invalid: Condition parameter type does not match schema type");
		assertThatThrownBy(() -> resolve("p = :p AND c = :s")).hasMessage(
				"One or more parameter values were invalid: Condition parameter type does not match schema type");
		assertThatThrownBy(() -> resolve("p = :p AND c BETWEEN :d AND :c"))
			.hasMessageStartingWith("Invalid KeyConditionExpression: The BETWEEN operator requires upper bound");
	}

	@Test
	void onlySimpleConditionsJoinedByAndAreAllowed() {
		assertThatThrownBy(() -> resolve("p = :p AND p = :p"))
			.hasMessage("Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key");
		assertThatThrownBy(() -> resolve("p = :p AND c > :c AND a < :c"))
			.hasMessage("Invalid KeyConditionExpression: Conditions can be of length 1 or 2 only");
		assertThatThrownBy(() -> resolve("c = :c OR p = :p")).hasMessage("Invalid operator used in KeyConditionExpression: OR");
		assertThatThrownBy(() -> resolve("NOT c = :c AND p = :p"))
			.hasMessage("Invalid operator used in KeyConditionExpression: NOT");
		assertThatThrownBy(() -> resolve("p = :p AND c <> :c"))
			.hasMessage("Invalid operator used in KeyConditionExpression: <>");
		assertThatThrownBy(() -> resolve("p = :p AND c IN (:c)"))
			.hasMessage("Invalid operator used in KeyConditionExpression: IN");
		assertThatThrownBy(() -> resolve("p = :p AND attribute_exists(c)"))
			.hasMessage("Invalid operator used in KeyConditionExpression: attribute_exists");
		assertThatThrownBy(() -> resolve("p = :p AND dog(c, :c)"))
			.hasMessage("Invalid KeyConditionExpression: Invalid function name; function: dog");
		assertThatThrownBy(() -> resolve("p = :p AND a.b < :c")).hasMessageContaining("nested");
		assertThatThrownBy(() -> resolve("p = c")).hasMessageContaining("must compare a key attribute with a value");
		assertThatThrownBy(() -> resolve(":p = :c")).hasMessageContaining("must compare a key attribute with a value");
		assertThatThrownBy(() -> resolve("")).hasMessage("Invalid KeyConditionExpression: The expression can not be empty;");
	}

}
