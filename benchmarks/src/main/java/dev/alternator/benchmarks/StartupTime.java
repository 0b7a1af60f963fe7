package dev.alternator.benchmarks;

import dev.alternator.local.LocalCluster;

/**
 * Prints how long a three-node local cluster takes to start in this (fresh) JVM, and to close.
 * {@code java -cp ... dev.alternator.benchmarks.StartupTime}
 */
public final class StartupTime {

	private StartupTime() {
	}

	/**
	 * Starts and closes one cluster, printing both times.
	 * @param args none
	 */
	public static void main(String[] args) {
		long started = System.nanoTime();
		LocalCluster cluster = LocalCluster.start();
		long up = System.nanoTime();
		cluster.close();
		long closed = System.nanoTime();
		System.out.printf("3-node local cluster: start %d ms, close %d ms (fresh JVM)%n", (up - started) / 1_000_000,
				(closed - up) / 1_000_000);
	}

}
