package dev.alternator.local;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks AWS Signature Version 4 on requests as Alternator does when it enforces authorization: the signature
 * must be computed over the request exactly as received, including the {@code Host} header, and that header
 * must name the node the request arrived at.
 */
final class SigV4Verifier {

	private static final String ALGORITHM = "AWS4-HMAC-SHA256";

	private final String accessKeyId;

	private static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

	private final byte[] secretKey;

	SigV4Verifier(String accessKeyId, String secretAccessKey) {
		this.accessKeyId = accessKeyId;
		this.secretKey = ("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Returns {@code null} when the request is correctly signed for {@code expectedHost}, else an error response.
	 */
	HttpResponse verify(HttpRequest request, String expectedHost) {
		String authorization = request.header("authorization");
		if (authorization == null || !authorization.startsWith(ALGORITHM + " ")) {
			return HttpResponse.dynamoDbError(400, "MissingAuthenticationTokenException",
					"Request is missing a SigV4 Authorization header");
		}
		String credential = null;
		String signedHeaders = null;
		String signature = null;
		for (String part : authorization.substring(ALGORITHM.length() + 1).split(",")) {
			String trimmed = part.trim();
			if (trimmed.startsWith("Credential=")) {
				credential = trimmed.substring("Credential=".length());
			}
			else if (trimmed.startsWith("SignedHeaders=")) {
				signedHeaders = trimmed.substring("SignedHeaders=".length());
			}
			else if (trimmed.startsWith("Signature=")) {
				signature = trimmed.substring("Signature=".length());
			}
		}
		if (credential == null || signedHeaders == null || signature == null) {
			return HttpResponse.dynamoDbError(400, "IncompleteSignatureException",
					"Authorization header lacks Credential, SignedHeaders or Signature");
		}
		String[] scope = credential.split("/");
		if (scope.length != 5 || !"aws4_request".equals(scope[4])) {
			return HttpResponse.dynamoDbError(400, "IncompleteSignatureException", "Malformed credential scope");
		}
		if (!this.accessKeyId.equals(scope[0])) {
			return HttpResponse.dynamoDbError(400, "UnrecognizedClientException",
					"The security token included in the request is invalid (unknown access key)");
		}
		String host = request.header("host");
		if (host == null || !host.equalsIgnoreCase(expectedHost)) {
			return HttpResponse.dynamoDbError(400, "InvalidSignatureException",
					"The request was signed for host '" + host + "' but arrived at '" + expectedHost + "'");
		}
		List<String> signedNames = Arrays.asList(signedHeaders.split(";"));
		if (!signedNames.contains("host")) {
			return HttpResponse.dynamoDbError(400, "InvalidSignatureException", "The Host header is not signed");
		}
		String amzDate = request.header("x-amz-date");
		if (amzDate == null) {
			return HttpResponse.dynamoDbError(400, "IncompleteSignatureException", "Missing X-Amz-Date header");
		}
		String expected = sign(request, signedNames, signedHeaders, amzDate, scope);
		if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII))) {
			return HttpResponse.dynamoDbError(400, "InvalidSignatureException",
					"The request signature we calculated does not match the signature you provided");
		}
		return null;
	}

	private String sign(HttpRequest request, List<String> signedNames, String signedHeaders, String amzDate,
			String[] scope) {
		StringBuilder canonical = new StringBuilder(512);
		canonical.append(request.method()).append('\n');
		canonical.append(request.path().isEmpty() ? "/" : request.path()).append('\n');
		canonical.append(canonicalQuery(request.rawQuery())).append('\n');
		for (String name : signedNames) {
			List<String> values = request.headers().getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
			List<String> normalized = new ArrayList<>(values.size());
			for (String value : values) {
				normalized.add(value.trim().replaceAll(" +", " "));
			}
			canonical.append(name).append(':').append(String.join(",", normalized)).append('\n');
		}
		canonical.append('\n').append(signedHeaders).append('\n');
		// Hash the body as received, so that a changed body cannot ride on a claimed x-amz-content-sha256.
		String claimedPayloadHash = request.header("x-amz-content-sha256");
		canonical.append(UNSIGNED_PAYLOAD.equals(claimedPayloadHash) ? UNSIGNED_PAYLOAD : hex(sha256(request.body())));
		String credentialScope = scope[1] + "/" + scope[2] + "/" + scope[3] + "/" + scope[4];
		String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + credentialScope + "\n"
				+ hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
		byte[] key = hmac(this.secretKey, scope[1]);
		key = hmac(key, scope[2]);
		key = hmac(key, scope[3]);
		key = hmac(key, scope[4]);
		return hex(hmac(key, stringToSign));
	}

	private static String canonicalQuery(String rawQuery) {
		if (rawQuery.isEmpty()) {
			return "";
		}
		String[] pairs = rawQuery.split("&");
		Arrays.sort(pairs);
		return String.join("&", pairs);
	}

	private static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] hmac(byte[] key, String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

	@Override
	public String toString() {
		return "SigV4Verifier[accessKeyId=" + this.accessKeyId + ", secretAccessKey=******]";
	}

}
