package dev.nines.server.notify;

import java.time.Duration;
import java.time.Instant;

/**
 * A silence as a person asks for it (CLI or REST), before it is checked: what to match, from when
 * (default now) and for how long or until when, why, and who asks.
 */
public record SilenceDraft(
    String dataset,
    String pipeline,
    String source,
    String severity,
    String owner,
    Instant startsAt,
    Duration duration,
    Instant endsAt,
    String reason,
    String author) {}
