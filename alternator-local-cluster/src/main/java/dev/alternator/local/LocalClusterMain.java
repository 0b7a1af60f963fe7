package dev.alternator.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a {@link LocalCluster} from the command line and keeps it running until interrupted (Ctrl-C, SIGTERM);
 * {@code --help} lists the options ({@link Options#USAGE}). Standard output gets a few readable lines (the nodes and
 * the seeds to paste into a client's configuration); logs go to standard error.
 */
public final class LocalClusterMain {

	private LocalClusterMain() {
	}

	/**
	 * Parses the arguments, starts the cluster and prints its seeds.
	 * @param args the command-line arguments described by {@code --help}
	 * @throws InterruptedException when interrupted while the cluster runs
	 */
	public static void main(String[] args) throws InterruptedException {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("alternator-local-cluster: " + ex.getMessage());
			System.err.println("Run with --help for the options.");
			System.exit(2);
			return;
		}
		if (options.help) {
			System.out.println(Options.USAGE);
			return;
		}
		// Readable logs for the command line; the user's own -D settings win.
		System.getProperties().putIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
		System.getProperties().putIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
		LocalCluster cluster;
		ControlApi control;
		try {
			cluster = options.builder().start();
			control = (options.controlPort >= 0)
					? ControlApi.start(cluster, cluster.node(0).address(), options.controlPort) : null;
		}
		catch (LocalClusterException ex) {
			System.err.println("alternator-local-cluster: " + ex.getMessage());
			System.exit(1);
			return;
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			System.out.println("Stopping the local Alternator cluster...");
			System.out.flush();
			if (control != null) {
				control.close();
			}
			cluster.close();
			System.out.println("Local Alternator cluster stopped.");
			System.out.flush();
			stopped.countDown();
		}, "alternator-local-shutdown"));
		printStarted(cluster, control, options);
		stopped.await();
	}

	private static void printStarted(LocalCluster cluster, ControlApi control, Options options) {
		StringBuilder out = new StringBuilder();
		out.append("Local Alternator cluster running, ").append(cluster.nodes().size()).append(" nodes:\n");
		for (LocalNode node : cluster.nodes()) {
			out.append("  ").append(node.endpoint()).append("  ").append(node.datacenter()).append('/')
				.append(node.rack()).append('\n');
		}
		if (options.accessKeyId != null) {
			out.append("Requests must be signed (SigV4) with access key id '").append(options.accessKeyId)
				.append("' and the secret given; any region.\n");
		}
		else {
			out.append("Any credentials are accepted; any region.\n");
		}
		cluster.tls().ifPresent((tls) -> out.append("Trust this certificate:\n").append(tls.certificatePem())
			.append('\n'));
		if (control != null) {
			out.append("Control API: ").append(control.endpoint()).append("/nodes\n");
		}
		if (options.dataDirectory != null) {
			out.append("Data kept in ").append(options.dataDirectory.toAbsolutePath()).append('\n');
		}
		out.append("Seeds: ").append(String.join(",", cluster.seeds())).append('\n');
		out.append("Press Ctrl-C to stop.");
		System.out.println(out);
		System.out.flush();
	}

	static final class Options {

		static final String USAGE = """
				Usage: java -jar alternator-local-cluster-<version>-standalone.jar [options]

				Starts an Alternator-compatible cluster on loopback addresses 127.0.0.1, 127.0.0.2, ...
				(one address per node, all on the same port) and runs it until Ctrl-C.

				Options:
				  --nodes N                 number of nodes (default 3)
				  --datacenters dc1,dc2     datacenter names; nodes are spread over them round-robin (default dc1)
				  --racks rack1,rack2       rack names within each datacenter, round-robin (default rack1,rack2)
				  --port P                  the port every node listens on (default 8000; 0 for any free port)
				  --credentials KEY:SECRET  require requests signed (SigV4) with this access key id and secret;
				                            without it any credentials are accepted
				  --tls                     serve https with a generated self-signed certificate (printed at start)
				  --legacy-localnodes       make /localnodes ignore dc and rack, as ScyllaDB before 2025.1
				  --control-port P          serve the control API (kill, hang, restart, add and remove nodes) on
				                            the first node's address and port P; off unless given
				  --ttl-period SECONDS      how often expired (TTL) items are deleted (default 2)
				  --data-dir DIR            keep the data in DIR (created when missing) so that it survives a restart
				  --help                    print this text

				Example: --nodes 6 --datacenters dc1,dc2 --racks rack1,rack2,rack3 --port 8000
				Point a client at the printed seeds; it discovers the other nodes through /localnodes.
				""";

		boolean help;

		int nodes = 3;

		List<String> datacenters = List.of("dc1");

		List<String> racks = List.of("rack1", "rack2");

		int port = 8000;

		boolean legacyLocalNodes;

		boolean tls;

		String accessKeyId;

		String secretAccessKey;

		int controlPort = -1;

		int ttlPeriodSeconds = 2;

		Path dataDirectory;

		static Options parse(String[] args) {
			Options options = new Options();
			List<String> remaining = new ArrayList<>(Arrays.asList(args));
			while (!remaining.isEmpty()) {
				String argument = remaining.remove(0);
				// One option per case, so that options added by other changes merge cleanly.
				switch (argument) {
					case "--help", "-h" -> options.help = true;
					case "--nodes" -> options.nodes = number(argument, value(argument, remaining), 1, 64);
					case "--datacenters" -> options.datacenters = names(argument, value(argument, remaining));
					case "--racks" -> options.racks = names(argument, value(argument, remaining));
					case "--port" -> options.port = number(argument, value(argument, remaining), 0, 65535);
					case "--legacy-localnodes" -> options.legacyLocalNodes = true;
					case "--tls" -> options.tls = true;
					case "--credentials" -> options.credentials(value(argument, remaining));
					case "--control-port" -> options.controlPort = number(argument, value(argument, remaining), 0, 65535);
					case "--ttl-period" -> options.ttlPeriodSeconds = number(argument, value(argument, remaining), 1, 86400);
					case "--data-dir" -> options.dataDirectory = Path.of(value(argument, remaining));
					default -> throw new IllegalArgumentException("Unknown option '" + argument + "'");
				}
			}
			return options;
		}

		private void credentials(String value) {
			int colon = value.indexOf(':');
			if (colon <= 0 || colon == value.length() - 1) {
				throw new IllegalArgumentException("--credentials needs KEY:SECRET, for example 'alternator:secret'");
			}
			this.accessKeyId = value.substring(0, colon);
			this.secretAccessKey = value.substring(colon + 1);
		}

		LocalCluster.Builder builder() {
			LocalCluster.Builder builder = LocalCluster.builder()
				.port(this.port)
				.legacyLocalNodes(this.legacyLocalNodes)
				.tls(this.tls)
				.ttlScanPeriod(Duration.ofSeconds(this.ttlPeriodSeconds))
				.dataDirectory(this.dataDirectory);
			if (this.accessKeyId != null) {
				builder.credentials(this.accessKeyId, this.secretAccessKey);
			}
			for (int i = 0; i < this.nodes; i++) {
				String datacenter = this.datacenters.get(i % this.datacenters.size());
				String rack = this.racks.get((i / this.datacenters.size()) % this.racks.size());
				builder.node(datacenter, rack);
			}
			return builder;
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
