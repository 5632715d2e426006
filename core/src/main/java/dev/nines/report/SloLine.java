package dev.nines.report;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An SLO behind a promise, at the end of the period.
 *
 * @param name the key under {@code slos:}
 * @param description what it promises in words, may be null
 * @param objective the ratio promised, e.g. 0.995
 * @param sli the ratio measured; null when there was no valid data (not met)
 * @param budgetSpent the share of the error budget used: 0 nothing, 1 all, above 1 overspent; null
 *     when the budget is zero
 * @param met whether the SLI reached the objective
 * @param evaluated false when the store had no status for it (then the other figures are null)
 */
public record SloLine(
    String name,
    String description,
    BigDecimal objective,
    BigDecimal sli,
    BigDecimal budgetSpent,
    boolean met,
    boolean evaluated) {
  public SloLine {
    Objects.requireNonNull(name, "name");
  }
}
