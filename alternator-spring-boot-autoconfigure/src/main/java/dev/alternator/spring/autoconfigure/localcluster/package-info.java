/**
 * Connection details from a local cluster that the application declares as a bean at development or test time.
 */
package dev.alternator.spring.autoconfigure.localcluster;
