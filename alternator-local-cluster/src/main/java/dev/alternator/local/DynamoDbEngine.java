package dev.alternator.local;

import java.io.IOException;
import java.net.URI;

/**
 * The DynamoDB implementation behind every node of a {@link LocalCluster}. All nodes share one engine, so
 * data written through one node is read through any other, as in a real cluster.
 */
interface DynamoDbEngine extends AutoCloseable {

	/**
	 * Executes one DynamoDB API request and returns the engine's answer.
	 * @param request the request as the node received it (signature already checked)
	 * @return the answer to send back unchanged
	 * @throws IOException when the engine cannot be reached
	 */
	HttpResponse execute(HttpRequest request) throws IOException;

	/**
	 * Where the engine can be called directly, without any node in front of it.
	 */
	URI endpoint();

	@Override
	void close();

}
