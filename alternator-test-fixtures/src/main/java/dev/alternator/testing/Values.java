package dev.alternator.testing;

import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Short forms of the attribute values tests write.
 */
public final class Values {

	private Values() {
	}

	/**
	 * A string value.
	 * @param value the string
	 * @return {@code {"S": value}}
	 */
	public static AttributeValue s(String value) {
		return AttributeValue.builder().s(value).build();
	}

	/**
	 * The key of an item of a {@link Tables hash-key table}.
	 * @param id the value of the {@code id} attribute
	 * @return {@code {"id": {"S": id}}}
	 */
	public static Map<String, AttributeValue> key(String id) {
		return Map.of("id", s(id));
	}

}
