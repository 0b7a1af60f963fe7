/**
 * Service connections from Spring Boot's Docker Compose support.
 */
package dev.alternator.spring.autoconfigure.docker;
