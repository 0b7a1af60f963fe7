/**
 * Test fixtures shared by the tests of every module: plain SDK clients pinned to one endpoint, a hash-key table and
 * attribute values, raw HTTP requests as a discovery client or a health probe sends them, and thread and port leak
 * checks.
 * <p>
 * The fixtures are split in two because of the reactor: {@code alternator-local-cluster}'s own tests use these, so
 * this module depends only on the AWS SDK, AssertJ and Awaitility and knows endpoints as {@link java.net.URI}s, never
 * a {@code LocalCluster}. Fixtures that need a running cluster (shared topologies, restoring nodes after a test)
 * live in {@code alternator-local-cluster}'s test-jar, package {@code dev.alternator.local.testing}, which the
 * client, auto-configuration and benchmark tests add in test scope. Nothing here is part of a published library.
 */
package dev.alternator.testing;
