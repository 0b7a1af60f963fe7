package dev.alternator.client.internal.sdk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Leaves on a request only the headers Alternator reads, to save bytes on every request: the SDK adds others
 * ({@code amz-sdk-invocation-id}, {@code amz-sdk-request}, custom headers) that Alternator ignores. Applied by the
 * {@link RoutingSigner} before it delegates to SigV4, so a removed header is never signed and a signed one is never
 * removed; the signer adds {@code Authorization}, {@code X-Amz-Date} and {@code X-Amz-Security-Token} afterwards.
 * <p>
 * The list follows ScyllaDB's Java client ({@code AlternatorConfig}: Host, X-Amz-Target, Content-Type, Content-Length,
 * Accept-Encoding, Content-Encoding, Authorization, X-Amz-Date), plus the signer's own headers and
 * {@code User-Agent}, which names the client in Alternator's {@code system.clients}.
 */
public final class HeaderTrimming {

	/** Lower-case names of the headers kept. */
	static final Set<String> KEPT = Set.of("host", "x-amz-target", "content-type", "content-length",
			"content-encoding", "accept-encoding", "user-agent", "authorization", "x-amz-date", "x-amz-security-token",
			"x-amz-content-sha256");

	/**
	 * Removes every header not on the list.
	 * @param request the request to trim
	 * @return the builder of the trimmed request
	 */
	public SdkHttpRequest.Builder trim(SdkHttpRequest.Builder request) {
		List<String> removed = new ArrayList<>();
		for (String name : request.headers().keySet()) {
			if (!KEPT.contains(name.toLowerCase(Locale.ROOT))) {
				removed.add(name);
			}
		}
		removed.forEach(request::removeHeader);
		return request;
	}

}
