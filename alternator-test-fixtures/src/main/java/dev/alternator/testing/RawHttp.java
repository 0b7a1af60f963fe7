package dev.alternator.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Minimal GET requests, the way a discovery client or a health probe sends them: no SDK, no signature.
 */
public final class RawHttp {

	private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

	private RawHttp() {
	}

	/**
	 * Sends a GET with a two-second read timeout.
	 * @param uri where to send it
	 * @return the status and the body, whatever the status
	 */
	public static Answer get(URI uri) {
		return get(uri, 2_000);
	}

	/**
	 * Sends a GET.
	 * @param uri where to send it
	 * @param readTimeoutMillis how long to wait for the answer
	 * @return the status and the body, whatever the status
	 * @throws UncheckedIOException when the request fails, a read timeout included
	 */
	public static Answer get(URI uri, int readTimeoutMillis) {
		try {
			HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
			connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
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

	/**
	 * Sends a GET that must succeed, with a 30-second read timeout (an application under test may answer slowly on
	 * a loaded machine).
	 * @param uri where to send it
	 * @return the body
	 * @throws AssertionError naming the URI when the status is not 200
	 */
	public static String getOk(URI uri) {
		Answer answer = get(uri, 30_000);
		assertThat(answer.status()).as("status of %s", uri).isEqualTo(200);
		return answer.body();
	}

	/**
	 * Asks a node for {@code /localnodes}, as discovery does.
	 * @param endpoint the node's endpoint
	 * @param query the query string without {@code ?} (such as {@code dc=dc2&rack=rack1}), or {@code null}
	 * @return the status and the body
	 */
	public static Answer localNodes(URI endpoint, String query) {
		return get(URI.create(endpoint + "/localnodes" + ((query != null) ? "?" + query : "")));
	}

	/**
	 * The status and body of an answer.
	 * @param status the HTTP status
	 * @param body the body, read as UTF-8
	 */
	public record Answer(int status, String body) {
	}

}
