package dev.nines.server.notify;

import dev.nines.incident.Severity;
import dev.nines.notify.Silence;
import dev.nines.store.NotificationStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Adding, listing and removing silences, with the checks both the CLI and the API need. */
public final class Silences {
  private final NotificationStore store;
  private final Clock clock;

  public Silences(NotificationStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Checks and stores a silence.
   *
   * @throws IllegalArgumentException with a message for a person when the draft is not usable
   */
  public Silence add(SilenceDraft draft) {
    Instant now = clock.instant();
    Instant start = draft.startsAt() == null ? now : draft.startsAt();
    if (draft.duration() != null && draft.endsAt() != null) {
      throw new IllegalArgumentException(
          "give either a duration (for) or an end (until), not both");
    }
    if (draft.duration() == null && draft.endsAt() == null) {
      throw new IllegalArgumentException("say how long: a duration such as 2h, or an end time");
    }
    if (draft.duration() != null && (draft.duration().isNegative() || draft.duration().isZero())) {
      throw new IllegalArgumentException("the duration must be longer than zero");
    }
    Instant end = draft.endsAt() != null ? draft.endsAt() : start.plus(draft.duration());
    if (!end.isAfter(now)) {
      throw new IllegalArgumentException("the silence would already be over at " + end);
    }
    if (draft.reason() == null || draft.reason().isBlank()) {
      throw new IllegalArgumentException("give a reason: the next person on call reads it");
    }
    Silence.Match match =
        new Silence.Match(
            draft.dataset(),
            draft.pipeline(),
            draft.source(),
            severity(draft.severity()),
            draft.owner());
    String author =
        draft.author() == null || draft.author().isBlank() ? "unknown" : draft.author().strip();
    return store.addSilence(new Silence(0, match, start, end, draft.reason().strip(), author, now));
  }

  /** Silences not over yet, in force or to come. */
  public List<Silence> current() {
    return store.silences(clock.instant());
  }

  public Optional<Silence> find(long id) {
    return store.silence(id);
  }

  /** Ends a silence now; false when none has this id. */
  public boolean remove(long id) {
    return store.removeSilence(id, clock.instant());
  }

  private static Severity severity(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Severity.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown severity '" + text + "': use SEV1, SEV2, SEV3 or INFO");
    }
  }
}
