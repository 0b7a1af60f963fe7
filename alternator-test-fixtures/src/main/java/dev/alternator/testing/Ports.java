package dev.alternator.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * A socket-leak check: a port that a closed server released can be bound again.
 */
public final class Ports {

	private Ports() {
	}

	/**
	 * Binds the port on each address and releases it again.
	 * @param port the port
	 * @param addresses the local addresses (such as {@code 127.0.0.2})
	 * @throws UncheckedIOException naming the address where the port is still taken
	 */
	public static void assertFree(int port, String... addresses) {
		for (String address : addresses) {
			try (ServerSocket socket = new ServerSocket()) {
				socket.bind(new InetSocketAddress(address, port));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("port " + port + " still taken on " + address, ex);
			}
		}
	}

}
