/**
 * The metadata store: {@link dev.nines.store.NinesStore} keeps every check run with its
 * observations, measurements and schema snapshots in H2 (embedded, the default) or PostgreSQL, and
 * serves them back as the {@link dev.nines.run.History} that checks compare with.
 */
package dev.nines.store;
