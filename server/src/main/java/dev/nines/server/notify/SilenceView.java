package dev.nines.server.notify;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.nines.notify.Silence;
import java.time.Instant;

/** A silence as the API shows it. */
public record SilenceView(
    long id,
    String dataset,
    String pipeline,
    String source,
    String severity,
    String owner,
    @JsonProperty("starts_at") Instant startsAt,
    @JsonProperty("ends_at") Instant endsAt,
    String reason,
    String author,
    @JsonProperty("created_at") Instant createdAt,
    boolean active) {
  public static SilenceView of(Silence silence, Instant now) {
    Silence.Match match = silence.match();
    return new SilenceView(
        silence.id(),
        match.dataset(),
        match.pipeline(),
        match.source(),
        match.severity() == null ? null : match.severity().name(),
        match.owner(),
        silence.startsAt(),
        silence.endsAt(),
        silence.reason(),
        silence.author(),
        silence.createdAt(),
        silence.isActive(now));
  }
}
