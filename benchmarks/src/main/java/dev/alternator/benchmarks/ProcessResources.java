package dev.alternator.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.sun.management.GarbageCollectorMXBean;
import com.sun.management.GcInfo;
import com.sun.management.UnixOperatingSystemMXBean;

/**
 * What this JVM holds right now that a leak would make grow: live threads, open file descriptors (sockets
 * included), sockets alone, and heap used after a full garbage collection.
 * @param threads live threads, daemon threads included
 * @param fileDescriptors open file descriptors of the process, -1 where the platform does not tell (Windows)
 * @param sockets open sockets of the process, -1 where {@code /proc/self/fd} does not exist (all but Linux)
 * @param heapAfterGcBytes heap in use right after the collection {@link #read()} asked for
 */
record ProcessResources(int threads, long fileDescriptors, long sockets, long heapAfterGcBytes) {

	private static final Path OPEN_FILES = Path.of("/proc/self/fd");

	/**
	 * Takes a reading; runs {@link System#gc()}, which stops the JVM for some tens of milliseconds.
	 */
	static ProcessResources read() {
		OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
		long fileDescriptors = (os instanceof UnixOperatingSystemMXBean unix) ? unix.getOpenFileDescriptorCount() : -1;
		return new ProcessResources(ManagementFactory.getThreadMXBean().getThreadCount(), fileDescriptors, openSockets(),
				heapAfterGc());
	}

	double heapAfterGcMegabytes() {
		return this.heapAfterGcBytes / (1024.0 * 1024.0);
	}

	/**
	 * Heap in use as the collector itself reported it at the end of the collection. Reading the heap a moment after
	 * {@code System.gc()} returns would also count what the load threads allocated in between: at some hundred MB per
	 * second on a loaded machine, one such reading came out ten times too high. The smallest after-collection figure
	 * of the collections since the call is the live set (a young collection right after the full one can only add).
	 */
	private static long heapAfterGc() {
		long calledAt = ManagementFactory.getRuntimeMXBean().getUptime();
		System.gc();
		List<String> heapPools = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.map(MemoryPoolMXBean::getName)
			.toList();
		long smallest = Long.MAX_VALUE;
		for (GarbageCollectorMXBean collector : ManagementFactory.getPlatformMXBeans(GarbageCollectorMXBean.class)) {
			GcInfo last = collector.getLastGcInfo();
			if (last != null && last.getStartTime() >= calledAt) {
				smallest = Math.min(smallest, used(last.getMemoryUsageAfterGc(), heapPools));
			}
		}
		// No collection seen (for example with -XX:+DisableExplicitGC): the plain reading is all there is.
		return (smallest != Long.MAX_VALUE) ? smallest : ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static long used(Map<String, MemoryUsage> usageByPool, List<String> heapPools) {
		long used = 0;
		for (String pool : heapPools) {
			MemoryUsage usage = usageByPool.get(pool);
			if (usage != null) {
				used += usage.getUsed();
			}
		}
		return used;
	}

	private static long openSockets() {
		if (!Files.isDirectory(OPEN_FILES)) {
			return -1;
		}
		long sockets = 0;
		try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(OPEN_FILES)) {
			for (Path descriptor : descriptors) {
				try {
					if (Files.readSymbolicLink(descriptor).toString().startsWith("socket:")) {
						sockets++;
					}
				}
				catch (IOException ex) {
					// Closed between listing and reading: not open any more.
				}
			}
		}
		catch (IOException ex) {
			return -1;
		}
		return sockets;
	}

}
