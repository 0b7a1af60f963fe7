package dev.alternator.client.internal.sdk;

import java.util.ArrayList;
import java.util.List;

import dev.alternator.client.internal.routing.CallPlan;

import software.amazon.awssdk.http.auth.spi.scheme.AuthSchemeOption;
import software.amazon.awssdk.services.dynamodb.auth.scheme.DynamoDbAuthSchemeParams;
import software.amazon.awssdk.services.dynamodb.auth.scheme.DynamoDbAuthSchemeProvider;

/**
 * DynamoDB's own auth scheme choice, plus a fresh {@link CallPlan} in the signer properties. The SDK asks this
 * provider once per call and hands the same properties to the signer for every attempt, so the plan follows the call
 * through its retries, on any thread, with no shared map.
 */
public final class CallPlanAuthSchemeProvider implements DynamoDbAuthSchemeProvider {

	private final DynamoDbAuthSchemeProvider delegate;

	public CallPlanAuthSchemeProvider(DynamoDbAuthSchemeProvider delegate) {
		this.delegate = delegate;
	}

	@Override
	public List<AuthSchemeOption> resolveAuthScheme(DynamoDbAuthSchemeParams params) {
		List<AuthSchemeOption> options = this.delegate.resolveAuthScheme(params);
		List<AuthSchemeOption> planned = new ArrayList<>(options.size());
		CallPlan plan = new CallPlan();
		for (AuthSchemeOption option : options) {
			planned.add(option.toBuilder().putSignerProperty(RoutingSigner.CALL_PLAN, plan).build());
		}
		return planned;
	}

}
