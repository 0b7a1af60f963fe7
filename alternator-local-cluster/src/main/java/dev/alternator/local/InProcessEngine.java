package dev.alternator.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

import dev.alternator.local.engine.AlternatorEngine;
import dev.alternator.local.engine.EngineOptions;
import dev.alternator.local.engine.EngineResponse;

/**
 * The cluster's engine: an {@link AlternatorEngine} called in process, with no socket of its own.
 */
final class InProcessEngine implements DynamoDbEngine {

	private final AlternatorEngine engine;

	private final String requestIdPrefix = Long.toString(System.nanoTime() & 0xffffffffL, 36).toUpperCase() + "-";

	private final AtomicLong requestCounter = new AtomicLong();

	InProcessEngine(AlternatorEngine engine) {
		this.engine = engine;
	}

	static InProcessEngine start() {
		return new InProcessEngine(AlternatorEngine.create());
	}

	static InProcessEngine start(EngineOptions options) {
		return new InProcessEngine(AlternatorEngine.create(options));
	}

	@Override
	public HttpResponse execute(HttpRequest request) {
		String operation = AlternatorEngine.operationOf(request.header("x-amz-target"));
		EngineResponse response = this.engine.execute(operation, request.body(), request.header("host"));
		List<Map.Entry<String, String>> headers = new ArrayList<>(3);
		headers.add(Map.entry("Content-Type", EngineResponse.CONTENT_TYPE));
		// As DynamoDB does: the SDK reports the request id and checks the body against the CRC32.
		headers.add(Map.entry("x-amzn-RequestId", this.requestIdPrefix + Long.toString(
				this.requestCounter.incrementAndGet(), 36)));
		CRC32 crc = new CRC32();
		crc.update(response.body());
		headers.add(Map.entry("x-amz-crc32", Long.toString(crc.getValue())));
		return new HttpResponse(response.status(), headers, response.body());
	}

	@Override
	public void close() {
		// Stops the TTL expiry thread; in memory the data goes with the engine object, with a data directory
		// this writes a snapshot.
		this.engine.close();
	}

}
