package dev.alternator.client.internal.node;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.alternator.client.AlternatorListener;
import dev.alternator.client.AlternatorNode;
import dev.alternator.client.AttemptResult;
import dev.alternator.client.RoutingScope;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered listeners, called one after the other; a failing listener is logged and skipped: at WARN the first
 * time, at DEBUG afterwards, since per-attempt events would otherwise flood the log.
 */
public final class Listeners implements AlternatorListener {

	private static final Logger logger = LoggerFactory.getLogger(Listeners.class);

	private final List<AlternatorListener> listeners = new CopyOnWriteArrayList<>();

	/** The listeners whose failure was logged at WARN already. */
	private final Set<AlternatorListener> reported = ConcurrentHashMap.newKeySet();

	public void add(AlternatorListener listener) {
		this.listeners.add(listener);
	}

	public void remove(AlternatorListener listener) {
		this.listeners.remove(listener);
		this.reported.remove(listener);
	}

	private void failed(AlternatorListener listener, RuntimeException ex) {
		if (this.reported.add(listener)) {
			logger.warn("Alternator listener {} failed (later failures of this listener are logged at DEBUG): {}",
					listener, ex.toString(), ex);
		}
		else {
			logger.debug("Alternator listener {} failed: {}", listener, ex.toString());
		}
	}

	private void each(java.util.function.Consumer<AlternatorListener> call) {
		for (AlternatorListener listener : this.listeners) {
			try {
				call.accept(listener);
			}
			catch (RuntimeException ex) {
				failed(listener, ex);
			}
		}
	}

	@Override
	public void requestRouted(AlternatorNode node, int attempt) {
		// The hot path: a plain loop, so that no capturing lambda is allocated per request.
		for (AlternatorListener listener : this.listeners) {
			try {
				listener.requestRouted(node, attempt);
			}
			catch (RuntimeException ex) {
				failed(listener, ex);
			}
		}
	}

	@Override
	public void attemptStarted(AlternatorNode node, String operation) {
		// The hot path, like requestRouted.
		for (AlternatorListener listener : this.listeners) {
			try {
				listener.attemptStarted(node, operation);
			}
			catch (RuntimeException ex) {
				failed(listener, ex);
			}
		}
	}

	@Override
	public void attemptEnded(AttemptResult result) {
		for (AlternatorListener listener : this.listeners) {
			try {
				listener.attemptEnded(result);
			}
			catch (RuntimeException ex) {
				failed(listener, ex);
			}
		}
	}

	/**
	 * Whether any listener is registered: without one, attempts need not build their results.
	 */
	public boolean isEmpty() {
		return this.listeners.isEmpty();
	}

	@Override
	public void requestFailed(AlternatorNode node, Throwable cause) {
		each((listener) -> listener.requestFailed(node, cause));
	}

	@Override
	public void retryMovedToAnotherNode(AlternatorNode from, AlternatorNode to) {
		each((listener) -> listener.retryMovedToAnotherNode(from, to));
	}

	@Override
	public void nodeDown(AlternatorNode node, String reason) {
		each((listener) -> listener.nodeDown(node, reason));
	}

	@Override
	public void nodeUp(AlternatorNode node) {
		each((listener) -> listener.nodeUp(node));
	}

	@Override
	public void nodesChanged(List<AlternatorNode> liveNodes) {
		each((listener) -> listener.nodesChanged(liveNodes));
	}

	@Override
	public void scopeChanged(RoutingScope activeScope) {
		each((listener) -> listener.scopeChanged(activeScope));
	}

	@Override
	public void discoveryCompleted(AlternatorNode contacted, Duration took) {
		each((listener) -> listener.discoveryCompleted(contacted, took));
	}

	@Override
	public void discoveryFailed(AlternatorNode contacted, String error) {
		each((listener) -> listener.discoveryFailed(contacted, error));
	}

}
