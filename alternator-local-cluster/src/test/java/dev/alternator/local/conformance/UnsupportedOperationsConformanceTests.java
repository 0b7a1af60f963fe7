package dev.alternator.local.conformance;

import java.util.stream.Stream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Alternator does not implement answers as Alternator does: an operation it does not know is an
 * {@code UnknownOperationException} naming it; multi-attribute GSI keys are a validation error.
 */
class UnsupportedOperationsConformanceTests extends ConformanceSupport {

	private static String table;

	@BeforeAll
	void createTable() {
		table = hashTable("unsupported");
	}

	static Stream<Arguments> unsupportedOperations() {
		return Stream.of(
				operation("TransactWriteItems", (dynamo) -> dynamo.transactWriteItems((transact) -> transact
					.transactItems((write) -> write.put((put) -> put.tableName(table).item(item("p", s("t"))))))),
				operation("TransactGetItems", (dynamo) -> dynamo.transactGetItems((transact) -> transact
					.transactItems((get) -> get.get((key) -> key.tableName(table).key(item("p", s("t"))))))),
				operation("ExecuteStatement",
						(dynamo) -> dynamo.executeStatement((statement) -> statement
							.statement("SELECT * FROM \"" + table + "\""))),
				operation("BatchExecuteStatement",
						(dynamo) -> dynamo.batchExecuteStatement((batch) -> batch
							.statements((statement) -> statement.statement("SELECT * FROM \"" + table + "\"")))),
				operation("ExecuteTransaction",
						(dynamo) -> dynamo.executeTransaction((transaction) -> transaction
							.transactStatements((statement) -> statement.statement("SELECT * FROM \"" + table + "\"")))),
				operation("CreateBackup",
						(dynamo) -> dynamo.createBackup((backup) -> backup.tableName(table).backupName("b1"))),
				operation("ListBackups", (dynamo) -> dynamo.listBackups((backups) -> backups.tableName(table))),
				operation("RestoreTableFromBackup", (dynamo) -> dynamo.restoreTableFromBackup((restore) -> restore
					.backupArn("arn:aws:dynamodb:us-east-1:000000000000:table/x/backup/1")
					.targetTableName(uniqueName("restored")))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unsupportedOperations")
	void unsupportedOperationIsAnUnknownOperationNamingIt(String name, Call call) {
		assertApiError(call.on(this.dynamo), "UnknownOperationException", name);
	}

	@Test
	void transactionWritesNothing() {
		catchAny(() -> this.dynamo.transactWriteItems((transact) -> transact
			.transactItems((write) -> write.put((put) -> put.tableName(table).item(item("p", s("not-written")))))));
		assertThat(this.dynamo.getItem((get) -> get.tableName(table).key(item("p", s("not-written")))).hasItem())
			.isFalse();
	}

	@Test
	void globalIndexWithTwoHashKeyAttributesIsRejected() {
		assertValidation(() -> this.dynamo.createTable((create) -> create.tableName(uniqueName("multi_key_gsi"))
			.keySchema(key("p", KeyType.HASH))
			.attributeDefinitions(attribute("p", ScalarAttributeType.S), attribute("a", ScalarAttributeType.S),
					attribute("b", ScalarAttributeType.S))
			.billingMode(BillingMode.PAY_PER_REQUEST)
			.globalSecondaryIndexes((gsi) -> gsi.indexName("by_a_b")
				.keySchema(key("a", KeyType.HASH), key("b", KeyType.HASH))
				.projection((projection) -> projection.projectionType(ProjectionType.ALL)))), null);
	}

	@Test
	void globalIndexWithTwoRangeKeyAttributesIsRejected() {
		assertValidation(() -> this.dynamo.createTable((create) -> create.tableName(uniqueName("multi_range_gsi"))
			.keySchema(key("p", KeyType.HASH))
			.attributeDefinitions(attribute("p", ScalarAttributeType.S), attribute("a", ScalarAttributeType.S),
					attribute("b", ScalarAttributeType.S), attribute("c", ScalarAttributeType.S))
			.billingMode(BillingMode.PAY_PER_REQUEST)
			.globalSecondaryIndexes((gsi) -> gsi.indexName("by_a_b_c")
				.keySchema(key("a", KeyType.HASH), key("b", KeyType.RANGE), key("c", KeyType.RANGE))
				.projection((projection) -> projection.projectionType(ProjectionType.ALL)))), null);
	}

	private static Arguments operation(String name, Call call) {
		return Arguments.of(name, Named.of(name, call));
	}

	private static void catchAny(ThrowingCallable call) {
		try {
			call.call();
		}
		catch (Throwable ignored) {
			// Whatever the answer, the transaction must not have written its item.
		}
	}

	/** One call of an unsupported operation. */
	@FunctionalInterface
	interface Call {

		void call(DynamoDbClient dynamo);

		default ThrowingCallable on(DynamoDbClient dynamo) {
			return () -> call(dynamo);
		}

	}

}
