package dev.alternator.local.engine.expression;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.alternator.local.engine.ApiException;
import dev.alternator.local.engine.value.AttributeValue;
import dev.alternator.local.engine.value.BinarySetValue;
import dev.alternator.local.engine.value.ListValue;
import dev.alternator.local.engine.value.MapValue;
import dev.alternator.local.engine.value.NumberSetValue;
import dev.alternator.local.engine.value.NumberValue;
import dev.alternator.local.engine.value.StringSetValue;

/**
 * A parsed, reusable update: an {@code UpdateExpression} (SET, REMOVE, ADD, DELETE) or legacy
 * {@code AttributeUpdates} converted by {@link LegacyConditions#attributeUpdates}.
 * <p>
 * {@link #apply(Map)} works as DynamoDB does: every operand is read from the item as it was before the update
 * ({@code SET a = b, b = a} swaps), list indexes refer to the original list ({@code REMOVE a[1] SET a[3] = :v}
 * sets the old fourth element), SET past the end of a list appends (several in index order), removing an
 * element shifts the rest, ADD creates a missing number or set, DELETE of all a set's elements removes the
 * attribute.
 */
public final class Update {

	private static final String INVALID_PATH = "The document path provided in the update expression is invalid for update";

	private static final String TYPE_MISMATCH = "Type mismatch for attribute to update";

	// Each group in the order it is applied: SETs by ascending path, REMOVEs by descending path, then the rest.
	private final List<UpdateAction> sets;

	private final List<UpdateAction> removes;

	private final List<UpdateAction> others;

	private final List<DocumentPath> paths;

	private final Set<String> attributeNames;

	Update(List<UpdateAction> actions) {
		List<UpdateAction> sets = new ArrayList<>();
		List<UpdateAction> removes = new ArrayList<>();
		List<UpdateAction> others = new ArrayList<>();
		List<DocumentPath> paths = new ArrayList<>(actions.size());
		Set<String> names = new LinkedHashSet<>();
		for (UpdateAction action : actions) {
			switch (action.kind()) {
				case SET:
					sets.add(action);
					break;
				case REMOVE:
					removes.add(action);
					break;
				default:
					others.add(action);
			}
			paths.add(action.path());
			names.add(action.path().attributeName());
		}
		sets.sort((a, b) -> UpdateAction.comparePaths(a.path(), b.path()));
		removes.sort((a, b) -> UpdateAction.comparePaths(b.path(), a.path()));
		this.sets = List.copyOf(sets);
		this.removes = List.copyOf(removes);
		this.others = List.copyOf(others);
		this.paths = Collections.unmodifiableList(paths);
		this.attributeNames = Collections.unmodifiableSet(names);
	}

	/**
	 * Whether applying the update needs the item's current value, which Alternator calls a read-modify-write:
	 * anything but setting whole attributes to values given in the request and removing whole attributes.
	 * @return {@code true} when the item must be read first
	 */
	public boolean readsItem() {
		if (!this.others.isEmpty()) {
			return true;
		}
		for (UpdateAction set : this.sets) {
			if (set.path().length() > 1 || !(set.value() instanceof Operand.Constant)) {
				return true;
			}
		}
		for (UpdateAction remove : this.removes) {
			if (remove.path().length() > 1) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Parses an {@code UpdateExpression}.
	 * @param expression the expression
	 * @param attributes the request's names and values; the references used are marked
	 * @return the update
	 * @throws ApiException a ValidationException ({@code "Invalid UpdateExpression: ..."}) for a syntax error,
	 * a clause used twice, overlapping or conflicting paths, an unknown or misused function, or an operand of
	 * the wrong type (e.g. ADD of a string)
	 */
	public static Update parse(String expression, ExpressionAttributes attributes) {
		return new Update(ExpressionParser.update(expression, attributes));
	}

	/**
	 * The top-level attributes this update changes (sets, removes, adds to or deletes from), in the order of
	 * the actions. The caller rejects updates of key attributes with it and picks the attributes for
	 * {@code ReturnValues} {@code UPDATED_OLD} and {@code UPDATED_NEW}.
	 * @return the attribute names
	 */
	public Set<String> attributeNames() {
		return this.attributeNames;
	}

	/**
	 * Rejects an update that changes a key attribute, with DynamoDB's message.
	 * @param hashKey the partition key attribute
	 * @param rangeKey the sort key attribute, or {@code null}
	 * @throws ApiException a ValidationException naming the key attribute
	 */
	public void rejectKeyAttributes(String hashKey, String rangeKey) {
		for (String name : this.attributeNames) {
			if (name.equals(hashKey) || name.equals(rangeKey)) {
				throw ApiException.validation(
						"Cannot update attribute " + name + ". This attribute is part of the key");
			}
		}
	}

	/**
	 * A projection of the paths this update changes, e.g. for picking {@code UPDATED_OLD} /
	 * {@code UPDATED_NEW} values with their nesting; project the item from before or after the update.
	 * @return the projection
	 */
	public Projection changedPaths() {
		return Projection.of(this.paths);
	}

	/**
	 * The paths this update changes, in the order of the actions.
	 * @return the paths
	 */
	public List<DocumentPath> paths() {
		return this.paths;
	}

	/**
	 * Applies the update to an item.
	 * @param item the item as it is; an empty map when it does not exist yet. It is not changed.
	 * @return the item after the update, a new map
	 * @throws ApiException a ValidationException when an operand refers to a missing attribute, a path does
	 * not fit the item (e.g. {@code a.b} where {@code a} is a string, or is missing), an operand has the wrong
	 * type (arithmetic on a non-number, ADD to a string), or a number goes out of range
	 */
	public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
		// Read every SET operand before writing anything.
		AttributeValue[] values = new AttributeValue[this.sets.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = Operand.required(this.sets.get(i).value(), item);
		}
		Map<String, AttributeValue> result = new LinkedHashMap<>(item);
		for (int i = 0; i < values.length; i++) {
			write(result, this.sets.get(i).path(), values[i]);
		}
		for (UpdateAction remove : this.removes) {
			remove(result, remove.path());
		}
		for (UpdateAction action : this.others) {
			AttributeValue operand = action.value().evaluate(item);
			AttributeValue current = action.path().get(result);
			AttributeValue updated = combine(action.kind(), current, operand);
			if (updated == null) {
				if (current != null) {
					remove(result, action.path());
				}
			}
			else if (updated != current) {
				write(result, action.path(), updated);
			}
		}
		return result;
	}

	/** The new value of an ADD or DELETE, or {@code null} when the attribute goes (or stays) away. */
	private static AttributeValue combine(UpdateAction.Kind kind, AttributeValue current, AttributeValue operand) {
		boolean legacy = kind == UpdateAction.Kind.LEGACY_ADD || kind == UpdateAction.Kind.LEGACY_DELETE;
		boolean add = kind == UpdateAction.Kind.ADD || kind == UpdateAction.Kind.LEGACY_ADD;
		if (current == null) {
			// ADD to a missing attribute sets it; DELETE from one leaves it missing.
			return add ? operand : null;
		}
		if (add && current instanceof NumberValue a && operand instanceof NumberValue b) {
			return a.add(b);
		}
		if (add && legacy && current instanceof ListValue a && operand instanceof ListValue b) {
			return a.append(b);
		}
		// Sets of the same type: ADD is the union, DELETE the difference (null once nothing is left).
		if (current instanceof StringSetValue a && operand instanceof StringSetValue b) {
			return add ? a.union(b) : a.minus(b);
		}
		if (current instanceof NumberSetValue a && operand instanceof NumberSetValue b) {
			return add ? a.union(b) : a.minus(b);
		}
		if (current instanceof BinarySetValue a && operand instanceof BinarySetValue b) {
			return add ? a.union(b) : a.minus(b);
		}
		throw ApiException.validation(legacy ? TYPE_MISMATCH : Operand.WRONG_TYPE);
	}

	private static void write(Map<String, AttributeValue> item, DocumentPath path, AttributeValue value) {
		if (path.isTopLevel()) {
			item.put(path.attributeName(), value);
			return;
		}
		change(item, path, (container, position) -> withChild(container, path, position, value));
	}

	private static void remove(Map<String, AttributeValue> item, DocumentPath path) {
		if (path.isTopLevel()) {
			item.remove(path.attributeName());
			return;
		}
		change(item, path, (container, position) -> withoutChild(container, path, position));
	}

	/**
	 * Changes what a nested path names: every map or list on the way must exist and be of the kind the path expects;
	 * the last step is done on its container by {@code lastStep}, and the changed containers are put back up to the
	 * top-level attribute.
	 */
	private static void change(Map<String, AttributeValue> item, DocumentPath path, LastStep lastStep) {
		String name = path.attributeName();
		AttributeValue top = item.get(name);
		if (top == null) {
			throw ApiException.validation(INVALID_PATH);
		}
		item.put(name, changeIn(top, path, 1, lastStep));
	}

	private static AttributeValue changeIn(AttributeValue container, DocumentPath path, int position,
			LastStep lastStep) {
		if (position == path.length() - 1) {
			return lastStep.apply(container, position);
		}
		AttributeValue old = child(container, path, position);
		if (old == null) {
			throw ApiException.validation(INVALID_PATH);
		}
		return withChild(container, path, position, changeIn(old, path, position + 1, lastStep));
	}

	private static AttributeValue child(AttributeValue container, DocumentPath path, int position) {
		return path.isIndex(position) ? asList(container).get(path.index(position))
				: asMap(container).get(path.name(position));
	}

	/** The container with the element set; past the end of a list appends. */
	private static AttributeValue withChild(AttributeValue container, DocumentPath path, int position,
			AttributeValue value) {
		return path.isIndex(position) ? asList(container).with(path.index(position), value)
				: asMap(container).with(path.name(position), value);
	}

	/** The container without the element; past the end of a list is nothing to remove. */
	private static AttributeValue withoutChild(AttributeValue container, DocumentPath path, int position) {
		return path.isIndex(position) ? asList(container).without(path.index(position))
				: asMap(container).without(path.name(position));
	}

	private static MapValue asMap(AttributeValue container) {
		if (!(container instanceof MapValue map)) {
			throw ApiException.validation(INVALID_PATH);
		}
		return map;
	}

	private static ListValue asList(AttributeValue container) {
		if (!(container instanceof ListValue list)) {
			throw ApiException.validation(INVALID_PATH);
		}
		return list;
	}

	/** The last step of a change: done on the container of what the path names. */
	@FunctionalInterface
	private interface LastStep {

		AttributeValue apply(AttributeValue container, int position);

	}

	@Override
	public String toString() {
		return "Update" + this.paths;
	}

}
