package dev.alternator.local.engine.table;

import java.util.List;
import java.util.Objects;

/**
 * A secondary index as it was created.
 * @param name the index name
 * @param kind global or local
 * @param key the index key
 * @param projectionType which attributes the index holds
 * @param nonKeyAttributes the attributes an {@link ProjectionType#INCLUDE} index also holds (empty otherwise)
 */
public record IndexDefinition(String name, IndexKind kind, KeySchema key, ProjectionType projectionType,
		List<String> nonKeyAttributes) {

	/**
	 * Checks the parts and freezes the attribute list.
	 * @param name the index name
	 * @param kind global or local
	 * @param key the index key
	 * @param projectionType which attributes the index holds
	 * @param nonKeyAttributes the extra attributes of an INCLUDE projection
	 */
	public IndexDefinition {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(projectionType, "projectionType");
		nonKeyAttributes = List.copyOf(nonKeyAttributes);
	}

}
