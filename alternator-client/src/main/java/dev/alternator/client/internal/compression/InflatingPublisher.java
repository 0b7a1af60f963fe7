package dev.alternator.client.internal.compression;

import java.nio.ByteBuffer;

import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * An asynchronous answer body decoded from {@code deflate} on the way through. Each compressed piece becomes exactly
 * one decoded piece (maybe empty), so the subscriber's demand passes through unchanged and no buffering or demand
 * bookkeeping is needed; the end of the answer is checked before completion is passed on.
 */
final class InflatingPublisher implements Publisher<ByteBuffer> {

	private final Publisher<ByteBuffer> compressed;

	private final Long expectedCrc;

	InflatingPublisher(Publisher<ByteBuffer> compressed, Long expectedCrc) {
		this.compressed = compressed;
		this.expectedCrc = expectedCrc;
	}

	@Override
	public void subscribe(Subscriber<? super ByteBuffer> subscriber) {
		this.compressed.subscribe(new Inflating(subscriber, new DeflateDecoder(this.expectedCrc)));
	}

	private static final class Inflating implements Subscriber<ByteBuffer> {

		private final Subscriber<? super ByteBuffer> downstream;

		private final DeflateDecoder decoder;

		private Subscription upstream;

		/** Set once a failure was passed on: later signals from upstream are dropped, as the rules require. */
		private boolean done;

		Inflating(Subscriber<? super ByteBuffer> downstream, DeflateDecoder decoder) {
			this.downstream = downstream;
			this.decoder = decoder;
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			this.upstream = subscription;
			this.downstream.onSubscribe(subscription);
		}

		@Override
		public void onNext(ByteBuffer piece) {
			if (this.done) {
				return;
			}
			ByteBuffer decoded;
			try {
				decoded = this.decoder.decode(piece);
			}
			catch (RuntimeException ex) {
				this.done = true;
				this.decoder.abandon();
				this.upstream.cancel();
				this.downstream.onError(ex);
				return;
			}
			this.downstream.onNext(decoded);
		}

		@Override
		public void onError(Throwable error) {
			if (!this.done) {
				this.done = true;
				this.decoder.abandon();
				this.downstream.onError(error);
			}
		}

		@Override
		public void onComplete() {
			if (this.done) {
				return;
			}
			this.done = true;
			try {
				this.decoder.finish();
			}
			catch (RuntimeException ex) {
				this.downstream.onError(ex);
				return;
			}
			this.downstream.onComplete();
		}

	}

}
