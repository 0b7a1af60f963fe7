package dev.alternator.local;

/**
 * The DynamoDB implementation behind every node of a {@link LocalCluster}. All nodes share one engine, so
 * data written through one node is read through any other, as in a real cluster.
 */
interface DynamoDbEngine extends AutoCloseable {

	/**
	 * Executes one DynamoDB API request and returns the engine's answer.
	 * @param request the request as the node received it (signature already checked)
	 * @return the answer to send back unchanged
	 */
	HttpResponse execute(HttpRequest request);

	@Override
	void close();

}
