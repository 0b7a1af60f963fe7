package dev.alternator.sample;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Repository;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.CreateTableEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.EnhancedGlobalSecondaryIndex;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

/**
 * Products in the {@code products} table, through the load-balancing {@link DynamoDbEnhancedClient} that the starter
 * provides. Creates the table at start-up when it is missing.
 */
@Repository
public class ProductRepository {

	private static final Logger logger = LoggerFactory.getLogger(ProductRepository.class);

	static final String TABLE = "products";

	private final DynamoDbTable<Product> table;

	ProductRepository(DynamoDbEnhancedClient enhancedClient) {
		this.table = enhancedClient.table(TABLE, TableSchema.fromBean(Product.class));
		createTableIfMissing();
	}

	private void createTableIfMissing() {
		try {
			this.table.createTable(CreateTableEnhancedRequest.builder()
				.globalSecondaryIndices(EnhancedGlobalSecondaryIndex.builder()
					.indexName(Product.CATEGORY_INDEX)
					.projection((projection) -> projection.projectionType(ProjectionType.ALL))
					.build())
				.build());
			logger.info("Created table '{}' with index '{}'", TABLE, Product.CATEGORY_INDEX);
		}
		catch (ResourceInUseException ex) {
			logger.debug("Table '{}' already exists", TABLE);
		}
	}

	void save(Product product) {
		this.table.putItem(product);
	}

	/**
	 * Replaces a product that exists, in one conditional write: no read first, no race with a concurrent delete.
	 * Conditional writes run as lightweight transactions; with key-route affinity (see application.yml) every write of
	 * one product reaches the same node.
	 * @return whether the product existed
	 */
	boolean replace(Product product) {
		try {
			this.table.putItem(PutItemEnhancedRequest.builder(Product.class)
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
		return Optional.ofNullable(this.table.getItem(Key.builder().partitionValue(id).build()));
	}

	boolean deleteById(String id) {
		return this.table.deleteItem(Key.builder().partitionValue(id).build()) != null;
	}

	List<Product> findByCategory(String category) {
		return this.table.index(Product.CATEGORY_INDEX)
			.query(QueryConditional.keyEqualTo(Key.builder().partitionValue(category).build()))
			.stream()
			.flatMap((page) -> page.items().stream())
			.toList();
	}

}
