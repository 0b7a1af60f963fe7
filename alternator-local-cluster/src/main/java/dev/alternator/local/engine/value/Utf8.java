package dev.alternator.local.engine.value;

/**
 * UTF-8 facts about Java strings, computed without encoding them.
 */
final class Utf8 {

	private Utf8() {
	}

	/**
	 * The number of bytes of the string in UTF-8; an unpaired surrogate counts as the 3 bytes of its
	 * replacement.
	 */
	static int length(String s) {
		int n = s.length();
		int bytes = n;
		for (int i = 0; i < n; i++) {
			char c = s.charAt(i);
			if (c >= 0x80) {
				if (c < 0x800) {
					bytes += 1;
				}
				else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
					// A pair is 4 bytes for 2 chars.
					bytes += 2;
					i++;
				}
				else {
					bytes += 2;
				}
			}
		}
		return bytes;
	}

	/**
	 * Compares two strings in the order of their UTF-8 bytes, which is the order of their code points (not
	 * that of {@link String#compareTo}, which differs for characters beyond the Basic Multilingual Plane).
	 */
	static int compare(String a, String b) {
		int na = a.length();
		int nb = b.length();
		int n = Math.min(na, nb);
		for (int i = 0; i < n; i++) {
			char ca = a.charAt(i);
			char cb = b.charAt(i);
			if (ca != cb) {
				// Surrogates (U+D800..U+DFFF) encode code points above U+FFFF, so they sort after U+E000..U+FFFF.
				boolean sa = Character.isSurrogate(ca);
				boolean sb = Character.isSurrogate(cb);
				if (sa != sb) {
					return sa ? 1 : -1;
				}
				return ca - cb;
			}
		}
		return na - nb;
	}

}
