package dev.alternator.local.engine.expression;

import dev.alternator.local.engine.value.AttributeValue;

/**
 * What a Query's key condition selects: one partition, and optionally a range of sort keys in it.
 * @param hashValue the partition key value
 * @param range the sort key condition, or {@code null} for the whole partition
 */
public record KeyQuery(AttributeValue hashValue, RangeCondition range) {
}
