package dev.alternator.client.internal.affinity;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.ResolveIdentityRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The partition-key attribute of each table, for key-route affinity: the configured ones, and the others looked up
 * with {@code DescribeTable} in the background the first time a write to the table needs one. Until a table's key is
 * known its writes go to the next node in turn; a lookup never delays a request.
 * <p>
 * Lookups are signed with the credentials of the application's own requests, as the {@link RoutingSigner} last saw
 * them, by a {@link DynamoDbClient} this load balancer creates on first need. A table that does not exist or may not
 * be described is not asked again for five minutes; other failures wait a second.
 */
public final class PartitionKeyNames implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(PartitionKeyNames.class);

	public static final long PERMANENT_FAILURE_PAUSE_NANOS = TimeUnit.MINUTES.toNanos(5);

	public static final long TRANSIENT_FAILURE_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final Map<String, String> names = new ConcurrentHashMap<>();

	private final Set<String> wanted = ConcurrentHashMap.newKeySet();

	private final Set<String> inProgress = ConcurrentHashMap.newKeySet();

	private final Map<String, Long> pausedUntil = new ConcurrentHashMap<>();

	private final Function<IdentityProvider<AwsCredentialsIdentity>, DynamoDbClient> clientFactory;

	private final String threadName;

	private final Object lifecycle = new Object();

	private volatile AwsCredentialsIdentity identity;

	private ExecutorService executor;

	private DynamoDbClient client;

	private boolean closed;

	/**
	 * @param configured table name to partition-key attribute; never looked up
	 * @param clientFactory builds the client that runs lookups, given the credentials to sign them with
	 * @param threadName the name of the lookup thread
	 */
	public PartitionKeyNames(Map<String, String> configured,
			Function<IdentityProvider<AwsCredentialsIdentity>, DynamoDbClient> clientFactory, String threadName) {
		this.names.putAll(configured);
		this.clientFactory = clientFactory;
		this.threadName = threadName;
	}

	/**
	 * The partition-key attribute of {@code table}, or {@code null} while unknown (a lookup is then wanted).
	 */
	public String partitionKey(String table) {
		String name = this.names.get(table);
		if (name == null) {
			Long until = this.pausedUntil.get(table);
			if (until == null || System.nanoTime() - until >= 0) {
				this.wanted.add(table);
			}
		}
		return name;
	}

	/**
	 * Called with the credentials of every request the routing signer signs; starts the lookups wanted so far.
	 */
	public void signedWith(AwsCredentialsIdentity identity) {
		if (identity != null && identity != this.identity) {
			this.identity = identity;
		}
		if (!this.wanted.isEmpty() && this.identity != null) {
			startLookups();
		}
	}

	/**
	 * The partition keys known so far, by table.
	 */
	public Map<String, String> known() {
		return new TreeMap<>(this.names);
	}

	private void startLookups() {
		synchronized (this.lifecycle) {
			if (this.closed) {
				return;
			}
			if (this.executor == null) {
				ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS,
						new LinkedBlockingQueue<>(), (runnable) -> {
							Thread thread = new Thread(runnable, this.threadName);
							thread.setDaemon(true);
							return thread;
						});
				executor.allowCoreThreadTimeOut(true);
				this.executor = executor;
			}
			for (String table : this.wanted) {
				this.wanted.remove(table);
				if (!this.names.containsKey(table) && this.inProgress.add(table)) {
					this.executor.execute(() -> lookUp(table));
				}
			}
		}
	}

	private void lookUp(String table) {
		try {
			DescribeTableResponse response = client().describeTable((request) -> request.tableName(table));
			String name = partitionKeyOf(response);
			if (name != null) {
				this.names.put(table, name);
				this.pausedUntil.remove(table);
				logger.info("Alternator key-route affinity: table '{}' is partitioned by '{}'", table, name);
			}
			else {
				pause(table, PERMANENT_FAILURE_PAUSE_NANOS, "its description has no HASH key");
			}
		}
		catch (ResourceNotFoundException ex) {
			pause(table, PERMANENT_FAILURE_PAUSE_NANOS, "it does not exist");
		}
		catch (DynamoDbException ex) {
			int status = ex.statusCode();
			boolean permanent = status == 403 || (status >= 400 && status < 500 && status != 429);
			pause(table, permanent ? PERMANENT_FAILURE_PAUSE_NANOS : TRANSIENT_FAILURE_PAUSE_NANOS,
					"DescribeTable failed with HTTP " + status + " " + errorCode(ex));
		}
		catch (RuntimeException ex) {
			pause(table, TRANSIENT_FAILURE_PAUSE_NANOS, "DescribeTable failed: " + ex.getClass().getSimpleName());
		}
		finally {
			this.inProgress.remove(table);
		}
	}

	private static String errorCode(DynamoDbException ex) {
		return (ex.awsErrorDetails() != null && ex.awsErrorDetails().errorCode() != null)
				? ex.awsErrorDetails().errorCode() : "";
	}

	private static String partitionKeyOf(DescribeTableResponse response) {
		if (response.table() == null) {
			return null;
		}
		for (KeySchemaElement element : response.table().keySchema()) {
			if (element.keyType() == KeyType.HASH) {
				return element.attributeName();
			}
		}
		return null;
	}

	private void pause(String table, long pauseNanos, String reason) {
		Long previous = this.pausedUntil.put(table, System.nanoTime() + pauseNanos);
		String message = "Alternator key-route affinity: cannot learn the partition key of table '{}' ({}); its writes"
				+ " go to the next node in turn. Set it with partitionKey(table, attribute) to skip the lookup";
		if (pauseNanos == PERMANENT_FAILURE_PAUSE_NANOS && previous == null) {
			logger.warn(message, table, reason);
		}
		else {
			logger.debug(message, table, reason);
		}
	}

	private DynamoDbClient client() {
		synchronized (this.lifecycle) {
			if (this.closed) {
				throw new IllegalStateException("closed");
			}
			if (this.client == null) {
				this.client = this.clientFactory.apply(new LastSeenIdentity());
			}
			return this.client;
		}
	}

	@Override
	public void close() {
		ExecutorService executor;
		DynamoDbClient client;
		synchronized (this.lifecycle) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			executor = this.executor;
			client = this.client;
		}
		if (executor != null) {
			executor.shutdownNow();
			try {
				executor.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (client != null) {
			client.close();
		}
	}

	/**
	 * The credentials the application's requests were last signed with.
	 */
	private final class LastSeenIdentity implements IdentityProvider<AwsCredentialsIdentity> {

		@Override
		public Class<AwsCredentialsIdentity> identityType() {
			return AwsCredentialsIdentity.class;
		}

		@Override
		public CompletableFuture<AwsCredentialsIdentity> resolveIdentity(ResolveIdentityRequest request) {
			AwsCredentialsIdentity current = PartitionKeyNames.this.identity;
			return (current != null) ? CompletableFuture.completedFuture(current)
					: CompletableFuture.failedFuture(new IllegalStateException("No request signed yet"));
		}

		@Override
		public String toString() {
			return "LastSeenIdentity";
		}

	}

}
