package dev.alternator.local.engine.value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Equality, immutability, sets, key order and item size.
 */
class ValueModelTests {

	@Test
	void binaryValuesAreCopiedAndCompareByContent() {
		byte[] bytes = { 1, 2, 3 };
		BinaryValue value = AttributeValue.b(bytes);
		bytes[0] = 9;
		assertThat(value.bytes()).containsExactly(1, 2, 3);
		value.bytes()[1] = 9;
		assertThat(value).isEqualTo(AttributeValue.b(new byte[] { 1, 2, 3 }))
			.hasSameHashCodeAs(AttributeValue.b(new byte[] { 1, 2, 3 }));
	}

	@Test
	void documentsCannotBeChangedThroughTheirSource() {
		Map<String, AttributeValue> entries = new LinkedHashMap<>();
		entries.put("a", AttributeValue.n(1));
		MapValue map = AttributeValue.m(entries);
		entries.put("b", AttributeValue.n(2));
		assertThat(map.value()).containsOnlyKeys("a");
		assertThatThrownBy(() -> map.value().put("c", AttributeValue.nul()))
			.isInstanceOf(UnsupportedOperationException.class);
		List<AttributeValue> elements = new ArrayList<>(List.of(AttributeValue.s("x")));
		ListValue list = AttributeValue.l(elements);
		elements.clear();
		assertThat(list.value()).hasSize(1);
	}

	@Test
	void setsIgnoreOrderForEqualityAndSupportUnionAndDifference() {
		StringSetValue ab = AttributeValue.ss(List.of("a", "b"));
		assertThat(ab).isEqualTo(AttributeValue.ss(List.of("b", "a")));
		assertThat(ab.union(AttributeValue.ss(List.of("c"))).elements()).containsExactly("a", "b", "c");
		assertThat(ab.union(AttributeValue.ss(List.of("a")))).isSameAs(ab);
		assertThat(ab.minus(AttributeValue.ss(List.of("a", "z"))).elements()).containsExactly("b");
		assertThat(ab.minus(ab)).isNull();
		assertThat(AttributeValue.ns(List.of("1", "2")).contains(AttributeValue.n("1.0"))).isTrue();
		assertThat(AttributeValue.bs(List.of(new byte[] { 1 })).contains(AttributeValue.b(new byte[] { 1 })))
			.isTrue();
	}

	@Test
	void stringKeysSortByUtf8BytesNotByUtf16Units() {
		// U+FF61 is before U+1F600 in UTF-8 but after its surrogates in UTF-16.
		AttributeValue halfwidth = AttributeValue.s("\uFF61");
		AttributeValue emoji = AttributeValue.s("\uD83D\uDE00");
		assertThat(KeyOrdering.INSTANCE.compare(halfwidth, emoji)).isNegative();
		assertThat(KeyOrdering.INSTANCE.compare(AttributeValue.s("a"), AttributeValue.s("ab"))).isNegative();
		assertThat(KeyOrdering.INSTANCE.compare(AttributeValue.s("b"), AttributeValue.s("ab"))).isPositive();
	}

	@Test
	void numberKeysSortByValueAndBinaryKeysByUnsignedBytes() {
		assertThat(KeyOrdering.INSTANCE.compare(AttributeValue.n("-10"), AttributeValue.n("9"))).isNegative();
		assertThat(KeyOrdering.INSTANCE.compare(AttributeValue.n("1.0"), AttributeValue.n("1"))).isZero();
		assertThat(KeyOrdering.INSTANCE.compare(AttributeValue.b(new byte[] { (byte) 0x80 }),
				AttributeValue.b(new byte[] { 0x7f }))).isPositive();
		assertThat(KeyOrdering.compareIfComparable(AttributeValue.s("1"), AttributeValue.n(1)))
			.isEqualTo(Integer.MIN_VALUE);
	}

	@Test
	void itemSizeCountsNamesAndValues() {
		Map<String, AttributeValue> item = new LinkedHashMap<>();
		item.put("pk", AttributeValue.s("h\u00e9"));
		item.put("n", AttributeValue.n(12345));
		item.put("b", AttributeValue.bool(true));
		item.put("l", AttributeValue.l(AttributeValue.nul(), AttributeValue.s("ab")));
		item.put("m", AttributeValue.m(Map.of("k", AttributeValue.b(new byte[4]))));
		item.put("ss", AttributeValue.ss(List.of("a", "bc")));
		// pk: 2+3, n: 1+4, b: 1+1, l: 1+3+(1+1)+(1+2), m: 1+3+1+1+4, ss: 2+3
		assertThat(ItemSize.of(item)).isEqualTo(5 + 5 + 2 + 9 + 10 + 5);
		assertThat(ItemSize.utf8Length("\uD83D\uDE00")).isEqualTo(4);
	}

}
