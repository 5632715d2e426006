package dev.nines.cli;

import dev.nines.incident.Incident;
import dev.nines.spec.Values;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** How incidents read in a terminal. */
final class IncidentText {
  private IncidentText() {}

  static String duration(Optional<Duration> duration) {
    return duration.map(Values::human).orElse("-");
  }

  static String duration(Duration duration) {
    return duration == null ? "-" : Values.human(duration);
  }

  static String status(Incident incident) {
    String status = incident.status().name().toLowerCase(Locale.ROOT);
    return incident.resolution() == null
        ? status
        : status + " (" + incident.resolution().name().toLowerCase(Locale.ROOT) + ")";
  }
}
