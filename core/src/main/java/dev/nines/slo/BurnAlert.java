package dev.nines.slo;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of burn-rate alerting for one SLO at one time.
 *
 * @param level page, ticket or none
 * @param fired the rule that decided it, empty for none
 * @param longRate the burn over the fired rule's long window, empty for none
 * @param shortRate the burn over its short window, empty for none
 * @param checked every rule with the rates seen, in the order they were tried
 */
public record BurnAlert(
    AlertLevel level,
    Optional<BurnAlertRule> fired,
    Optional<BurnRate> longRate,
    Optional<BurnRate> shortRate,
    List<RuleCheck> checked) {
  public BurnAlert {
    checked = List.copyOf(checked);
  }

  /** One rule and the two rates it was judged on. */
  public record RuleCheck(BurnAlertRule rule, BurnRate longRate, BurnRate shortRate) {
    public boolean fires() {
      return longRate.rate().compareTo(rule.threshold()) >= 0
          && shortRate.rate().compareTo(rule.threshold()) >= 0;
    }
  }
}
