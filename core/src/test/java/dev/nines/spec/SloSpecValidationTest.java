package dev.nines.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.slo.BudgetingMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SloSpecValidationTest {
  private static final String BASE =
      """
      sources:
        warehouse: { url: "jdbc:postgresql://db/x" }
      datasets:
        orders:
          source: warehouse
          table: orders
          checks:
            - freshness: { column: loaded_at, fail: 24h }
            - missing: { column: customer_id }
        customers: { source: warehouse, table: customers }
      pipelines:
        load_orders: { schedule: "0 2 * * *", outputs: [orders] }
      """;

  @TempDir Path folder;

  private List<String> problems(String slos) {
    return new SpecFiles(folder).problemLines(BASE + slos);
  }

  private Spec load(String slos) {
    SpecFiles files = new SpecFiles(folder);
    return files.load(files.write("nines.yml", BASE + slos));
  }

  @Test
  void every_sli_kind_reads_with_its_default_budgeting() {
    Spec spec =
        load(
            """
            slos:
              fresh: { sli: { freshness: orders, max_age: 12h }, objective: 99.5%, window: 28d }
              unique: { sli: { check: orders.missing_customer_id, warn: bad }, objective: 99%, window: 7d }
              loaded: { sli: { pipeline: load_orders }, objective: 0.95, window: 30d }
              big: { sli: { metric: { dataset: orders, metric: row_count }, good: { min: 1000 } }, objective: 99%, window: 1d }
              ok: { sli: { ratio: { good: { dataset: orders, metric: ok }, total: { dataset: orders, metric: all } } }, objective: 99.9%, window: 1d }
            """);

    assertThat(spec.slos().get("fresh").sli())
        .isEqualTo(new SliSpec.Freshness("orders", Duration.ofHours(12), null));
    assertThat(spec.slos().get("unique").sli())
        .isEqualTo(new SliSpec.CheckResults("orders", "missing_customer_id", false));
    assertThat(spec.slos().get("loaded").objective().percent()).isEqualTo("95%");
    assertThat(spec.slos().get("big").sli())
        .isEqualTo(
            new SliSpec.MetricThreshold(
                new SliSpec.MetricRef("orders", "row_count"), 1000.0, null));
    assertThat(spec.slos().values())
        .extracting(SloSpec::budgeting)
        .containsExactly(
            BudgetingMethod.TIMESLICES,
            BudgetingMethod.OCCURRENCES,
            BudgetingMethod.OCCURRENCES,
            BudgetingMethod.OCCURRENCES,
            BudgetingMethod.OCCURRENCES);
  }

  @Test
  void references_to_missing_datasets_checks_and_pipelines_suggest_the_nearest_name() {
    assertThat(
            problems(
                """
                slos:
                  a: { sli: { freshness: ordres }, objective: 99%, window: 28d }
                  b: { sli: { check: orders.missing_customer }, objective: 99%, window: 28d }
                  c: { sli: { pipeline: load_order }, objective: 99%, window: 28d }
                  d: { sli: { freshness: customers }, objective: 99%, window: 28d }
                  e: { sli: { check: missing }, objective: 99%, window: 28d }
                """))
        .containsExactly(
            "nines.yml:14:26: slos.a.sli.freshness: dataset 'ordres' is not defined — did you"
                + " mean 'orders'? (defined datasets: orders, customers)",
            "nines.yml:15:22: slos.b.sli.check: dataset 'orders' has no check 'missing_customer'"
                + " — did you mean 'missing_customer_id'? (its checks: freshness,"
                + " missing_customer_id)",
            "nines.yml:16:25: slos.c.sli.pipeline: pipeline 'load_order' is not defined — did"
                + " you mean 'load_orders'? (defined pipelines: load_orders)",
            "nines.yml:17:26: slos.d.sli.max_age: dataset 'customers' has no freshness check to"
                + " take max_age from (set max_age: 24h, or add - freshness: { column: loaded_at,"
                + " fail: 24h } to customers)",
            "nines.yml:18:22: slos.e.sli.check: 'missing' does not name a check (write"
                + " dataset.check, e.g. orders.duplicates_order_id)");
  }

  @Test
  void misspelt_keys_and_words_are_reported_with_did_you_mean() {
    assertThat(
            problems(
                """
                slos:
                  a:
                    sli: { freshnes: orders }
                    objective: 99%
                    windw: 28d
                    budgeting: timeslice
                    no_data: bda
                """))
        .containsExactly(
            "nines.yml:14:3: slos.a.window: slo a needs 'window'",
            "nines.yml:15:10: slos.a.sli: the sli of slo a says nothing to measure (use exactly"
                + " one of freshness, check, pipeline, metric, ratio)",
            "nines.yml:15:12: slos.a.sli.freshnes: unknown key 'freshnes' in the sli of slo a —"
                + " did you mean 'freshness'? (known keys: freshness, check, pipeline, metric,"
                + " ratio, max_age, max_gap, good, warn)",
            "nines.yml:17:5: slos.a.windw: unknown key 'windw' in slo a — did you mean"
                + " 'window'? (known keys: description, sli, objective, window, budgeting, slice,"
                + " no_data)",
            "nines.yml:18:16: slos.a.budgeting: 'timeslice' is not one of occurrences,"
                + " timeslices — did you mean 'timeslices'?",
            "nines.yml:19:14: slos.a.no_data: 'bda' is not one of bad, good, ignore — did you"
                + " mean 'bad'?");
  }

  @Test
  void objective_window_slice_and_budgeting_are_checked_against_each_other() {
    assertThat(
            problems(
                """
                slos:
                  a: { sli: { freshness: orders }, objective: 100%, window: 28d, budgeting: occurrences }
                  b: { sli: { pipeline: load_orders }, objective: high, window: { calendar: year }, slice: 5m }
                  c: { sli: { freshness: orders }, objective: 99%, window: { calendar: month, zone: Mars/Base }, slice: 30s }
                  d: { sli: { freshness: orders, good: { min: 1 } }, objective: 99%, window: 1h, slice: 1h }
                """))
        .containsExactly(
            "nines.yml:14:47: slos.a.objective: an objective is above 0% and below 100%, got"
                + " 100% (a budget needs room: write 99.5%, 99.9% or another share below 100%)",
            "nines.yml:14:77: slos.a.budgeting: a freshness SLI is measured as time, it has no"
                + " occurrences (use budgeting: timeslices or leave it out)",
            "nines.yml:15:51: slos.b.objective: expected a percentage such as 99.5%, got text",
            "nines.yml:15:77: slos.b.window.calendar: 'year' is not one of week, month, quarter",
            "nines.yml:15:85: slos.b.slice: slice applies to time slices, this SLO counts"
                + " occurrences (remove slice, or set budgeting: timeslices)",
            "nines.yml:16:85: slos.c.window.zone: unknown time zone 'Mars/Base' (use a region"
                + " such as Europe/Paris or America/Denver, or UTC)",
            "nines.yml:16:105: slos.c.slice: slice 30s is not a whole number of minutes (SLIs are"
                + " kept per minute: use 1m, 5m, 1h)",
            "nines.yml:17:34: slos.d.sli.good: good applies to a metric SLI, not to freshness"
                + " (remove good)",
            "nines.yml:17:89: slos.d.slice: slice 1h is not shorter than the window (a window"
                + " holds many slices: use 1m or 5m)");
  }

  @Test
  void metric_and_ratio_slis_need_their_parts() {
    assertThat(
            problems(
                """
                slos:
                  a: { sli: { metric: { dataset: orders, metric: row_count } }, objective: 99%, window: 1d }
                  b: { sli: { metric: { dataset: orders, metric: row_count }, good: { min: 5, max: 1 } }, objective: 99%, window: 1d }
                  c: { sli: { ratio: { good: { dataset: orders, metric: ok } } }, objective: 99%, window: 1d }
                  d: { sli: { check: orders.freshness, pipeline: load_orders }, objective: 99%, window: 1d }
                """))
        .containsExactly(
            "nines.yml:14:15: slos.a.sli.good: a metric SLI needs 'good' (say when a value is"
                + " good: good: { min: 1000 })",
            "nines.yml:15:69: slos.b.sli.good: min 5.0 is above max 1.0",
            "nines.yml:16:15: slos.c.sli.ratio.total: the ratio needs 'total'",
            "nines.yml:17:40: slos.d.sli: the sli of slo d measures more than one thing (use"
                + " exactly one of freshness, check, pipeline, metric, ratio)");
  }

  @Test
  void slos_named_by_consumer_agreements_must_exist() {
    assertThat(
            problems(
                """
                slos:
                  orders_fresh: { sli: { freshness: orders }, objective: 99.5%, window: 28d }
                consumers:
                  finance:
                    agreements:
                      - promise: orders is never older than 24 hours
                        slos: [orders_fresh, orders_frsh]
                """))
        .containsExactly(
            "nines.yml:19:30: consumers.finance.agreements[0].slos[1]: slo 'orders_frsh' is not"
                + " defined — did you mean 'orders_fresh'? (defined slos: orders_fresh)");
  }
}
