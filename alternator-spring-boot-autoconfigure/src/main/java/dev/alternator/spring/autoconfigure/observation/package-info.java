/**
 * Micrometer observations of the Alternator clients' calls.
 */
package dev.alternator.spring.autoconfigure.observation;
