package dev.alternator.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Minimal in-process "nodes" that answer every DynamoDB request with one canned GetItem answer, {@code /localnodes}
 * with their own addresses and {@code GET /} with 200. They cost almost nothing, so what a benchmark against them
 * measures is the client's own cost.
 */
final class CannedNodes implements AutoCloseable {

	private static final byte[] GET_ITEM = "{\"Item\":{\"id\":{\"S\":\"k\"},\"v\":{\"S\":\"value\"}}}"
		.getBytes(StandardCharsets.UTF_8);

	private final List<HttpServer> servers = new ArrayList<>();

	private final ExecutorService executor = Executors.newFixedThreadPool(32, (runnable) -> {
		Thread thread = new Thread(runnable, "canned-node");
		thread.setDaemon(true);
		return thread;
	});

	private final int port;

	CannedNodes(int count) throws IOException {
		System.setProperty("sun.net.httpserver.nodelay", "true");
		int chosenPort = 0;
		StringBuilder addresses = new StringBuilder("[");
		for (int i = 1; i <= count; i++) {
			addresses.append((i > 1) ? "," : "").append("\"127.0.0.").append(i).append('"');
		}
		byte[] localNodes = addresses.append(']').toString().getBytes(StandardCharsets.UTF_8);
		for (int i = 1; i <= count; i++) {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0." + i, chosenPort), 512);
			chosenPort = server.getAddress().getPort();
			server.createContext("/", (exchange) -> answer(exchange, localNodes));
			server.setExecutor(this.executor);
			server.start();
			this.servers.add(server);
		}
		this.port = chosenPort;
	}

	int port() {
		return this.port;
	}

	String seed(int index) {
		return "http://127.0.0." + (index + 1) + ":" + this.port;
	}

	private static void answer(HttpExchange exchange, byte[] localNodes) throws IOException {
		exchange.getRequestBody().readAllBytes();
		byte[] body = "POST".equals(exchange.getRequestMethod()) ? GET_ITEM
				: exchange.getRequestURI().getPath().equals("/localnodes") ? localNodes
						: "healthy".getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	@Override
	public void close() {
		this.servers.forEach((server) -> server.stop(0));
		this.executor.shutdownNow();
	}

}
