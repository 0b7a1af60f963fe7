package dev.alternator.client.internal.affinity;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Hands the partition-key hashes of a write that qualifies for key-route affinity to the {@link RoutingSigner}. The
 * SDK runs this once per call, where the modelled request is still at hand; the signer, which routes every attempt,
 * only sees HTTP. The hand-over is one in-process header ({@link AffinityKeys#HEADER}) that the signer removes.
 */
public final class KeyAffinityInterceptor implements ExecutionInterceptor {

	private final AffinityKeyExtractor extractor;

	public KeyAffinityInterceptor(AffinityKeyExtractor extractor) {
		this.extractor = extractor;
	}

	@Override
	public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes executionAttributes) {
		AffinityKeys keys = this.extractor.keysOf(context.request());
		if (keys == null) {
			return context.httpRequest();
		}
		return context.httpRequest().toBuilder().putHeader(AffinityKeys.HEADER, keys.toHeader()).build();
	}

}
