package dev.alternator.client;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code /localnodes} answer: a JSON array of address strings, nothing else. Anything unexpected rejects the
 * whole answer, so that a broken answer can never replace a good node list.
 */
final class LocalNodesAnswer {

	private LocalNodesAnswer() {
	}

	/**
	 * Returns the addresses.
	 * @throws IllegalArgumentException naming what is wrong with the answer
	 */
	static List<String> parse(String body) {
		String text = body.trim();
		if (text.isEmpty()) {
			throw new IllegalArgumentException("empty answer");
		}
		if (text.charAt(0) != '[') {
			throw new IllegalArgumentException("not a JSON array: " + abbreviate(text));
		}
		List<String> addresses = new ArrayList<>();
		int position = skipSpaces(text, 1);
		if (position < text.length() && text.charAt(position) == ']') {
			return requireEnd(text, position + 1, addresses);
		}
		while (true) {
			if (position >= text.length() || text.charAt(position) != '"') {
				throw new IllegalArgumentException("entries must be address strings: " + abbreviate(text));
			}
			int end = text.indexOf('"', position + 1);
			if (end < 0) {
				throw new IllegalArgumentException("unterminated string: " + abbreviate(text));
			}
			String address = text.substring(position + 1, end);
			if (!isAddress(address)) {
				throw new IllegalArgumentException("'" + abbreviate(address) + "' is not an address");
			}
			addresses.add(address);
			position = skipSpaces(text, end + 1);
			if (position >= text.length()) {
				throw new IllegalArgumentException("unterminated array: " + abbreviate(text));
			}
			char next = text.charAt(position);
			if (next == ']') {
				return requireEnd(text, position + 1, addresses);
			}
			if (next != ',') {
				throw new IllegalArgumentException("malformed array: " + abbreviate(text));
			}
			position = skipSpaces(text, position + 1);
		}
	}

	private static List<String> requireEnd(String text, int position, List<String> addresses) {
		if (skipSpaces(text, position) != text.length()) {
			throw new IllegalArgumentException("text after the array: " + abbreviate(text));
		}
		return addresses;
	}

	static boolean isAddress(String address) {
		if (address.isEmpty() || address.length() > 253) {
			return false;
		}
		if (address.indexOf(':') >= 0) {
			return address.matches("[0-9A-Fa-f:.]+(%[A-Za-z0-9]+)?");
		}
		return address.matches("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");
	}

	private static int skipSpaces(String text, int position) {
		while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
			position++;
		}
		return position;
	}

	private static String abbreviate(String text) {
		return (text.length() <= 60) ? text : text.substring(0, 57) + "...";
	}

}
