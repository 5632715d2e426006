package dev.nines.store;

import java.time.Instant;

/** A job that reported runs, with how many and when it was last heard of. */
public record JobSeen(String jobNamespace, String jobName, long runs, Instant lastEventAt) {}
