/**
 * Service connections from Spring Boot's Testcontainers support ({@code @ServiceConnection}).
 */
package dev.alternator.spring.autoconfigure.testcontainers;
