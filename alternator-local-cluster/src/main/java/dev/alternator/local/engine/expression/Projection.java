package dev.alternator.local.engine.expression;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.alternator.local.engine.value.AttributeValue;
import dev.alternator.local.engine.value.ListValue;
import dev.alternator.local.engine.value.MapValue;

/**
 * A parsed, reusable projection: a {@code ProjectionExpression} or legacy {@code AttributesToGet}. Projecting
 * keeps the structure of nested paths: {@code a.b} gives {@code {a: {b: ...}}}, and {@code a[1], a[3]} give
 * {@code {a: [a[1], a[3]]}} (the selected elements in index order).
 */
public final class Projection {

	private final List<DocumentPath> paths;

	private final boolean topLevelOnly;

	private final Set<String> attributeNames;

	Projection(List<DocumentPath> paths) {
		this.paths = List.copyOf(paths);
		boolean topLevelOnly = true;
		Set<String> names = new LinkedHashSet<>();
		for (DocumentPath path : paths) {
			topLevelOnly &= path.isTopLevel();
			names.add(path.attributeName());
		}
		this.topLevelOnly = topLevelOnly;
		this.attributeNames = Collections.unmodifiableSet(names);
	}

	/**
	 * Parses a {@code ProjectionExpression}.
	 * @param expression the expression, e.g. {@code "a, #b.c[2]"}
	 * @param attributes the request's names and values; the references used are marked
	 * @return the projection
	 * @throws dev.alternator.local.engine.ApiException a ValidationException ({@code "Invalid
	 * ProjectionExpression: ..."}) for a syntax error, a reserved word, an undefined name, or overlapping or
	 * conflicting paths
	 */
	public static Projection parse(String expression, ExpressionAttributes attributes) {
		return new Projection(ExpressionParser.projection(expression, attributes));
	}

	/**
	 * A projection of top-level attributes, or of any paths already checked not to overlap.
	 * @param paths the paths
	 * @return the projection
	 */
	public static Projection of(List<DocumentPath> paths) {
		return new Projection(paths);
	}

	/**
	 * The paths projected.
	 * @return the paths
	 */
	public List<DocumentPath> paths() {
		return this.paths;
	}

	/**
	 * The top-level attributes the projection reads.
	 * @return the names
	 */
	public Set<String> attributeNames() {
		return this.attributeNames;
	}

	/**
	 * Projects an item.
	 * @param item the item
	 * @return a new item with only the projected parts; paths the item lacks are left out
	 */
	public Map<String, AttributeValue> project(Map<String, AttributeValue> item) {
		Map<String, AttributeValue> result = new LinkedHashMap<>();
		if (this.topLevelOnly) {
			for (DocumentPath path : this.paths) {
				AttributeValue value = item.get(path.attributeName());
				if (value != null) {
					result.put(path.attributeName(), value);
				}
			}
			return result;
		}
		// Build a tree of the selected parts, then turn it into values.
		Map<Object, Object> root = new LinkedHashMap<>();
		for (DocumentPath path : this.paths) {
			AttributeValue value = path.get(item);
			if (value == null) {
				continue;
			}
			Map<Object, Object> node = root;
			for (int i = 0; i < path.length() - 1; i++) {
				Object element = path.element(i);
				@SuppressWarnings("unchecked")
				Map<Object, Object> child = (Map<Object, Object>) node.get(element);
				if (child == null) {
					// A list's selected elements are kept by index, a map's entries in order.
					child = path.isIndex(i + 1) ? new TreeMap<>() : new LinkedHashMap<>();
					node.put(element, child);
				}
				node = child;
			}
			node.put(path.element(path.length() - 1), value);
		}
		for (Map.Entry<Object, Object> entry : root.entrySet()) {
			result.put((String) entry.getKey(), toValue(entry.getValue()));
		}
		return result;
	}

	@SuppressWarnings("unchecked")
	private static AttributeValue toValue(Object node) {
		if (node instanceof AttributeValue value) {
			return value;
		}
		Map<Object, Object> children = (Map<Object, Object>) node;
		if (children instanceof TreeMap) {
			List<AttributeValue> elements = new ArrayList<>(children.size());
			for (Object child : children.values()) {
				elements.add(toValue(child));
			}
			return new ListValue(elements);
		}
		Map<String, AttributeValue> entries = new LinkedHashMap<>();
		for (Map.Entry<Object, Object> entry : children.entrySet()) {
			entries.put((String) entry.getKey(), toValue(entry.getValue()));
		}
		return new MapValue(entries);
	}

	@Override
	public String toString() {
		return "Projection" + this.paths;
	}

}
