package dev.alternator.client.internal.sdk;

import java.util.concurrent.CompletableFuture;

import dev.alternator.client.AlternatorNode;
import dev.alternator.client.internal.affinity.AffinityKeys;
import dev.alternator.client.internal.affinity.PartitionKeyNames;
import dev.alternator.client.internal.node.NodeEntry;
import dev.alternator.client.internal.routing.CallPlan;
import dev.alternator.client.internal.routing.RequestRouter;

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
public final class RoutingSigner implements HttpSigner<AwsCredentialsIdentity> {

	/**
	 * The plan of the call being signed, put into the signer properties by {@link CallPlanAuthSchemeProvider} once
	 * per call.
	 */
	public static final SignerProperty<CallPlan> CALL_PLAN = SignerProperty.create(RoutingSigner.class, "CallPlan");

	private final RequestRouter router;

	private final PartitionKeyNames partitionKeys;

	private final HttpSigner<AwsCredentialsIdentity> delegate;

	/** Trims headers before signing; {@code null} when header trimming is off. */
	private final HeaderTrimming headerTrimming;

	/**
	 * @param partitionKeys the partition keys of key-route affinity, or {@code null} when it is off
	 */
	public RoutingSigner(RequestRouter router, PartitionKeyNames partitionKeys) {
		this(router, partitionKeys, AwsV4HttpSigner.create());
	}

	public RoutingSigner(RequestRouter router, PartitionKeyNames partitionKeys, HttpSigner<AwsCredentialsIdentity> delegate) {
		this(router, partitionKeys, delegate, null);
	}

	/**
	 * @param headerTrimming trims headers before signing, or {@code null} to send them all
	 */
	public RoutingSigner(RequestRouter router, PartitionKeyNames partitionKeys, HttpSigner<AwsCredentialsIdentity> delegate,
			HeaderTrimming headerTrimming) {
		this.router = router;
		this.partitionKeys = partitionKeys;
		this.delegate = delegate;
		this.headerTrimming = headerTrimming;
	}

	@Override
	public SignedRequest sign(SignRequest<? extends AwsCredentialsIdentity> request) {
		CallPlan plan = request.property(CALL_PLAN);
		String affinityHeader = affinity(request.request(), plan, request.identity());
		NodeEntry entry = this.router.route(plan);
		SdkHttpRequest moved = moveTo(request.request(), entry, affinityHeader);
		return this.delegate.sign(request.copy((builder) -> builder.request(moved)));
	}

	@Override
	public CompletableFuture<AsyncSignedRequest> signAsync(AsyncSignRequest<? extends AwsCredentialsIdentity> request) {
		String affinityHeader;
		NodeEntry entry;
		CallPlan plan = (request.property(CALL_PLAN) != null) ? request.property(CALL_PLAN) : new CallPlan();
		try {
			affinityHeader = affinity(request.request(), plan, request.identity());
			entry = this.router.routeNow(plan);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		if (entry == null) {
			// No node now, but one may come up soon: wait without holding the SDK's thread.
			return this.router.awaitRoute(plan)
				.thenCompose((node) -> signAsync(request, node, affinityHeader));
		}
		return signAsync(request, entry, affinityHeader);
	}

	private CompletableFuture<AsyncSignedRequest> signAsync(AsyncSignRequest<? extends AwsCredentialsIdentity> request,
			NodeEntry entry, String affinityHeader) {
		SdkHttpRequest moved = moveTo(request.request(), entry, affinityHeader);
		return this.delegate.signAsync(request.copy((builder) -> builder.request(moved)));
	}

	/**
	 * Routes the call by its partition keys when key-route affinity is on; the hand-over header's value, or
	 * {@code null}.
	 */
	private String affinity(SdkHttpRequest request, CallPlan plan, AwsCredentialsIdentity identity) {
		String affinityHeader = null;
		if (this.partitionKeys != null) {
			this.partitionKeys.signedWith(identity);
			affinityHeader = request.firstMatchingHeader(AffinityKeys.HEADER).orElse(null);
			if (affinityHeader != null && plan != null) {
				AffinityKeys keys = AffinityKeys.fromHeader(affinityHeader);
				if (keys != null) {
					plan.routeByKeys(keys);
				}
			}
		}
		return affinityHeader;
	}

	/**
	 * The request moved to the attempt's node, without the key-affinity hand-over header.
	 */
	private SdkHttpRequest moveTo(SdkHttpRequest request, NodeEntry entry, String affinityHeader) {
		AlternatorNode node = entry.node;
		// An IPv6 literal goes in brackets: the SDK builds the attempt's URI and Host header from this host.
		SdkHttpRequest.Builder moved = request.toBuilder()
			.protocol(node.scheme())
			.host(entry.attemptHost)
			.port(node.port());
		if (affinityHeader != null) {
			moved.removeHeader(AffinityKeys.HEADER);
		}
		if (this.headerTrimming != null) {
			// Before SigV4 signs: a trimmed header is never signed, a signed one never trimmed.
			this.headerTrimming.trim(moved);
		}
		return moved.build();
	}

}
