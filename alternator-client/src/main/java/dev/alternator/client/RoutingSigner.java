package dev.alternator.client;

import java.util.concurrent.CompletableFuture;

import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignedRequest;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignerProperty;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Moves each attempt to its node, then signs it for that node with SigV4. The SDK calls its signer once per attempt,
 * after endpoint resolution and interceptors (which run once per call): this is the one place where every retry can
 * go to another node with a signature valid for it.
 */
final class RoutingSigner implements HttpSigner<AwsCredentialsIdentity> {

	/**
	 * The plan of the call being signed, put into the signer properties by {@link CallPlanAuthSchemeProvider} once
	 * per call.
	 */
	static final SignerProperty<CallPlan> CALL_PLAN = SignerProperty.create(RoutingSigner.class, "CallPlan");

	private final RequestRouter router;

	private final HttpSigner<AwsCredentialsIdentity> delegate;

	RoutingSigner(RequestRouter router) {
		this(router, AwsV4HttpSigner.create());
	}

	RoutingSigner(RequestRouter router, HttpSigner<AwsCredentialsIdentity> delegate) {
		this.router = router;
		this.delegate = delegate;
	}

	@Override
	public SignedRequest sign(SignRequest<? extends AwsCredentialsIdentity> request) {
		SdkHttpRequest moved = moveToNode(request.request(), this.router.route(request.property(CALL_PLAN)));
		return this.delegate.sign(request.copy((builder) -> builder.request(moved)));
	}

	@Override
	public CompletableFuture<AsyncSignedRequest> signAsync(AsyncSignRequest<? extends AwsCredentialsIdentity> request) {
		AlternatorNode node;
		try {
			node = this.router.route(request.property(CALL_PLAN));
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		SdkHttpRequest moved = moveToNode(request.request(), node);
		return this.delegate.signAsync(request.copy((builder) -> builder.request(moved)));
	}

	private static SdkHttpRequest moveToNode(SdkHttpRequest request, AlternatorNode node) {
		return request.toBuilder().protocol(node.scheme()).host(node.host()).port(node.port()).build();
	}

}
