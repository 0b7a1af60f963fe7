package dev.alternator.local.conformance;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ten value types, numbers (precision, range, canonical form, equality as keys), key ordering, and the size
 * limits of items and keys.
 */
class ValuesAndLimitsConformanceTests extends ConformanceSupport {

	private static final String LONG_NUMBER = "12345678901234567890123456789012345678";

	private String table;

	private String sorted;

	@BeforeAll
	void createTables() {
		this.table = hashTable("values");
		this.sorted = hashRangeTable("values_sorted", ScalarAttributeType.S);
	}

	@Test
	void allTenTypesRoundTrip() {
		Map<String, AttributeValue> written = item("p", s("types"), "s", s("text"), "n", n("-12.5"), "b",
				b((byte) 0, (byte) 1, (byte) 255), "bool", bool(true), "null", nul(), "m",
				map("inner", s("x"), "deeper", map("l", list(n("1")))), "l", list(s("a"), n("2"), bool(false)), "ss",
				ss("x", "y"), "ns", ns("1", "2.5"), "bs",
				AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] { 1 }),
						SdkBytes.fromByteArray(new byte[] { 2, 3 }))));
		this.dynamo.putItem((put) -> put.tableName(this.table).item(written));
		Map<String, AttributeValue> read = get("types");
		assertThat(read).containsOnlyKeys(written.keySet());
		written.forEach((name, value) -> {
			if (value.type() == AttributeValue.Type.SS || value.type() == AttributeValue.Type.NS
					|| value.type() == AttributeValue.Type.BS) {
				assertThat(setMembers(read.get(name))).as(name).containsExactlyInAnyOrderElementsOf(setMembers(value));
			}
			else {
				assertThat(read.get(name)).as(name).isEqualTo(value);
			}
		});
	}

	@Test
	void emptyStringIsAllowedOutsideKeys() {
		this.dynamo.putItem((put) -> put.tableName(this.table).item(item("p", s("empty-string"), "a", s(""))));
		assertThat(get("empty-string")).containsEntry("a", s(""));
	}

	@Test
	void numberOfThirtyEightDigitsIsKeptExactly() {
		this.dynamo.putItem((put) -> put.tableName(this.table)
			.item(item("p", s("38-digits"), "n", n(LONG_NUMBER), "neg", n("-0." + LONG_NUMBER))));
		assertThat(get("38-digits")).containsEntry("n", n(LONG_NUMBER)).containsEntry("neg", n("-0." + LONG_NUMBER));
	}

	@Test
	void numberOfThirtyNineSignificantDigitsIsRejected() {
		assertValidation(() -> this.dynamo.putItem((put) -> put.tableName(this.table)
			.item(item("p", s("39-digits"), "n", n(LONG_NUMBER + "9")))), "significant");
	}

	@Test
	void numberAboveTheMagnitudeRangeIsRejected() {
		assertValidation(() -> this.dynamo.putItem((put) -> put.tableName(this.table)
			.item(item("p", s("overflow"), "n", n("1E126")))), "overflow");
	}

	@Test
	void numberBelowTheMagnitudeRangeIsRejected() {
		assertValidation(() -> this.dynamo.putItem((put) -> put.tableName(this.table)
			.item(item("p", s("underflow"), "n", n("1E-131")))), "underflow");
	}

	@Test
	void textThatIsNotANumberIsRejected() {
		assertValidation(() -> this.dynamo.updateItem((update) -> update.tableName(this.table)
			.key(item("p", s("not-a-number")))
			.updateExpression("SET n = :v")
			.expressionAttributeValues(Map.of(":v", n("twelve")))), "numeric");
	}

	@Test
	void numbersAreReturnedInCanonicalForm() {
		this.dynamo.putItem((put) -> put.tableName(this.table)
			.item(item("p", s("canonical"), "trailing", n("1.50"), "leading", n("007"), "exponent", n("1e2"),
					"plus", n("+3"))));
		assertThat(get("canonical")).containsEntry("trailing", n("1.5"))
			.containsEntry("leading", n("7"))
			.containsEntry("exponent", n("100"))
			.containsEntry("plus", n("3"));
	}

	@Test
	void oneAndOnePointZeroAreTheSameKey() {
		String numbers = uniqueName("number_keys");
		this.dynamo.createTable((create) -> create.tableName(numbers)
			.keySchema(key("p", KeyType.HASH))
			.attributeDefinitions(attribute("p", ScalarAttributeType.N))
			.billingMode(BillingMode.PAY_PER_REQUEST));
		this.dynamo.putItem((put) -> put.tableName(numbers).item(item("p", n("1"), "v", s("first"))));
		this.dynamo.putItem((put) -> put.tableName(numbers).item(item("p", n("1.0"), "v", s("second"))));
		assertThat(this.dynamo.getItem((get) -> get.tableName(numbers).key(item("p", n("1e0"))).consistentRead(true))
			.item()).containsEntry("v", s("second"));
		assertThat(this.dynamo.scan((scan) -> scan.tableName(numbers)).count()).isEqualTo(1);
	}

	@Test
	void stringSortKeysAreOrderedByTheirUtf8Bytes() {
		// U+FF5E sorts before U+1F600 in UTF-8 (EF.. < F0..) but after it in UTF-16 (FF5E > D83D).
		List<String> values = List.of("\uD83D\uDE00", "\uFF5E", "a", "Z", "\u00E9");
		for (String value : values) {
			this.dynamo.putItem((put) -> put.tableName(this.sorted).item(item("p", s("utf8"), "c", s(value))));
		}
		assertThat(this.dynamo.query((query) -> query.tableName(this.sorted)
			.keyConditionExpression("p = :p")
			.expressionAttributeValues(Map.of(":p", s("utf8")))).items())
			.extracting((found) -> found.get("c").s())
			.containsExactly("Z", "a", "\u00E9", "\uFF5E", "\uD83D\uDE00");
	}

	@Test
	void binarySortKeysAreOrderedAsUnsignedBytes() {
		String binary = hashRangeTable("binary_sorted", ScalarAttributeType.B);
		for (int value : new int[] { 0xFF, 0x01, 0x80, 0x7F }) {
			this.dynamo.putItem((put) -> put.tableName(binary).item(item("p", s("bytes"), "c", b((byte) value))));
		}
		assertThat(this.dynamo.query((query) -> query.tableName(binary)
			.keyConditionExpression("p = :p")
			.expressionAttributeValues(Map.of(":p", s("bytes")))).items())
			.extracting((found) -> found.get("c").b().asByteArray()[0] & 0xFF)
			.containsExactly(0x01, 0x7F, 0x80, 0xFF);
	}

	@Test
	void numberSortKeysAreOrderedByValue() {
		String numbers = hashRangeTable("number_sorted", ScalarAttributeType.N);
		for (String value : List.of("100", "-2", "10", "1.5", "-10", "0")) {
			this.dynamo.putItem((put) -> put.tableName(numbers).item(item("p", s("numbers"), "c", n(value))));
		}
		assertThat(this.dynamo.query((query) -> query.tableName(numbers)
			.keyConditionExpression("p = :p")
			.expressionAttributeValues(Map.of(":p", s("numbers")))).items())
			.extracting((found) -> found.get("c").n())
			.containsExactly("-10", "-2", "0", "1.5", "10", "100");
	}

	@Test
	void itemJustUnderFourHundredKilobytesIsAccepted() {
		this.dynamo.putItem((put) -> put.tableName(this.table)
			.item(item("p", s("big-ok"), "x", s("x".repeat(400_000)))));
		assertThat(get("big-ok").get("x").s()).hasSize(400_000);
	}

	@Test
	void itemOverFourHundredKilobytesIsRejected() {
		assertValidation(() -> this.dynamo.putItem((put) -> put.tableName(this.table)
			.item(item("p", s("too-big"), "x", s("x".repeat(410_000))))), "size");
	}

	@Test
	void updateThatGrowsAnItemOverFourHundredKilobytesIsRejected() {
		this.dynamo.putItem((put) -> put.tableName(this.table)
			.item(item("p", s("grows"), "x", s("x".repeat(300_000)))));
		assertValidation(() -> this.dynamo.updateItem((update) -> update.tableName(this.table)
			.key(item("p", s("grows")))
			.updateExpression("SET y = :v")
			.expressionAttributeValues(Map.of(":v", s("y".repeat(200_000))))), "size");
	}

	@Test
	void hashKeyOfTwoKilobytesIsAcceptedAndOneByteMoreRejected() {
		this.dynamo.putItem((put) -> put.tableName(this.table).item(item("p", s("h".repeat(2048)))));
		assertValidation(() -> this.dynamo.putItem((put) -> put.tableName(this.table).item(item("p", s("h".repeat(2049))))),
				null);
	}

	@Test
	void sortKeyOfOneKilobyteIsAcceptedAndOneByteMoreRejected() {
		this.dynamo.putItem((put) -> put.tableName(this.sorted).item(item("p", s("r"), "c", s("r".repeat(1024)))));
		assertValidation(() -> this.dynamo.putItem((put) -> put.tableName(this.sorted)
			.item(item("p", s("r"), "c", s("r".repeat(1025))))), null);
	}

	@Test
	void emptySetIsRejected() {
		assertValidation(() -> this.dynamo.putItem((put) -> put.tableName(this.table)
			.item(item("p", s("empty-set"), "ss", AttributeValue.fromSs(List.of())))), "empty");
	}

	@Test
	void setWithDuplicateMembersIsRejected() {
		assertValidation(() -> this.dynamo.putItem((put) -> put.tableName(this.table)
			.item(item("p", s("duplicate-set"), "ss", ss("a", "a")))), "duplicate");
	}

	@Test
	void emptyStringKeyValueIsRejected() {
		assertValidation(() -> this.dynamo.putItem((put) -> put.tableName(this.table).item(item("p", s("")))),
				"empty");
	}

	@Test
	void emptyBinaryKeyValueIsRejected() {
		String binary = uniqueName("binary_key");
		this.dynamo.createTable((create) -> create.tableName(binary)
			.keySchema(key("p", KeyType.HASH))
			.attributeDefinitions(attribute("p", ScalarAttributeType.B))
			.billingMode(BillingMode.PAY_PER_REQUEST));
		assertValidation(() -> this.dynamo.putItem((put) -> put.tableName(binary).item(item("p", b()))), "empty");
	}

	@Test
	void hashKeyLimitCountsUtf8BytesNotCharacters() {
		// U+00E9 takes two bytes in UTF-8: 1,024 of them are 2,048 bytes, 1,025 are too many.
		this.dynamo.putItem((put) -> put.tableName(this.table).item(item("p", s("\u00E9".repeat(1024)))));
		assertValidation(() -> this.dynamo.putItem((put) -> put.tableName(this.table)
			.item(item("p", s("\u00E9".repeat(1025))))), null);
	}

	@Test
	void itemSizeCountsUtf8BytesNotCharacters() {
		// 205,000 characters of two bytes each: 410,000 bytes, over the limit although under 400,000 characters.
		assertValidation(() -> this.dynamo.putItem((put) -> put.tableName(this.table)
			.item(item("p", s("utf8-size"), "x", s("\u00E9".repeat(205_000))))), "size");
	}

	@Test
	void binarySetWithDuplicateMembersIsRejected() {
		assertValidation(() -> this.dynamo.putItem((put) -> put.tableName(this.table)
			.item(item("p", s("duplicate-binary-set"), "bs",
					AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] { 1 }),
							SdkBytes.fromByteArray(new byte[] { 1 })))))), "duplicate");
	}

	@Test
	void nestingDeeperThanThirtyTwoLevelsIsRejected() {
		AttributeValue nested = map();
		for (int depth = 0; depth < 40; depth++) {
			nested = map("a", nested);
		}
		AttributeValue tooDeep = nested;
		software.amazon.awssdk.services.dynamodb.model.DynamoDbException error = org.assertj.core.api.Assertions
			.catchThrowableOfType(software.amazon.awssdk.services.dynamodb.model.DynamoDbException.class,
					() -> this.dynamo.putItem((put) -> put.tableName(this.table)
						.item(item("p", s("too-deep"), "nested", tooDeep))));
		assertThat(error).isNotNull();
		assertThat(error.statusCode()).isEqualTo(400);
		assertThat(error.awsErrorDetails().errorMessage()).containsIgnoringCase("nest");
	}

	@Test
	void nestingOfThirtyLevelsIsAccepted() {
		AttributeValue nested = map();
		for (int depth = 0; depth < 30; depth++) {
			nested = map("a", nested);
		}
		AttributeValue deep = nested;
		this.dynamo.putItem((put) -> put.tableName(this.table).item(item("p", s("deep-ok"), "nested", deep)));
		assertThat(get("deep-ok").get("nested")).isEqualTo(deep);
	}

	private Map<String, AttributeValue> get(String key) {
		return this.dynamo.getItem((get) -> get.tableName(this.table).key(item("p", s(key))).consistentRead(true))
			.item();
	}

	private static List<Object> setMembers(AttributeValue value) {
		return switch (value.type()) {
			case SS -> List.copyOf(value.ss());
			case NS -> List.copyOf(value.ns());
			case BS -> value.bs().stream().map((bytes) -> (Object) bytes.asByteBuffer()).toList();
			default -> throw new IllegalArgumentException(value.type().toString());
		};
	}

}
