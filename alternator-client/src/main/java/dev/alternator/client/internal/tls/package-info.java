/**
 * TLS material for the HTTP clients: PEM files read with the JDK, reloaded when they change, and key and trust
 * managers that switch to the current material at each handshake.
 */
package dev.alternator.client.internal.tls;
