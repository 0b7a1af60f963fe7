package dev.alternator.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.alternator.local.engine.AlternatorEngine;
import dev.alternator.local.engine.EngineResponse;

/**
 * The cluster's engine: an {@link AlternatorEngine} called in process, with no socket of its own.
 */
final class InProcessEngine implements DynamoDbEngine {

	private final AlternatorEngine engine;

	InProcessEngine(AlternatorEngine engine) {
		this.engine = engine;
	}

	static InProcessEngine start() {
		return new InProcessEngine(AlternatorEngine.create());
	}

	@Override
	public HttpResponse execute(HttpRequest request) {
		String operation = AlternatorEngine.operationOf(request.header("x-amz-target"));
		EngineResponse response = this.engine.execute(operation, request.body());
		List<Map.Entry<String, String>> headers = new ArrayList<>(1);
		headers.add(Map.entry("Content-Type", EngineResponse.CONTENT_TYPE));
		return new HttpResponse(response.status(), headers, response.body());
	}

	@Override
	public void close() {
		// Nothing to release: the data goes with the engine object.
	}

}
