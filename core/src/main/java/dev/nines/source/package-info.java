/**
 * Reaching a source: one read-only, lazily opened connection pool per source, statements with a
 * timeout and a cancelling watchdog, catalog reads, and classified, password-free failures.
 */
package dev.nines.source;
