package dev.alternator.spring.autoconfigure;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code alternator.seeds} is not set, in any of the forms a list property can take.
 */
class NoSeedsCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		List<String> seeds = Binder.get(context.getEnvironment())
			.bind("alternator.seeds", Bindable.listOf(String.class))
			.orElse(List.of());
		if (seeds.isEmpty()) {
			return ConditionOutcome.match("alternator.seeds is not set");
		}
		return ConditionOutcome.noMatch("alternator.seeds is set to " + seeds);
	}

}
