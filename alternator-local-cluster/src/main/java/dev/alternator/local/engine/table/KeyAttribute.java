package dev.alternator.local.engine.table;

import java.util.Objects;

/**
 * One attribute of a key schema: its name and type.
 * @param name the attribute name
 * @param type the attribute type
 */
public record KeyAttribute(String name, KeyType type) {

	/**
	 * Checks that both parts are present.
	 * @param name the attribute name
	 * @param type the attribute type
	 */
	public KeyAttribute {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(type, "type");
	}

}
