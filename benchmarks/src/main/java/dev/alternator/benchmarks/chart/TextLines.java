package dev.alternator.benchmarks.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks a text into lines of at most a given number of characters, at spaces. SVG text does not wrap by itself; a
 * character count is a fair stand-in for width with the proportional fonts charts use.
 */
final class TextLines {

	private TextLines() {
	}

	/**
	 * The lines of the text, none if it is {@code null}; a word longer than a line stands on its own line.
	 */
	static List<String> wrap(String text, int maxCharacters) {
		List<String> lines = new ArrayList<>();
		if (text == null) {
			return lines;
		}
		StringBuilder line = new StringBuilder();
		for (String word : text.split(" ")) {
			if (line.length() > 0 && line.length() + 1 + word.length() > maxCharacters) {
				lines.add(line.toString());
				line.setLength(0);
			}
			line.append((line.length() > 0) ? " " : "").append(word);
		}
		if (line.length() > 0) {
			lines.add(line.toString());
		}
		return lines;
	}

}
