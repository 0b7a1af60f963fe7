package dev.alternator.local;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Controls a running cluster from outside its JVM, for tests written in any language: plain JSON over HTTP on a
 * loopback address and a port of its own, apart from the nodes' DynamoDB API.
 * <pre>
 * GET    /nodes                              every node: address, endpoint, datacenter, rack, state
 * POST   /nodes?dc=D&amp;rack=R[&amp;address=A]     adds a node
 * DELETE /nodes/{address}                    removes a node
 * POST   /nodes/{address}/stop | kill | hang | restart | hang-api | clear-faults
 * POST   /nodes/{address}/joining?seconds=S  marks the node joining for S seconds (default 30)
 * </pre>
 * Every answer is a JSON object; errors carry {@code {"error": "..."}} with 400, 404 or 405.
 */
final class ControlApi implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ControlApi.class);

	private final LocalCluster cluster;

	private final HttpServer server;

	private final ExecutorService executor;

	private ControlApi(LocalCluster cluster, HttpServer server, ExecutorService executor) {
		this.cluster = cluster;
		this.server = server;
		this.executor = executor;
	}

	/**
	 * Starts serving on {@code address}, which must be a loopback address, and {@code port} (0 for any free one).
	 */
	static ControlApi start(LocalCluster cluster, String address, int port) {
		try {
			InetAddress inet = InetAddress.getByName(LocalCluster.requireLoopbackLiteral(address));
			HttpServer server = HttpServer.create(new InetSocketAddress(inet, port), 16);
			// One thread is enough: control calls are rare, and it keeps them in order.
			ExecutorService executor = Executors
				.newSingleThreadExecutor(new LocalCluster.NamedDaemonThreads("alternator-local-control-"));
			ControlApi api = new ControlApi(cluster, server, executor);
			server.createContext("/", api::handle);
			server.setExecutor(executor);
			server.start();
			logger.info("Control API listening on {}", api.endpoint());
			return api;
		}
		catch (IOException ex) {
			throw new LocalClusterException("Cannot start the control API on " + address + ":" + port + ": "
					+ ex.getMessage(), ex);
		}
	}

	/**
	 * Where the control API answers, for example {@code http://127.0.0.1:9000}.
	 */
	URI endpoint() {
		InetSocketAddress bound = this.server.getAddress();
		String host = bound.getAddress().getHostAddress();
		return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort());
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try {
			Answer answer;
			try {
				answer = route(exchange.getRequestMethod(), exchange.getRequestURI());
			}
			catch (IllegalArgumentException | IllegalStateException | LocalClusterException ex) {
				answer = Answer.error(400, ex.getMessage());
			}
			byte[] body = answer.json.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(answer.status, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
		finally {
			exchange.close();
		}
	}

	private Answer route(String method, URI uri) {
		List<String> segments = List.of(uri.getPath().replaceAll("^/+|/+$", "").split("/+"));
		Map<String, String> query = new HttpRequest("GET", uri.getRawPath() + ((uri.getRawQuery() != null)
				? "?" + uri.getRawQuery() : ""), Map.of(), new byte[0]).queryParameters();
		if (segments.isEmpty() || !"nodes".equals(segments.get(0))) {
			return Answer.error(404, "Unknown path " + uri.getPath() + "; see GET /nodes");
		}
		if (segments.size() == 1) {
			if ("GET".equals(method)) {
				return new Answer(200, nodesJson());
			}
			if ("POST".equals(method)) {
				String datacenter = query.getOrDefault("dc", "dc1");
				String rack = query.getOrDefault("rack", "rack1");
				String address = query.get("address");
				LocalNode node = (address != null) ? this.cluster.addNode(datacenter, rack, address)
						: this.cluster.addNode(datacenter, rack);
				return new Answer(200, nodeJson(node));
			}
			return Answer.error(405, "Use GET or POST on /nodes");
		}
		LocalNode node = find(segments.get(1));
		if (node == null) {
			return Answer.error(404, "No node with address " + segments.get(1));
		}
		if (segments.size() == 2) {
			if ("GET".equals(method)) {
				return new Answer(200, nodeJson(node));
			}
			if ("DELETE".equals(method)) {
				this.cluster.removeNode(node);
				return new Answer(200, "{\"removed\":\"" + node.address() + "\"}");
			}
			return Answer.error(405, "Use GET or DELETE on /nodes/{address}");
		}
		if (segments.size() != 3) {
			return Answer.error(404, "Unknown path " + uri.getPath());
		}
		if (!"POST".equals(method)) {
			return Answer.error(405, "Use POST for node actions");
		}
		switch (segments.get(2)) {
			case "stop" -> node.stop();
			case "kill" -> node.kill();
			case "hang" -> node.hang();
			case "restart" -> node.restart();
			case "hang-api" -> node.hangApiRequests();
			case "clear-faults" -> node.clearFaults();
			case "joining" -> node.joining(Duration.ofSeconds(seconds(query.getOrDefault("seconds", "30"))));
			default -> {
				return Answer.error(404, "Unknown action '" + segments.get(2)
						+ "'; use stop, kill, hang, restart, hang-api, clear-faults or joining");
			}
		}
		return new Answer(200, nodeJson(node));
	}

	private static long seconds(String value) {
		try {
			long seconds = Long.parseLong(value);
			if (seconds >= 0) {
				return seconds;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException("seconds must be a whole number of seconds, was '" + value + "'");
	}

	private LocalNode find(String address) {
		String wanted = address.startsWith("[") ? address.substring(1, address.length() - 1) : address;
		for (LocalNode node : this.cluster.nodes()) {
			if (node.address().equals(wanted)) {
				return node;
			}
		}
		return null;
	}

	private String nodesJson() {
		StringBuilder json = new StringBuilder("{\"nodes\":[");
		List<LocalNode> nodes = this.cluster.nodes();
		for (int i = 0; i < nodes.size(); i++) {
			json.append((i > 0) ? "," : "").append(nodeJson(nodes.get(i)));
		}
		return json.append("]}").toString();
	}

	private static String nodeJson(LocalNode node) {
		// Addresses, names and states are plain ASCII without quotes: no escaping is needed beyond the names.
		return "{\"address\":\"" + node.address() + "\",\"endpoint\":\"" + node.endpoint() + "\",\"datacenter\":\""
				+ escape(node.datacenter()) + "\",\"rack\":\"" + escape(node.rack()) + "\",\"state\":\"" + node.state()
				+ "\"}";
	}

	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"");
	}

	private record Answer(int status, String json) {

		static Answer error(int status, String message) {
			return new Answer(status, "{\"error\":\"" + escape(String.valueOf(message)) + "\"}");
		}

	}

}
