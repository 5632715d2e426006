package dev.nines.server.remediation;

import java.time.Instant;

/**
 * One attempt as the timeline tells it.
 *
 * @param action the offer's name
 * @param attempt its number for this action on this incident
 * @param actor who started it ({@code nines} when automatic)
 * @param startedAt when it started
 * @param finishedAt when it finished; null while running (or if the process stopped meanwhile)
 * @param succeeded whether it succeeded; null while not finished
 * @param result the outcome in words; null while not finished
 */
public record RemediationAttempt(
    String action,
    int attempt,
    String actor,
    Instant startedAt,
    Instant finishedAt,
    Boolean succeeded,
    String result) {}
