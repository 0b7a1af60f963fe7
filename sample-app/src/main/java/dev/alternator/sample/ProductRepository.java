package dev.alternator.sample;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Repository;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Products in the {@code products} table, through the load-balancing {@link DynamoDbEnhancedClient} that the starter
 * provides. {@link ProductTable} creates the table when the cluster first answers.
 */
@Repository
public class ProductRepository {

	private final ProductTable table;

	ProductRepository(ProductTable table) {
		this.table = table;
	}

	void save(Product product) {
		this.table.get().putItem(product);
	}

	/**
	 * Replaces a product that exists, in one conditional write: no read first, no race with a concurrent delete.
	 * Conditional writes run as lightweight transactions; with key-route affinity (see application.yml) every write of
	 * one product reaches the same node.
	 * @return whether the product existed
	 */
	boolean replace(Product product) {
		try {
			this.table.get().putItem(PutItemEnhancedRequest.builder(Product.class)
				.item(product)
				.conditionExpression(Expression.builder().expression("attribute_exists(id)").build())
				.build());
			return true;
		}
		catch (ConditionalCheckFailedException ex) {
			return false;
		}
	}

	Optional<Product> findById(String id) {
		return Optional.ofNullable(this.table.get().getItem(Key.builder().partitionValue(id).build()));
	}

	boolean deleteById(String id) {
		return this.table.get().deleteItem(Key.builder().partitionValue(id).build()) != null;
	}

	List<Product> findByCategory(String category) {
		return this.table.get().index(Product.CATEGORY_INDEX)
			.query(QueryConditional.keyEqualTo(Key.builder().partitionValue(category).build()))
			.stream()
			.flatMap((page) -> page.items().stream())
			.toList();
	}

}
