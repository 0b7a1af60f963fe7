package dev.alternator.local.engine.expression;

/**
 * One action of an update: what to do at which path, with which operand.
 * @param kind what to do
 * @param path where
 * @param value the operand; {@code null} for removals
 */
record UpdateAction(Kind kind, DocumentPath path, Operand value) {

	enum Kind {

		/** SET path = value. */
		SET,
		/** REMOVE path (also the legacy DELETE without a value). */
		REMOVE,
		/** ADD path :value, to a number or a set. */
		ADD,
		/** DELETE path :set. */
		DELETE,
		/** The legacy AttributeUpdates ADD, which also appends to lists. */
		LEGACY_ADD,
		/** The legacy AttributeUpdates DELETE with a set of elements to remove. */
		LEGACY_DELETE

	}

	/** Orders paths element by element, indexes by number, so that list positions can be processed in order. */
	static int comparePaths(DocumentPath a, DocumentPath b) {
		int n = Math.min(a.length(), b.length());
		for (int i = 0; i < n; i++) {
			Object x = a.element(i);
			Object y = b.element(i);
			int c;
			if (x instanceof Integer ix && y instanceof Integer iy) {
				c = Integer.compare(ix, iy);
			}
			else if (x instanceof String sx && y instanceof String sy) {
				c = sx.compareTo(sy);
			}
			else {
				c = (x instanceof Integer) ? -1 : 1;
			}
			if (c != 0) {
				return c;
			}
		}
		return Integer.compare(a.length(), b.length());
	}

}
