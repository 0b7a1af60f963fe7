package dev.alternator.local;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local, in memory and in process, reached over a pool of keep-alive connections.
 * <p>
 * DynamoDB Local binds every interface and logs each request at INFO under {@code software.amazon.dynamodb}
 * (through log4j-api, routed to SLF4J): a host application should set that logger to WARN.
 */
final class DynamoDbLocalEngine implements DynamoDbEngine {

	private static final Logger logger = LoggerFactory.getLogger(DynamoDbLocalEngine.class);

	/**
	 * DynamoDB Local wants a well-formed SigV4 header (an alphanumeric access key) but never checks the signature; with {@code -sharedDb} every key
	 * sees the same data. Nodes check client signatures themselves and forward with this one.
	 */
	private static final String ENGINE_AUTHORIZATION = "AWS4-HMAC-SHA256 "
			+ "Credential=alternatorlocal/20250101/us-east-1/dynamodb/aws4_request, "
			+ "SignedHeaders=host;x-amz-date, Signature=0000000000000000000000000000000000000000000000000000000000000000";

	private final DynamoDBProxyServer server;

	private final int port;

	private final URI endpoint;

	private final ConcurrentLinkedDeque<EngineConnection> idle = new ConcurrentLinkedDeque<>();

	private volatile boolean closed;

	private DynamoDbLocalEngine(DynamoDBProxyServer server, int port) {
		this.server = server;
		this.port = port;
		this.endpoint = URI.create("http://127.0.0.1:" + port);
	}

	static DynamoDbLocalEngine start() {
		int port = freePort();
		try {
			DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(new String[] { "-inMemory",
					"-sharedDb", "-port", String.valueOf(port), "-disableTelemetry" });
			server.start();
			logger.debug("DynamoDB Local engine listening on port {}", port);
			return new DynamoDbLocalEngine(server, port);
		}
		catch (Exception ex) {
			throw new LocalClusterException("Could not start the DynamoDB Local engine on port " + port + ": "
					+ ex.getMessage() + ". Check that DynamoDB Local " + "(software.amazon.dynamodb:DynamoDBLocal) "
					+ "and its dependencies are on the classpath.", ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new LocalClusterException("Could not find a free port for the DynamoDB Local engine", ex);
		}
	}

	@Override
	public URI endpoint() {
		return this.endpoint;
	}

	@Override
	public HttpResponse execute(HttpRequest request) throws IOException {
		List<Map.Entry<String, String>> headers = forwardedHeaders(request);
		// A pooled connection may have been closed by the engine while idle: one fresh retry covers that.
		EngineConnection connection = this.idle.pollFirst();
		if (connection != null) {
			try {
				return exchange(connection, request, headers);
			}
			catch (IOException ex) {
				connection.close();
			}
		}
		return exchange(openConnection(), request, headers);
	}

	private HttpResponse exchange(EngineConnection connection, HttpRequest request,
			List<Map.Entry<String, String>> headers) throws IOException {
		try {
			HttpCodec.writeRequest(connection.out, "POST", "/", headers, request.body());
			HttpResponse response = HttpCodec.readResponse(connection.in);
			release(connection);
			return response;
		}
		catch (IOException | RuntimeException ex) {
			connection.close();
			throw ex;
		}
	}

	private List<Map.Entry<String, String>> forwardedHeaders(HttpRequest request) {
		List<Map.Entry<String, String>> headers = new ArrayList<>(request.headers().size() + 1);
		headers.add(Map.entry("Host", "127.0.0.1:" + this.port));
		headers.add(Map.entry("Authorization", ENGINE_AUTHORIZATION));
		request.headers().forEach((name, values) -> {
			if (!HttpCodec.HOP_BY_HOP.contains(name) && !"host".equals(name) && !"authorization".equals(name)
					&& !"x-amz-security-token".equals(name)) {
				for (String value : values) {
					headers.add(Map.entry(name, value));
				}
			}
		});
		if (request.header("x-amz-date") == null) {
			headers.add(Map.entry("x-amz-date", "20250101T000000Z"));
		}
		return headers;
	}

	private EngineConnection openConnection() throws IOException {
		Socket socket = new Socket();
		try {
			socket.setTcpNoDelay(true);
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 5_000);
			socket.setSoTimeout(60_000);
			return new EngineConnection(socket);
		}
		catch (IOException ex) {
			socket.close();
			throw ex;
		}
	}

	private void release(EngineConnection connection) {
		if (this.closed) {
			connection.close();
			return;
		}
		this.idle.offerFirst(connection);
	}

	@Override
	public void close() {
		this.closed = true;
		EngineConnection connection;
		while ((connection = this.idle.pollFirst()) != null) {
			connection.close();
		}
		try {
			this.server.stop();
		}
		catch (Exception ex) {
			logger.warn("DynamoDB Local engine did not stop cleanly: {}", ex.toString());
		}
	}

	/**
	 * One keep-alive connection to the engine, used by one request at a time.
	 */
	private static final class EngineConnection {

		private final Socket socket;

		private final InputStream in;

		private final OutputStream out;

		EngineConnection(Socket socket) throws IOException {
			this.socket = socket;
			this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
			this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
		}

		void close() {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// nothing left to release
			}
		}

	}

}
