package dev.alternator.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Minimal GET requests, the way a discovery client or a health probe sends them.
 */
final class Http {

	private Http() {
	}

	static Answer get(URI uri) {
		return get(uri, 2_000);
	}

	static Answer get(URI uri, int readTimeoutMillis) {
		try {
			HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
			connection.setConnectTimeout(2_000);
			connection.setReadTimeout(readTimeoutMillis);
			try {
				int status = connection.getResponseCode();
				byte[] body = ((status < 400) ? connection.getInputStream() : connection.getErrorStream())
					.readAllBytes();
				return new Answer(status, new String(body, StandardCharsets.UTF_8));
			}
			finally {
				connection.disconnect();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Answer localNodes(LocalNode node, String query) {
		return get(URI.create(node.endpoint() + "/localnodes" + ((query != null) ? "?" + query : "")));
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
