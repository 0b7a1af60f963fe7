package dev.alternator.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

import dev.alternator.local.engine.EngineResponse;

/**
 * Answers every DynamoDB request with one fixed body, as {@link InProcessEngine} frames a real answer but without
 * running the engine: what a cluster of such nodes serves is the limit of the nodes' HTTP path, the reference a
 * benchmark holds the real engine against.
 */
final class CannedEngine implements DynamoDbEngine {

	private final byte[] body;

	private final String crc32;

	private final AtomicLong requestCounter = new AtomicLong();

	CannedEngine(byte[] body) {
		this.body = body.clone();
		CRC32 crc = new CRC32();
		crc.update(this.body);
		this.crc32 = Long.toString(crc.getValue());
	}

	@Override
	public HttpResponse execute(HttpRequest request) {
		List<Map.Entry<String, String>> headers = new ArrayList<>(3);
		headers.add(Map.entry("Content-Type", EngineResponse.CONTENT_TYPE));
		headers.add(Map.entry("x-amzn-RequestId", "CANNED-" + Long.toString(this.requestCounter.incrementAndGet(), 36)));
		headers.add(Map.entry("x-amz-crc32", this.crc32));
		return new HttpResponse(200, headers, this.body);
	}

	@Override
	public void close() {
	}

}
