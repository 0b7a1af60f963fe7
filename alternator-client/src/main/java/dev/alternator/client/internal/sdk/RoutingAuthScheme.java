package dev.alternator.client.internal.sdk;

import software.amazon.awssdk.http.auth.aws.scheme.AwsV4AuthScheme;
import software.amazon.awssdk.http.auth.spi.scheme.AuthScheme;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.IdentityProviders;

/**
 * SigV4 as DynamoDB uses it, with the {@link RoutingSigner} in place of the plain signer. Registered under the SigV4
 * scheme id, it replaces the SDK's own for the client it is given to.
 */
public final class RoutingAuthScheme implements AuthScheme<AwsCredentialsIdentity> {

	private final RoutingSigner signer;

	public RoutingAuthScheme(RoutingSigner signer) {
		this.signer = signer;
	}

	@Override
	public String schemeId() {
		return AwsV4AuthScheme.SCHEME_ID;
	}

	@Override
	public IdentityProvider<AwsCredentialsIdentity> identityProvider(IdentityProviders providers) {
		return providers.identityProvider(AwsCredentialsIdentity.class);
	}

	@Override
	public HttpSigner<AwsCredentialsIdentity> signer() {
		return this.signer;
	}

}
