package dev.nines.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.check.CheckTypes;
import dev.nines.spec.AgreementSpec;
import dev.nines.spec.Spec;
import dev.nines.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FreshnessBoundTest {
  private static final String SPEC =
      """
      sources:
        shop: { url: "jdbc:h2:mem:shop" }
      datasets:
        orders:
          source: shop
          table: orders
          checks:
            - freshness: { column: loaded_at, warn: 12h, fail: 24h }
            - freshness: { name: fresh_by_day, column: day, fail: 2d }
            - row_count: { min: 1 }
        payments:
          source: shop
          table: payments
          checks:
            - freshness: { column: paid_at, fail: 1h }
        refunds: { source: shop, table: refunds }
      slos:
        orders_fresh:
          sli: { freshness: orders, max_age: 20h }
          objective: 99.5%
          window: 28d
        payments_fresh:
          sli: { freshness: payments, max_age: 1h }
          objective: 99%
          window: 28d
        orders_fresh_checks:
          sli: { check: orders.freshness }
          objective: 99%
          window: 28d
      consumers:
        finance:
          breach: SEV1
          agreements:
            - promise: orders are fresh
              slos: [orders_fresh, orders_fresh_checks]
              checks: [orders.freshness, orders.row_count, orders.fresh_by_day]
            - promise: payments are complete
              datasets: [payments, refunds]
            - promise: nothing about age
              checks: [orders.row_count]
            - promise: payments are fresh
              slos: [payments_fresh]
              checks: [payments.freshness]
      """;

  @Test
  void freshness_slos_and_checks_behind_a_promise_give_one_bound_each_per_dataset_check_and_age(
      @TempDir Path folder) throws Exception {
    Spec spec = load(folder);
    List<AgreementSpec> agreements = spec.consumers().get("finance").agreements();

    assertThat(FreshnessBound.of(agreements.get(0), spec.datasets(), spec.slos()))
        .containsExactly(
            new FreshnessBound("orders", null, "SLO orders_fresh", Duration.ofHours(20)),
            new FreshnessBound(
                "orders", "freshness", "SLO orders_fresh_checks", Duration.ofHours(24)),
            // orders.freshness again with the same bound is the SLO's series already
            new FreshnessBound(
                "orders", "fresh_by_day", "check orders.fresh_by_day", Duration.ofDays(2)));
    assertThat(FreshnessBound.of(agreements.get(1), spec.datasets(), spec.slos()))
        .containsExactly(
            new FreshnessBound(
                "payments", "freshness", "check payments.freshness", Duration.ofHours(1)));
    assertThat(FreshnessBound.of(agreements.get(2), spec.datasets(), spec.slos())).isEmpty();
    // the SLO reads the check's observations against the same bound: one series
    assertThat(FreshnessBound.of(agreements.get(3), spec.datasets(), spec.slos()))
        .containsExactly(
            new FreshnessBound("payments", null, "SLO payments_fresh", Duration.ofHours(1)));
  }

  private static Spec load(Path folder) throws Exception {
    Path file = folder.resolve("nines.yml");
    Files.writeString(file, SPEC);
    return SpecLoader.load(List.of(file), Map.of(), CheckTypes.builtIn());
  }
}
