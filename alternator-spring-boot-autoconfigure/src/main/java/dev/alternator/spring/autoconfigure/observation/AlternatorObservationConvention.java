package dev.alternator.spring.autoconfigure.observation;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags of the Alternator call observation. Define a bean of this type to change them.
 * <p>
 * Name {@code alternator.client.operation} (a timer {@code alternator.client.operation} with Boot's default meter
 * handler, and a span per call with its tracing). Low-cardinality keys: {@code db.operation.name},
 * {@code db.collection.name} ({@code none} without a table), {@code server.address} (the node of the last attempt,
 * {@code host:port}; per-node latency comes from it), {@code outcome}. High-cardinality key: {@code attempts}.
 */
public interface AlternatorObservationConvention extends ObservationConvention<AlternatorObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof AlternatorObservationContext;
	}

	/**
	 * The default names and tags.
	 */
	final class Default implements AlternatorObservationConvention {

		@Override
		public String getName() {
			return "alternator.client.operation";
		}

		@Override
		public String getContextualName(AlternatorObservationContext context) {
			return (context.getTable() != null) ? context.getOperation() + " " + context.getTable()
					: context.getOperation();
		}

		@Override
		public KeyValues getLowCardinalityKeyValues(AlternatorObservationContext context) {
			return KeyValues.of("db.operation.name", context.getOperation(), "db.collection.name",
					(context.getTable() != null) ? context.getTable() : "none", "server.address",
					(context.getNode() != null) ? context.getNode() : "none", "outcome", context.getOutcome());
		}

		@Override
		public KeyValues getHighCardinalityKeyValues(AlternatorObservationContext context) {
			return KeyValues.of("attempts", String.valueOf(context.getAttempts()));
		}

	}

}
