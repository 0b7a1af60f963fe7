package dev.alternator.client.internal.discovery;

import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;

/**
 * Reads a {@code /localnodes} answer: a JSON array of address strings, nothing else, with the AWS SDK's JSON parser. Anything unexpected rejects the
 * whole answer, so that a broken answer can never replace a good node list.
 */
public final class LocalNodesAnswer {

	/** The AWS SDK's own JSON parser (json-utils), already on the class path of every DynamoDB client. */
	private static final JsonNodeParser PARSER = JsonNodeParser.create();

	private LocalNodesAnswer() {
	}

	/**
	 * Returns the addresses.
	 * @throws IllegalArgumentException naming what is wrong with the answer
	 */
	public static List<String> parse(String body) {
		String text = body.trim();
		if (text.isEmpty()) {
			throw new IllegalArgumentException("empty answer");
		}
		if (text.charAt(0) != '[') {
			throw new IllegalArgumentException("not a JSON array: " + abbreviate(text));
		}
		if (text.charAt(text.length() - 1) != ']') {
			// Checked here because the parser stops after the first value and would ignore what follows.
			throw new IllegalArgumentException("unterminated array, or text after the array: " + abbreviate(text));
		}
		JsonNode root;
		try {
			root = PARSER.parse(text);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("malformed JSON: " + abbreviate(text));
		}
		if (!root.isArray()) {
			throw new IllegalArgumentException("not a JSON array: " + abbreviate(text));
		}
		List<String> addresses = new ArrayList<>();
		for (JsonNode entry : root.asArray()) {
			if (!entry.isString()) {
				throw new IllegalArgumentException("entries must be address strings: " + abbreviate(text));
			}
			String address = entry.asString();
			if (!isAddress(address)) {
				throw new IllegalArgumentException("'" + abbreviate(address) + "' is not an address");
			}
			addresses.add(address);
		}
		return addresses;
	}

	public static boolean isAddress(String address) {
		if (address.isEmpty() || address.length() > 253) {
			return false;
		}
		if (address.indexOf(':') >= 0) {
			return address.matches("[0-9A-Fa-f:.]+(%[A-Za-z0-9]+)?");
		}
		return address.matches("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");
	}

	private static String abbreviate(String text) {
		return (text.length() <= 60) ? text : text.substring(0, 57) + "...";
	}

}
