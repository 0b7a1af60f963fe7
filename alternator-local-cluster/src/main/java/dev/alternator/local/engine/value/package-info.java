/**
 * The values of the local engine: an immutable, sealed {@link dev.alternator.local.engine.value.AttributeValue}
 * model of DynamoDB's ten types with DynamoDB's rules (number precision and range, non-empty sets without
 * duplicates), its JSON form, the order of key values and the size of items.
 * <p>
 * An item is a {@code Map<String, AttributeValue>} that keeps insertion order; this package has no item class
 * so that the engine can build and copy items without wrapping them.
 */
package dev.alternator.local.engine.value;
