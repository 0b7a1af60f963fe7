package dev.alternator.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy on loopback in front of one node that keeps a copy of the bytes the client sent, so that a test can read
 * the request headers as the node received them. It forwards the bytes unchanged: SigV4 signatures stay valid.
 */
final class RecordingProxy implements AutoCloseable {

	private final ServerSocket server;

	private final String targetHost;

	private final int targetPort;

	private final StringBuffer sent = new StringBuffer();

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final Thread acceptor;

	RecordingProxy(String targetHost, int targetPort) throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		this.acceptor = new Thread(this::accept, "recording-proxy");
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	/**
	 * The proxy's address, as a seed.
	 */
	String seed() {
		return "127.0.0.1:" + this.server.getLocalPort();
	}

	/**
	 * Every value of the header in the requests sent so far, in order.
	 */
	List<String> headerValues(String name) {
		Matcher matcher = Pattern.compile("(?im)^" + Pattern.quote(name) + ":[ \\t]*([^\\r\\n]*)").matcher(this.sent);
		List<String> values = new java.util.ArrayList<>();
		while (matcher.find()) {
			values.add(matcher.group(1));
		}
		return values;
	}

	/**
	 * Everything the clients sent, as text.
	 */
	String sentText() {
		return this.sent.toString();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				Socket node = new Socket(this.targetHost, this.targetPort);
				this.sockets.add(client);
				this.sockets.add(node);
				pump(client.getInputStream(), node.getOutputStream(), true);
				pump(node.getInputStream(), client.getOutputStream(), false);
			}
			catch (IOException ex) {
				// Closed.
			}
		}
	}

	private void pump(InputStream in, OutputStream out, boolean record) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[8192];
			try (in; out) {
				for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
					if (record) {
						this.sent.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
					}
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// One side closed.
			}
		}, "recording-proxy-pump");
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
	}

}
