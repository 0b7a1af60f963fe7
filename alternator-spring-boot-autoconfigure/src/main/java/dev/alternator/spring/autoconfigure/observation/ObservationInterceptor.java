package dev.alternator.spring.autoconfigure.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Opens one observation per SDK call and closes it when the call ends; counts the attempts and notes the node each
 * one went to. The node is read in {@code beforeTransmission}, after the routing signer has chosen it.
 */
final class ObservationInterceptor implements ExecutionInterceptor {

	private static final ExecutionAttribute<Observation> OBSERVATION = new ExecutionAttribute<>(
			"alternator.observation");

	private final ObservationRegistry registry;

	private final AlternatorObservationConvention convention;

	ObservationInterceptor(ObservationRegistry registry, AlternatorObservationConvention convention) {
		this.registry = registry;
		this.convention = convention;
	}

	@Override
	public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
		String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
		String table = context.request().getValueForField("TableName", String.class).orElse(null);
		AlternatorObservationContext observationContext = new AlternatorObservationContext(operation, table);
		Observation observation = Observation
			.createNotStarted(this.convention, new AlternatorObservationConvention.Default(), () -> observationContext,
					this.registry)
			.start();
		attributes.putAttribute(OBSERVATION, observation);
	}

	@Override
	public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
		Observation observation = attributes.getAttribute(OBSERVATION);
		if (observation != null && observation.getContext() instanceof AlternatorObservationContext observed) {
			observed.attempt(context.httpRequest().host() + ":" + context.httpRequest().port());
		}
	}

	@Override
	public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
		stop(attributes, "SUCCESS", null);
	}

	@Override
	public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
		Throwable failure = context.exception();
		String outcome = "FAILURE";
		if (failure instanceof AwsServiceException service) {
			outcome = (service.statusCode() >= 500) ? "SERVER_ERROR" : "CLIENT_ERROR";
		}
		stop(attributes, outcome, failure);
	}

	private void stop(ExecutionAttributes attributes, String outcome, Throwable failure) {
		Observation observation = attributes.getAttribute(OBSERVATION);
		if (observation == null) {
			return;
		}
		if (observation.getContext() instanceof AlternatorObservationContext observed) {
			observed.setOutcome(outcome);
		}
		if (failure != null) {
			observation.error(failure);
		}
		observation.stop();
	}

}
