/**
 * Optional durable storage for the engine: a write-ahead log of checksummed records in a data directory, and
 * snapshots that bound the restart time. {@link dev.alternator.local.engine.persistence.DataDirectory} is the
 * entry point; it follows the engine through a
 * {@link dev.alternator.local.engine.table.TableChangeListener}.
 */
package dev.alternator.local.engine.persistence;
