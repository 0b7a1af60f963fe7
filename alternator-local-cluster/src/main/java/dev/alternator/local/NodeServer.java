package dev.alternator.local;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import javax.net.ssl.SSLContext;

/**
 * The sockets of one node: a listening socket on the node's own address, an accepting thread, and one
 * blocking thread per open connection. It owns every socket it opens, so that stopping can refuse new
 * connections and killing can reset the open ones.
 */
final class NodeServer {

	/**
	 * Answers one request on one connection.
	 */
	interface RequestHandler {

		/**
		 * Returns the answer, or {@code null} to give none and close the connection (the node hangs or dies).
		 */
		HttpResponse handle(HttpRequest request) throws InterruptedException;

		/**
		 * Called just before an answer is written, with the bytes the request and the answer take on the wire (a
		 * streamed body not included); for {@link RequestRecording}. Does nothing by default.
		 */
		default void answered(HttpRequest request, HttpResponse response, long requestBytes, long responseBytes) {
		}

	}

	/** How long an oversized body is discarded after its 413 before the connection closes. */
	private static final long DRAIN_TIMEOUT_MILLIS = 5_000;

	/** How much of an oversized body is discarded at most before the connection closes. */
	private static final long MAX_DRAINED_BYTES = 4L * HttpCodec.MAX_REQUEST_BODY;

	private final InetAddress address;

	private final int port;

	private final SSLContext sslContext;

	/** Whether a TLS client must present a certificate the context trusts (mutual TLS). */
	private final boolean needClientAuth;

	private final ExecutorService connectionExecutor;

	private final RequestHandler handler;

	private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();

	private volatile ServerSocket serverSocket;

	private Thread acceptor;

	NodeServer(InetAddress address, int port, SSLContext sslContext, ExecutorService connectionExecutor,
			RequestHandler handler) {
		this(address, port, sslContext, false, connectionExecutor, handler);
	}

	NodeServer(InetAddress address, int port, SSLContext sslContext, boolean needClientAuth,
			ExecutorService connectionExecutor, RequestHandler handler) {
		this.address = address;
		this.port = port;
		this.sslContext = sslContext;
		this.needClientAuth = needClientAuth;
		this.connectionExecutor = connectionExecutor;
		this.handler = handler;
	}

	/**
	 * Starts listening; does nothing when already listening.
	 */
	synchronized void start() {
		if (this.serverSocket != null) {
			return;
		}
		ServerSocket socket = bind(this.address, this.port, this.sslContext);
		if (this.needClientAuth && socket instanceof javax.net.ssl.SSLServerSocket tlsSocket) {
			tlsSocket.setNeedClientAuth(true);
		}
		this.serverSocket = socket;
		this.acceptor = new Thread(() -> acceptLoop(socket),
				"alternator-local-" + this.address.getHostAddress() + "-acceptor");
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	static ServerSocket bind(InetAddress address, int port, SSLContext sslContext) {
		ServerSocket socket = null;
		try {
			socket = (sslContext != null) ? sslContext.getServerSocketFactory().createServerSocket()
					: new ServerSocket();
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(address, port), 200);
			return socket;
		}
		catch (IOException ex) {
			closeQuietly(socket);
			throw bindFailure(address, port, ex);
		}
	}

	private static LocalClusterException bindFailure(InetAddress address, int port, IOException ex) {
		String where = address.getHostAddress() + ":" + port;
		String reason = String.valueOf(ex.getMessage());
		if (ex instanceof BindException && reason.contains("assign")) {
			return new LocalClusterException("Cannot listen on " + where + ": the address " + address.getHostAddress()
					+ " is not configured on this machine. Linux has all of 127.0.0.0/8 on loopback; on macOS add"
					+ " the alias with 'sudo ifconfig lo0 alias " + address.getHostAddress() + " up'.", ex);
		}
		if (ex instanceof BindException) {
			return new LocalClusterException("Cannot listen on " + where + ": the port is already in use. Choose"
					+ " another port, or port 0 to let the cluster pick a free one.", ex);
		}
		return new LocalClusterException("Cannot listen on " + where + ": " + reason, ex);
	}

	/**
	 * Stops listening and closes every open connection: gracefully, or with a reset when {@code reset}.
	 */
	synchronized void stop(boolean reset) {
		closeQuietly(this.serverSocket);
		this.serverSocket = null;
		for (Socket socket : this.openSockets) {
			if (reset) {
				try {
					socket.setSoLinger(true, 0);
				}
				catch (SocketException ex) {
					// already closed
				}
			}
			closeQuietly(socket);
		}
		this.openSockets.clear();
		Thread thread = this.acceptor;
		this.acceptor = null;
		if (thread != null && thread != Thread.currentThread()) {
			try {
				thread.join(5_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	boolean isListening() {
		return this.serverSocket != null;
	}

	private void acceptLoop(ServerSocket listening) {
		while (!listening.isClosed()) {
			Socket socket;
			try {
				socket = listening.accept();
			}
			catch (IOException ex) {
				return;
			}
			this.openSockets.add(socket);
			try {
				this.connectionExecutor.execute(() -> serve(socket));
			}
			catch (RejectedExecutionException ex) {
				this.openSockets.remove(socket);
				closeQuietly(socket);
				return;
			}
		}
	}

	private void serve(Socket socket) {
		try {
			socket.setTcpNoDelay(true);
			// Counted above the buffer: the bytes each request took on the wire, for RequestRecording.
			CountingInputStream in = new CountingInputStream(
					new BufferedInputStream(socket.getInputStream(), 16 * 1024));
			OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
			while (true) {
				long readBefore = in.count;
				HttpRequest request = HttpCodec.readRequest(in, out);
				if (request == null) {
					return;
				}
				long requestBytes = in.count - readBefore;
				HttpResponse response = this.handler.handle(request);
				if (response == null) {
					return;
				}
				boolean close = "close".equalsIgnoreCase(request.header("connection"));
				byte[] head = HttpCodec.responseHead(response, close);
				// Before the answer leaves: a client that reads it then looks at a recording finds the request there.
				this.handler.answered(request, response, requestBytes, head.length + (long) response.body().length);
				HttpCodec.writeResponse(out, response, head);
				if (close) {
					return;
				}
			}
		}
		catch (HttpCodec.BodyTooLargeException ex) {
			rejectOversized(socket);
		}
		catch (HttpCodec.MalformedRequestException ex) {
			try {
				HttpCodec.writeResponse(socket.getOutputStream(),
						HttpResponse.text(400, "text/plain", ex.getMessage()), true);
			}
			catch (IOException ignored) {
				// the peer is gone
			}
		}
		catch (IOException ex) {
			// The peer went away or the node was stopped: nothing to answer.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.openSockets.remove(socket);
			closeQuietly(socket);
		}
	}

	/**
	 * Answers 413 and closes the connection, since the rest of the body is never read. The unread bytes are
	 * discarded for a while first: closing a socket with unread input resets it, and the reset could reach the
	 * client before it reads the answer.
	 */
	private static void rejectOversized(Socket socket) {
		try {
			HttpCodec.writeResponse(socket.getOutputStream(), HttpResponse.payloadTooLarge(), true);
			socket.shutdownOutput();
			socket.setSoTimeout((int) DRAIN_TIMEOUT_MILLIS);
			InputStream in = socket.getInputStream();
			byte[] discard = new byte[64 * 1024];
			long deadline = System.nanoTime() + DRAIN_TIMEOUT_MILLIS * 1_000_000L;
			long drained = 0;
			int count;
			while (drained < MAX_DRAINED_BYTES && System.nanoTime() - deadline < 0 && (count = in.read(discard)) >= 0) {
				drained += count;
			}
		}
		catch (IOException | UnsupportedOperationException ex) {
			// The peer gave up or stopped sending (or a TLS socket refused the half-close): nothing more to do.
		}
	}

	/**
	 * Counts the bytes read; single-threaded, like the connection it belongs to.
	 */
	private static final class CountingInputStream extends java.io.FilterInputStream {

		long count;

		CountingInputStream(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int next = this.in.read();
			if (next >= 0) {
				this.count++;
			}
			return next;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = this.in.read(buffer, offset, length);
			if (read > 0) {
				this.count += read;
			}
			return read;
		}

	}

	private static void closeQuietly(java.io.Closeable closeable) {
		if (closeable != null) {
			try {
				closeable.close();
			}
			catch (IOException ex) {
				// nothing left to release
			}
		}
	}

}
