/**
 * The change logs behind DynamoDB Streams: what a table's writes looked like, kept for a retention period.
 */
package dev.alternator.local.engine.stream;
