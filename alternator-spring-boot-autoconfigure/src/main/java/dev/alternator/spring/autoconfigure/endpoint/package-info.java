/**
 * The {@code alternator} actuator endpoint: the nodes the load balancer routes to and what discovery last found.
 */
@NullMarked
package dev.alternator.spring.autoconfigure.endpoint;

import org.jspecify.annotations.NullMarked;
