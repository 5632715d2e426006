package dev.nines.store.simulate;

import dev.nines.slo.AlertLevel;
import java.time.Instant;
import java.util.Objects;

/**
 * An SLO's burn-rate alert level changed during the month.
 *
 * @param slo the SLO
 * @param from the level before
 * @param to the level after
 * @param at the pass that saw it
 * @param burn the long window's burn rate when it fired, e.g. {@code 200× over 1h}; null when it
 *     stopped
 */
public record BurnChange(String slo, AlertLevel from, AlertLevel to, Instant at, String burn) {
  public BurnChange {
    Objects.requireNonNull(slo, "slo");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(at, "at");
  }
}
