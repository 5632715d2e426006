package dev.nines.pipeline;

import java.time.Instant;

/**
 * A job seen in runs that no pipeline of the spec matches: listed so it can be given expectations.
 *
 * @param namespace the job namespace, may be null for native runs
 * @param name the job name
 * @param runs how many of the given runs were its
 * @param lastSeen the latest time any of them was seen
 */
public record UnmonitoredJob(String namespace, String name, int runs, Instant lastSeen) {}
