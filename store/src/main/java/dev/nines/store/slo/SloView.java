package dev.nines.store.slo;

import dev.nines.slo.BudgetingMethod;
import dev.nines.slo.BurnRate;
import dev.nines.slo.ErrorBudget;
import dev.nines.slo.SloStatus;
import dev.nines.spec.Values;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An SLO's status as people and programs read it ({@code nines slo status --format json}, {@code
 * /api/v1/slos}): plain numbers and text. Budgets of time slices are in seconds, of occurrences in
 * events; burn rates by lookback ({@code 5m} … {@code 3d}).
 */
public record SloView(
    String name,
    String description,
    String sli,
    String subject,
    String objective,
    String window,
    String budgeting,
    String evaluatedAt,
    String windowStart,
    String windowEnd,
    Double sliValue,
    Boolean met,
    Long good,
    Long bad,
    String budgetUnit,
    Double budgetTotal,
    Double budgetSpent,
    Double budgetRemaining,
    Double budgetRemainingFraction,
    Map<String, Double> burnRates,
    String exhaustion,
    String alert,
    String alertReason,
    String problem) {

  /** The view of a pass's result. */
  public static SloView of(SloResult result) {
    var spec = result.spec();
    if (result.status().isEmpty()) {
      return new SloView(
          spec.name(),
          spec.description(),
          spec.sli().kind(),
          result.subject(),
          spec.objective().percent(),
          spec.window().describe(),
          spec.budgeting().word(),
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          Map.of(),
          null,
          "NONE",
          null,
          result.problem().orElseThrow());
    }
    SloStatus status = result.status().get();
    ErrorBudget budget = status.budget();
    boolean time = budget.method() == BudgetingMethod.TIMESLICES;
    Map<String, Double> rates = new LinkedHashMap<>();
    for (BurnRate rate : status.burnRates()) {
      rates.put(human(rate.lookback()), rate.value());
    }
    String reason =
        status
            .alert()
            .fired()
            .map(
                rule ->
                    "burn over "
                        + human(rule.longWindow())
                        + " and "
                        + human(rule.shortWindow())
                        + " at least "
                        + rule.threshold().toPlainString()
                        + "×")
            .orElse(null);
    return new SloView(
        spec.name(),
        spec.description(),
        spec.sli().kind(),
        result.subject(),
        spec.objective().percent(),
        spec.window().describe(),
        spec.budgeting().word(),
        status.evaluatedAt().toString(),
        status.window().start().toString(),
        status.window().end().toString(),
        status.sli().map(BigDecimal::doubleValue).orElse(null),
        status.met(),
        status.tally().good(),
        status.tally().bad(),
        time ? "seconds" : "events",
        amount(budget.total(), time),
        amount(budget.spent(), time),
        amount(budget.remaining(), time),
        budget.remainingFraction().map(BigDecimal::doubleValue).orElse(null),
        rates,
        status.exhaustion().map(SloView::human).orElse(null),
        status.alert().level().name(),
        reason,
        null);
  }

  private static Double amount(BigDecimal units, boolean milliseconds) {
    return milliseconds ? units.movePointLeft(3).doubleValue() : units.doubleValue();
  }

  static String human(Duration duration) {
    return Values.human(duration).replace(" ", "");
  }
}
