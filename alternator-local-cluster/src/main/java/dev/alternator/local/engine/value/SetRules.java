package dev.alternator.local.engine.value;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

import dev.alternator.local.engine.ApiException;

/**
 * The rules every set type shares: not empty, no duplicates, insertion order kept.
 */
final class SetRules {

	static final String INVALID = "One or more parameter values were invalid: ";

	private SetRules() {
	}

	/**
	 * Copies the elements into an unmodifiable ordered set, rejecting an empty collection and duplicates.
	 * @param described the input as the duplicate error shows it
	 */
	static <T> Set<T> copy(Collection<T> elements, Collection<?> described, AttributeType type) {
		if (elements.isEmpty()) {
			throw ApiException.validation(INVALID + emptyMessage(type));
		}
		Set<T> set = new LinkedHashSet<>(elements);
		if (set.size() != elements.size()) {
			throw ApiException.validation(INVALID + "Input collection " + described + " contains duplicates.");
		}
		return Collections.unmodifiableSet(set);
	}

	static String emptyMessage(AttributeType type) {
		switch (type) {
			case SS:
				return "An string set  may not be empty";
			case NS:
				return "An number set  may not be empty";
			default:
				return "Binary sets should not be empty";
		}
	}

	/** The union, or {@code a} itself when {@code b} adds nothing. */
	static <T> Set<T> union(Set<T> a, Set<T> b) {
		if (a.containsAll(b)) {
			return a;
		}
		Set<T> set = new LinkedHashSet<>(a);
		set.addAll(b);
		return Collections.unmodifiableSet(set);
	}

	/** The difference; empty when nothing is left. */
	static <T> Set<T> minus(Set<T> a, Set<T> b) {
		Set<T> set = new LinkedHashSet<>(a);
		set.removeAll(b);
		return Collections.unmodifiableSet(set);
	}

}
