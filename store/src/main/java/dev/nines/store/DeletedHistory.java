package dev.nines.store;

/**
 * What {@link NinesStore#deleteOlderThan} removed. Each dataset's newest schema snapshot is always
 * kept, so schema drift still has something to compare with.
 */
public record DeletedHistory(int runs, int observations, int measurements, int schemaSnapshots) {}
