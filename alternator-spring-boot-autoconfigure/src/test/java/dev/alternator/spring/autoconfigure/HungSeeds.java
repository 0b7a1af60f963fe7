package dev.alternator.spring.autoconfigure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Seeds that accept connections (the kernel completes the handshake into the backlog) but never read nor answer, as
 * a hung node or a black-holing proxy does.
 */
public final class HungSeeds implements AutoCloseable {

	private final List<ServerSocket> sockets = new ArrayList<>();

	/**
	 * Opens the given number of listening sockets on 127.0.0.10, 127.0.0.11, ...
	 * @param count how many seeds
	 * @throws IOException when a socket cannot be bound
	 */
	public HungSeeds(int count) throws IOException {
		for (int i = 0; i < count; i++) {
			this.sockets.add(new ServerSocket(0, 50, InetAddress.getByName("127.0.0." + (10 + i))));
		}
	}

	/**
	 * The seeds as {@code host:port}.
	 * @return one seed per socket
	 */
	public List<String> seeds() {
		return this.sockets.stream()
			.map((socket) -> socket.getInetAddress().getHostAddress() + ":" + socket.getLocalPort())
			.toList();
	}

	@Override
	public void close() throws IOException {
		for (ServerSocket socket : this.sockets) {
			socket.close();
		}
	}

}
