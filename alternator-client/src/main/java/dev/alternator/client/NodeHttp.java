package dev.alternator.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;

/**
 * The load balancer's own small GET requests ({@code /localnodes} and the health probe {@code /}), outside the SDK.
 * Each one uses a fresh connection that is closed afterwards, so nothing lingers after {@code close()}.
 */
final class NodeHttp {

	private static final int MAX_BODY = 1024 * 1024;

	private final SSLContext sslContext;

	private final boolean trustAll;

	NodeHttp(SSLContext sslContext, boolean trustAll) {
		this.sslContext = sslContext;
		this.trustAll = trustAll;
	}

	Answer get(AlternatorNode node, String pathAndQuery, Duration timeout) throws IOException {
		URI uri = URI.create(node.uri() + pathAndQuery);
		HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
		try {
			if (connection instanceof HttpsURLConnection) {
				HttpsURLConnection https = (HttpsURLConnection) connection;
				if (this.sslContext != null) {
					https.setSSLSocketFactory(this.sslContext.getSocketFactory());
				}
				if (this.trustAll) {
					https.setHostnameVerifier((host, session) -> true);
				}
			}
			int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
			connection.setConnectTimeout(millis);
			connection.setReadTimeout(millis);
			connection.setUseCaches(false);
			connection.setRequestProperty("Connection", "close");
			int status = connection.getResponseCode();
			InputStream stream = (status < 400) ? connection.getInputStream() : connection.getErrorStream();
			String body = "";
			if (stream != null) {
				try (InputStream in = stream) {
					body = new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
				}
			}
			return new Answer(status, body);
		}
		finally {
			connection.disconnect();
		}
	}

	static final class Answer {

		final int status;

		final String body;

		Answer(int status, String body) {
			this.status = status;
			this.body = body;
		}

	}

}
