package dev.alternator.local.engine.expression;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.alternator.local.engine.value.AttributeValue;

import static dev.alternator.local.engine.expression.Items.attributes;
import static dev.alternator.local.engine.expression.Items.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ProjectionExpression: top-level and nested paths keep their structure.
 */
class ProjectionTests {

	private static final Map<String, AttributeValue> ITEM = item("{'p':{'S':'k'},'a':{'N':'1'},'b':{'N':'2'},"
			+ "'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'},'w':{'S':'other'}}}}},"
			+ "'l':{'L':[{'S':'l0'},{'M':{'q':{'N':'9'},'r':{'N':'8'}}},{'S':'l2'},{'S':'l3'}]}}");

	private static Map<String, AttributeValue> project(String expression) {
		return Projection.parse(expression, attributes("{'#y':'y'}", null)).project(ITEM);
	}

	@Test
	void topLevelAttributesAreCopiedAndMissingOnesLeftOut() {
		assertThat(project("a, p, gone")).isEqualTo(item("{'a':{'N':'1'},'p':{'S':'k'}}"));
	}

	@Test
	void nestedPathsKeepTheirStructure() {
		assertThat(project("m.#y.z, a")).isEqualTo(item("{'m':{'M':{'y':{'M':{'z':{'S':'deep'}}}}},'a':{'N':'1'}}"));
		assertThat(project("l[3], l[1].q, l[0]"))
			.isEqualTo(item("{'l':{'L':[{'S':'l0'},{'M':{'q':{'N':'9'}}},{'S':'l3'}]}}"));
		assertThat(project("m.gone, l[9], a.b")).isEmpty();
	}

	@Test
	void overlappingPathsAndReservedWordsAreRejected() {
		assertThatThrownBy(() -> project("m, m.x")).hasMessage(
				"Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [m], path two: [m, x]");
		assertThatThrownBy(() -> project("l[0], l.x")).hasMessage(
				"Invalid ProjectionExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [l, [0]], path two: [l, x]");
		assertThatThrownBy(() -> project("a, status"))
			.hasMessage("Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: status");
		assertThatThrownBy(() -> project("a,")).hasMessageStartingWith("Invalid ProjectionExpression: Syntax error");
	}

	@Test
	void attributeNamesAreTheTopLevelOnes() {
		assertThat(Projection.parse("m.x, a, m.#y", attributes("{'#y':'y'}", null)).attributeNames())
			.containsExactly("m", "a");
	}

}
