package dev.alternator.benchmarks;

import java.net.URI;

import dev.alternator.client.AlternatorLoadBalancer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The client a JMH benchmark sends its GetItem and PutItem through: the plain SDK client pinned to one node, or the
 * load-balanced one with its load balancer, closed together.
 * @param dynamoDb the client
 * @param loadBalancer its load balancer, or {@code null} for the plain client
 */
record BenchmarkTarget(DynamoDbClient dynamoDb, AlternatorLoadBalancer loadBalancer) implements AutoCloseable {

	/** The plain SDK client, pinned to the seed. */
	static BenchmarkTarget plain(String seed) {
		return new BenchmarkTarget(Clients.plain(URI.create(seed)), null);
	}

	/** The load-balanced client, spread over every node discovered from the seed. */
	static BenchmarkTarget balanced(String seed) {
		AlternatorLoadBalancer loadBalancer = Clients.loadBalancer(seed);
		return new BenchmarkTarget(Clients.loadBalanced(loadBalancer), loadBalancer);
	}

	/** Creates the benchmark's table and its one item (see {@link Clients#createTable}). */
	void createTable(String table) {
		Clients.createTable(this.dynamoDb, table);
	}

	/** Reads the benchmark's item. */
	Object getItem(String table) {
		return this.dynamoDb.getItem((get) -> get.tableName(table).key(Clients.KEY));
	}

	/** Overwrites the benchmark's item. */
	Object putItem(String table) {
		return this.dynamoDb.putItem((put) -> put.tableName(table).item(Clients.ITEM));
	}

	@Override
	public void close() {
		this.dynamoDb.close();
		if (this.loadBalancer != null) {
			this.loadBalancer.close();
		}
	}

}
