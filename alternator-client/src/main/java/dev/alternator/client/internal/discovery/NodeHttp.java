package dev.alternator.client.internal.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;

import dev.alternator.client.AlternatorNode;

/**
 * The load balancer's own small GET requests ({@code /localnodes} and the health probe {@code /}), outside the SDK.
 * Each one uses a fresh connection that is closed afterwards, follows no redirect (a node answers for itself), and has
 * a deadline for the whole request: a node that sends its answer one byte at a time is cut off when the deadline
 * passes, not after a read timeout per byte. {@link #close()} cuts every open request, so nothing lingers.
 */
public final class NodeHttp implements AutoCloseable {

	private static final int MAX_BODY = 1024 * 1024;

	private final SSLContext sslContext;

	private final boolean trustAll;

	private final ScheduledThreadPoolExecutor watchdog;

	private final Set<HttpURLConnection> open = ConcurrentHashMap.newKeySet();

	private volatile boolean closed;

	public NodeHttp(SSLContext sslContext, boolean trustAll, String threadName) {
		this.sslContext = sslContext;
		this.trustAll = trustAll;
		this.watchdog = new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread thread = new Thread(runnable, threadName);
			thread.setDaemon(true);
			return thread;
		});
		this.watchdog.setRemoveOnCancelPolicy(true);
	}

	/**
	 * One GET, finished within {@code timeout} or failed with an {@link IOException}.
	 */
	public Answer get(AlternatorNode node, String pathAndQuery, Duration timeout) throws IOException {
		if (this.closed) {
			throw new IOException("closed");
		}
		URI uri = URI.create(node.uri() + pathAndQuery);
		HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
		this.open.add(connection);
		// Disconnecting from another thread closes the socket, which ends a read blocked in this one.
		ScheduledFuture<?> deadline = this.watchdog.schedule(connection::disconnect, timeout.toMillis(),
				TimeUnit.MILLISECONDS);
		long started = System.nanoTime();
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
			connection.setInstanceFollowRedirects(false);
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
			if (deadline.isDone()) {
				throw new SocketTimeoutException("no complete answer within " + timeout.toMillis() + " ms");
			}
			return new Answer(status, body);
		}
		catch (IOException ex) {
			if (!(ex instanceof SocketTimeoutException)
					&& (deadline.isDone() || System.nanoTime() - started >= timeout.toNanos())) {
				throw new SocketTimeoutException("no complete answer within " + timeout.toMillis() + " ms");
			}
			throw ex;
		}
		catch (RuntimeException ex) {
			// The JDK's HttpURLConnection can fail with an unchecked exception (a NullPointerException inside
			// getResponseCode) when the deadline's disconnect lands mid-read: that is the deadline, not a bug to
			// propagate; a caller that only expects IOException would otherwise never report its result.
			if (deadline.isDone() || this.closed) {
				throw new SocketTimeoutException("no complete answer within " + timeout.toMillis() + " ms");
			}
			throw new IOException("request to " + node + " failed: " + ex, ex);
		}
		finally {
			deadline.cancel(false);
			this.open.remove(connection);
			connection.disconnect();
		}
	}

	@Override
	public void close() {
		this.closed = true;
		this.watchdog.shutdownNow();
		for (HttpURLConnection connection : this.open) {
			connection.disconnect();
		}
	}

	public static final class Answer {

		public final int status;

		public final String body;

		Answer(int status, String body) {
			this.status = status;
			this.body = body;
		}

	}

}
