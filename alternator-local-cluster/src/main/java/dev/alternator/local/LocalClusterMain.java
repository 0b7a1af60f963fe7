package dev.alternator.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a {@link LocalCluster} from the command line and keeps it running until interrupted (Ctrl-C).
 * <pre>
 * --nodes N              number of nodes (default 3)
 * --datacenters a,b      datacenter names; nodes are spread over them round-robin (default dc1)
 * --racks r1,r2          rack names within each datacenter, round-robin (default rack1,rack2)
 * --port P               the port every node listens on (default 8000; 0 for any free port)
 * --legacy-localnodes    make /localnodes ignore dc and rack, as ScyllaDB before 2025.1
 * --tls                  serve https with a generated self-signed certificate
 * --data-dir DIR         keep the data in DIR (created when missing) so that it survives a restart
 * </pre>
 */
public final class LocalClusterMain {

	private LocalClusterMain() {
	}

	/**
	 * Parses the arguments, starts the cluster and prints its seeds.
	 * @param args the command-line arguments described in the class documentation
	 * @throws InterruptedException when interrupted while the cluster runs
	 */
	public static void main(String[] args) throws InterruptedException {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("alternator-local-cluster: " + ex.getMessage());
			System.err.println(Options.USAGE);
			System.exit(2);
			return;
		}
		LocalCluster.Builder builder = LocalCluster.builder()
			.port(options.port)
			.legacyLocalNodes(options.legacyLocalNodes)
			.tls(options.tls)
			.dataDirectory(options.dataDirectory);
		for (int i = 0; i < options.nodes; i++) {
			String datacenter = options.datacenters.get(i % options.datacenters.size());
			String rack = options.racks.get((i / options.datacenters.size()) % options.racks.size());
			builder.node(datacenter, rack);
		}
		LocalCluster cluster = builder.start();
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			cluster.close();
			stopped.countDown();
		}, "alternator-local-shutdown"));
		System.out.println("Local Alternator cluster running. Nodes:");
		for (LocalNode node : cluster.nodes()) {
			System.out.println("  " + node.endpoint() + "  " + node.datacenter() + "/" + node.rack());
		}
		System.out.println("Seeds: " + String.join(",", cluster.seeds()));
		if (options.dataDirectory != null) {
			System.out.println("Data kept in " + options.dataDirectory.toAbsolutePath());
		}
		cluster.tls().ifPresent((tls) -> System.out.println("Trust this certificate:\n" + tls.certificatePem()));
		System.out.println("Press Ctrl-C to stop.");
		stopped.await();
	}

	static final class Options {

		static final String USAGE = "Usage: [--nodes N] [--datacenters dc1,dc2] [--racks rack1,rack2] [--port P]"
				+ " [--legacy-localnodes] [--tls] [--data-dir DIR]";

		int nodes = 3;

		List<String> datacenters = List.of("dc1");

		List<String> racks = List.of("rack1", "rack2");

		int port = 8000;

		boolean legacyLocalNodes;

		boolean tls;

		Path dataDirectory;

		static Options parse(String[] args) {
			Options options = new Options();
			List<String> remaining = new ArrayList<>(Arrays.asList(args));
			while (!remaining.isEmpty()) {
				String argument = remaining.remove(0);
				switch (argument) {
					case "--nodes":
						options.nodes = number(argument, value(argument, remaining), 1, 64);
						break;
					case "--datacenters":
						options.datacenters = names(argument, value(argument, remaining));
						break;
					case "--racks":
						options.racks = names(argument, value(argument, remaining));
						break;
					case "--port":
						options.port = number(argument, value(argument, remaining), 0, 65535);
						break;
					case "--legacy-localnodes":
						options.legacyLocalNodes = true;
						break;
					case "--tls":
						options.tls = true;
						break;
					case "--data-dir":
						options.dataDirectory = Path.of(value(argument, remaining));
						break;
					default:
						throw new IllegalArgumentException("Unknown option '" + argument + "'");
				}
			}
			return options;
		}

		private static String value(String option, List<String> remaining) {
			if (remaining.isEmpty()) {
				throw new IllegalArgumentException(option + " needs a value");
			}
			return remaining.remove(0);
		}

		private static int number(String option, String value, int min, int max) {
			try {
				int number = Integer.parseInt(value);
				if (number >= min && number <= max) {
					return number;
				}
			}
			catch (NumberFormatException ex) {
				// reported below
			}
			throw new IllegalArgumentException(option + " must be a number from " + min + " to " + max + ", was '"
					+ value + "'");
		}

		private static List<String> names(String option, String value) {
			List<String> names = new ArrayList<>();
			for (String name : value.split(",")) {
				if (!name.isBlank()) {
					names.add(name.trim());
				}
			}
			if (names.isEmpty()) {
				throw new IllegalArgumentException(option + " needs at least one name, for example 'dc1,dc2'");
			}
			return names;
		}

	}

}
