package dev.alternator.local.engine.table;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What a table was created with: name, key, attribute definitions, indexes and the settings that Alternator
 * accepts and keeps only to describe them back (billing mode, throughput, stream specification, tags).
 * Immutable: changing a table makes a new definition.
 */
public final class TableDefinition {

	private final String name;

	private final UUID id;

	private final Instant creationTime;

	private final KeySchema key;

	private final Map<String, KeyType> attributeDefinitions;

	private final Map<String, IndexDefinition> indexes;

	private final Settings settings;

	/**
	 * Creates a definition.
	 * @param name the table name
	 * @param id the table id
	 * @param creationTime when the table was created
	 * @param key the table key
	 * @param attributeDefinitions the declared attribute types, in declaration order
	 * @param indexes the secondary indexes by name, in creation order
	 * @param settings the settings kept for describing the table
	 */
	public TableDefinition(String name, UUID id, Instant creationTime, KeySchema key,
			Map<String, KeyType> attributeDefinitions, Map<String, IndexDefinition> indexes, Settings settings) {
		this.name = Objects.requireNonNull(name, "name");
		this.id = Objects.requireNonNull(id, "id");
		this.creationTime = Objects.requireNonNull(creationTime, "creationTime");
		this.key = Objects.requireNonNull(key, "key");
		this.attributeDefinitions = Collections.unmodifiableMap(new LinkedHashMap<>(attributeDefinitions));
		this.indexes = Collections.unmodifiableMap(new LinkedHashMap<>(indexes));
		this.settings = Objects.requireNonNull(settings, "settings");
	}

	/**
	 * The table name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The table's unique id, fixed at creation.
	 * @return the id
	 */
	public UUID id() {
		return this.id;
	}

	/**
	 * The table's ARN, in the form Alternator uses.
	 * @return the ARN
	 */
	public String arn() {
		return "arn:scylla-alternator:alternator_" + this.name + ":scylla:table/" + this.name;
	}

	/**
	 * When the table was created.
	 * @return the creation time
	 */
	public Instant creationTime() {
		return this.creationTime;
	}

	/**
	 * The table's primary key.
	 * @return the key schema
	 */
	public KeySchema key() {
		return this.key;
	}

	/**
	 * The declared attribute types, in declaration order.
	 * @return the attribute definitions
	 */
	public Map<String, KeyType> attributeDefinitions() {
		return this.attributeDefinitions;
	}

	/**
	 * The secondary indexes by name, in creation order.
	 * @return the indexes
	 */
	public Map<String, IndexDefinition> indexes() {
		return this.indexes;
	}

	/**
	 * The settings kept only for describing the table.
	 * @return the settings
	 */
	public Settings settings() {
		return this.settings;
	}

	/**
	 * A copy of this definition with other indexes and attribute definitions (for UpdateTable).
	 * @param attributeDefinitions the new attribute definitions
	 * @param indexes the new indexes
	 * @return the new definition
	 */
	public TableDefinition withIndexes(Map<String, KeyType> attributeDefinitions,
			Map<String, IndexDefinition> indexes) {
		return new TableDefinition(this.name, this.id, this.creationTime, this.key, attributeDefinitions, indexes,
				this.settings);
	}

	/**
	 * A copy of this definition with other settings (for UpdateTable).
	 * @param settings the new settings
	 * @return the new definition
	 */
	public TableDefinition withSettings(Settings settings) {
		return new TableDefinition(this.name, this.id, this.creationTime, this.key, this.attributeDefinitions,
				this.indexes, settings);
	}

	/**
	 * Settings that have no effect on the data, kept to describe the table as created.
	 * @param billingMode {@code PAY_PER_REQUEST} or {@code PROVISIONED}
	 * @param readCapacityUnits the provisioned read capacity, 0 when on demand
	 * @param writeCapacityUnits the provisioned write capacity, 0 when on demand
	 * @param streamEnabled whether a stream was asked for
	 * @param streamViewType the stream view type, or {@code null}
	 * @param tags the tags, in the order given
	 */
	public record Settings(String billingMode, long readCapacityUnits, long writeCapacityUnits,
			boolean streamEnabled, String streamViewType, Map<String, String> tags) {

		/**
		 * Freezes the tags.
		 * @param billingMode the billing mode
		 * @param readCapacityUnits the read capacity
		 * @param writeCapacityUnits the write capacity
		 * @param streamEnabled whether a stream was asked for
		 * @param streamViewType the stream view type
		 * @param tags the tags
		 */
		public Settings {
			Objects.requireNonNull(billingMode, "billingMode");
			tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
		}

	}

}
