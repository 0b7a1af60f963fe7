/**
 * Client-side load balancing for ScyllaDB Alternator on the AWS SDK for Java v2. Only {@code dev.alternator.client}
 * is API; the {@code internal} packages are not exported and may change at any time. On the class path (how
 * Spring Boot applications run) this descriptor is ignored and nothing changes.
 */
module dev.alternator.client {

	exports dev.alternator.client;

	requires transitive software.amazon.awssdk.services.dynamodb;
	requires transitive software.amazon.awssdk.core;
	requires transitive software.amazon.awssdk.regions;
	requires software.amazon.awssdk.awscore;
	requires software.amazon.awssdk.http;
	requires software.amazon.awssdk.http.apache;
	requires org.apache.httpcomponents.httpclient;
	requires static software.amazon.awssdk.http.nio.netty;
	requires static software.amazon.awssdk.http.crt;
	requires software.amazon.awssdk.http.auth.aws;
	requires software.amazon.awssdk.metrics;
	requires software.amazon.awssdk.http.auth.spi;
	requires software.amazon.awssdk.identity.spi;
	requires software.amazon.awssdk.protocols.jsoncore;
	requires software.amazon.awssdk.retries;
	requires software.amazon.awssdk.retries.api;
	requires software.amazon.awssdk.utils;
	requires org.apache.commons.codec;
	requires org.reactivestreams;
	requires org.slf4j;

}
