package dev.alternator.sample;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.CreateTableEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.EnhancedGlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

/**
 * The {@code products} table, created when the cluster first answers. Not in a constructor: the application starts
 * while the cluster is down (it answers 503 until then), tries again in the background every
 * {@link #RETRY_INTERVAL}, and every request tries once more if the table is not there yet.
 */
@Component
public class ProductTable implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(ProductTable.class);

	static final String NAME = "products";

	static final Duration RETRY_INTERVAL = Duration.ofSeconds(2);

	private final DynamoDbTable<Product> table;

	private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "product-table");
		thread.setDaemon(true);
		return thread;
	});

	private volatile boolean ready;

	ProductTable(DynamoDbEnhancedClient enhancedClient) {
		this.table = enhancedClient.table(NAME, TableSchema.fromBean(Product.class));
	}

	@EventListener(ApplicationReadyEvent.class)
	void createInBackground() {
		this.retries.execute(this::retryUntilReady);
	}

	private void retryUntilReady() {
		try {
			ensureExists();
		}
		catch (ClusterUnavailableException ex) {
			this.retries.schedule(this::retryUntilReady, RETRY_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	/**
	 * The table, created first if that has not succeeded yet.
	 * @return the table
	 * @throws ClusterUnavailableException if the cluster does not answer
	 */
	public DynamoDbTable<Product> get() {
		if (!this.ready) {
			ensureExists();
		}
		return this.table;
	}

	/**
	 * Whether the table is known to exist.
	 * @return {@code true} once created or found
	 */
	public boolean isReady() {
		return this.ready;
	}

	private synchronized void ensureExists() {
		if (this.ready) {
			return;
		}
		try {
			this.table.createTable(CreateTableEnhancedRequest.builder()
				.globalSecondaryIndices(EnhancedGlobalSecondaryIndex.builder()
					.indexName(Product.CATEGORY_INDEX)
					.projection((projection) -> projection.projectionType(ProjectionType.ALL))
					.build())
				.build());
			logger.info("Created table '{}' with index '{}'", NAME, Product.CATEGORY_INDEX);
		}
		catch (ResourceInUseException ex) {
			logger.debug("Table '{}' already exists", NAME);
		}
		catch (SdkException ex) {
			// Only the exception's class: its message may name internal addresses, and the cause is logged at debug.
			logger.info("Cluster not answering yet, table '{}' not created ({})", NAME, ex.getClass().getSimpleName());
			logger.debug("Table creation failed", ex);
			throw new ClusterUnavailableException("The database is not reachable yet", ex);
		}
		this.ready = true;
	}

	@Override
	public void destroy() {
		this.retries.shutdownNow();
	}

}
