package dev.alternator.local.engine.expression;

/**
 * The request parameter an expression came from; it names the expression in error messages.
 */
enum ExpressionKind {

	CONDITION("ConditionExpression"), FILTER("FilterExpression"), KEY_CONDITION("KeyConditionExpression"),
	UPDATE("UpdateExpression"), PROJECTION("ProjectionExpression");

	private final String parameter;

	ExpressionKind(String parameter) {
		this.parameter = parameter;
	}

	String parameter() {
		return this.parameter;
	}

	/** The prefix DynamoDB puts before every error about this expression. */
	String invalid() {
		return "Invalid " + this.parameter + ": ";
	}

}
