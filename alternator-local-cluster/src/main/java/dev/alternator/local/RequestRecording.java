package dev.alternator.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The requests one or more nodes received while this recording was open, with their answers and their size on the
 * wire: what a test checks when it must see the bytes a client sent (compression, headers, signatures). Made by
 * {@link LocalNode#recordRequests()} or {@link LocalCluster#recordRequests()}; holds every request until closed, so
 * keep it open only for the requests a test looks at. Thread-safe.
 */
public final class RequestRecording implements AutoCloseable {

	private final Queue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();

	private final List<Consumer<RequestRecording>> onClose = new ArrayList<>();

	private volatile boolean open = true;

	RequestRecording() {
	}

	void add(RecordedRequest request) {
		if (this.open) {
			this.requests.add(request);
		}
	}

	synchronized void onClose(Consumer<RequestRecording> action) {
		this.onClose.add(action);
	}

	/**
	 * The requests recorded so far, in the order they were answered.
	 * @return a snapshot
	 */
	public List<RecordedRequest> requests() {
		return List.copyOf(this.requests);
	}

	/**
	 * The DynamoDB API requests ({@code POST /}) recorded so far, leaving out health checks and discovery.
	 * @return a snapshot
	 */
	public List<RecordedRequest> apiRequests() {
		return this.requests.stream().filter((r) -> "POST".equals(r.method()) && "/".equals(r.path())).toList();
	}

	/**
	 * Forgets the requests recorded so far and goes on recording.
	 */
	public void clear() {
		this.requests.clear();
	}

	/**
	 * Stops recording; the requests recorded so far stay readable.
	 */
	@Override
	public void close() {
		List<Consumer<RequestRecording>> actions;
		synchronized (this) {
			this.open = false;
			actions = new ArrayList<>(this.onClose);
			this.onClose.clear();
		}
		actions.forEach((action) -> action.accept(this));
	}

}
