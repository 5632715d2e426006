package dev.nines.slo.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nines.check.CheckTypes;
import dev.nines.spec.Spec;
import dev.nines.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenSloTest {
  private static final String DATASETS =
      """
      sources:
        warehouse: { url: "jdbc:postgresql://db/x" }
      datasets:
        orders:
          source: warehouse
          table: orders
          checks:
            - freshness: { column: loaded_at, fail: 24h }
            - duplicates: { column: order_id }
      pipelines:
        load_orders: { schedule: "0 2 * * *", outputs: [orders] }
      """;

  private static final String SLOS =
      """
      slos:
        orders_fresh:
          description: finance reads orders no older than 24h
          sli: { freshness: orders }
          objective: 99.5%
          window: 28d
        orders_unique:
          sli: { check: orders.duplicates_order_id, warn: bad }
          objective: 99%
          window: { calendar: month, zone: Europe/Paris }
        loads:
          sli: { pipeline: load_orders }
          objective: 95%
          window: 7d
        big:
          sli: { metric: { dataset: orders, metric: row_count }, good: { min: 1000, max: 5000 } }
          objective: 99.9%
          window: 30d
          budgeting: timeslices
          slice: 5m
        ok_ratio:
          sli: { ratio: { good: { dataset: orders, metric: ok }, total: { dataset: orders, metric: all } } }
          objective: 99.95%
          window: { calendar: quarter }
      """;

  @TempDir Path folder;

  private Spec load(String yaml) throws IOException {
    Path file = folder.resolve("nines-" + System.nanoTime() + ".yml");
    Files.writeString(file, yaml);
    return SpecLoader.load(List.of(file), Map.of(), CheckTypes.builtIn());
  }

  @Test
  void exported_slos_import_back_to_the_same_slos() throws IOException {
    Spec spec = load(DATASETS + SLOS);

    String openSlo = OpenSloExport.export(spec.slos().values());
    ImportResult imported = OpenSloImport.read(openSlo);
    Spec again = load(DATASETS + imported.toYaml());

    assertThat(imported.issues()).isEmpty();
    assertThat(again.slos().keySet()).containsExactlyElementsOf(spec.slos().keySet());
    spec.slos()
        .forEach(
            (name, slo) -> {
              var back = again.slos().get(name);
              assertThat(back.sli()).as(name).isEqualTo(slo.sli());
              assertThat(back.target()).as(name).isEqualTo(slo.target());
              assertThat(back.description()).as(name).isEqualTo(slo.description());
            });
  }

  @Test
  void an_exported_slo_is_a_plain_openslo_v1_document() throws IOException {
    Spec spec = load(DATASETS + SLOS);

    String openSlo = OpenSloExport.export(List.of(spec.slos().get("orders_fresh")));

    assertThat(openSlo)
        .isEqualTo(
            """
            ---
            apiVersion: openslo/v1
            kind: SLO
            metadata:
              name: orders_fresh
            spec:
              description: finance reads orders no older than 24h
              indicator:
                metadata:
                  name: orders_fresh-sli
                spec:
                  thresholdMetric:
                    metricSource:
                      type: Nines
                      spec:
                        freshness: orders
                        max_age: 1d
                        max_gap: 1h
              timeWindow:
              - duration: 4w
                isRolling: true
              budgetingMethod: Timeslices
              objectives:
              - targetPercent: 99.5
                timeSliceWindow: 1m
            """);
  }

  @Test
  void slis_alert_policies_and_services_of_a_multi_document_file_are_resolved_or_reported() {
    ImportResult result =
        OpenSloImport.read(
            """
            apiVersion: openslo/v1
            kind: Service
            metadata: { name: orders-api }
            spec: { description: the orders API }
            ---
            apiVersion: openslo/v1
            kind: SLI
            metadata: { name: loads-sli, displayName: Loads }
            spec:
              thresholdMetric:
                metricSource: { type: Nines, spec: { pipeline: load_orders } }
            ---
            apiVersion: openslo/v1
            kind: AlertCondition
            metadata: { name: fast-burn }
            spec:
              severity: page
              condition: { kind: burnrate, op: gte, threshold: 14.4, lookbackWindow: 1h, alertAfter: 5m }
            ---
            apiVersion: openslo/v1
            kind: SLO
            metadata: { name: loads }
            spec:
              service: orders-api
              indicatorRef: loads-sli
              timeWindow: [{ duration: 1M, calendar: { startTime: "2026-01-01 00:00:00", timeZone: Europe/Paris } }]
              budgetingMethod: Occurrences
              objectives:
                - { displayName: most loads, target: 0.95 }
                - { target: 0.9 }
              alertPolicies: [{ alertPolicyRef: paging }]
            """);

    assertThat(result.toYaml())
        .isEqualTo(
            """
            slos:
              loads:
                sli:
                  pipeline: load_orders
                objective: 95%
                window:
                  calendar: month
                  zone: Europe/Paris
                budgeting: occurrences
            """);
    assertThat(result.hasErrors()).isFalse();
    assertThat(result.issues())
        .extracting(ImportIssue::toString)
        .containsExactly(
            "unsupported: document 1 (Service orders-api): Service is not imported: Nines SLOs"
                + " name datasets and pipelines",
            "unsupported: document 2 (SLI loads-sli): metadata.displayName: not imported",
            "unsupported: document 3 (AlertCondition fast-burn): AlertCondition is not imported:"
                + " Nines pages and opens tickets on multi-window burn rates (SRE workbook),"
                + " scaled to each SLO's window",
            "unsupported: document 4 (SLO loads): spec.service: not imported: Nines SLOs are about"
                + " data, not services",
            "unsupported: document 4 (SLO loads): spec.objectives[1]: not imported: a Nines SLO has"
                + " one objective; split it into several SLOs",
            "unsupported: document 4 (SLO loads): spec.objectives[0].displayName: not imported",
            "unsupported: document 4 (SLO loads): spec.timeWindow[0].calendar.startTime: not"
                + " imported: Nines calendar windows start at local midnight on the period's first"
                + " day",
            "unsupported: document 4 (SLO loads): spec.alertPolicies[0]: not imported: Nines pages"
                + " and opens tickets on multi-window burn rates (SRE workbook)");
  }

  @Test
  void invalid_documents_are_errors_that_name_the_place_and_skip_the_slo() {
    ImportResult result =
        OpenSloImport.read(
            """
            apiVersion: openslo/v2alpha
            kind: SLO
            metadata: { name: future }
            ---
            apiVersion: openslo/v1
            kind: SLO
            metadata: { name: prometheus }
            spec:
              indicator:
                spec:
                  ratioMetric:
                    good: { metricSource: { type: Prometheus, spec: { query: up } } }
                    total: { metricSource: { type: Prometheus, spec: { query: up } } }
              timeWindow: [{ duration: 1M, isRolling: true }]
              objectives: [{ target: 1.0 }]
              budgetingMethod: RatioTimeslices
              owner: me
            ---
            apiVersion: openslo/v1
            kind: SLO
            metadata: { name: orphan }
            spec:
              indicatorRef: nowhere
              timeWindow: [{ duration: 28d, isRolling: true }]
              objectives: [{ targetPercent: 99 }]
            """);

    assertThat(result.slos().isEmpty()).isTrue();
    assertThat(result.hasErrors()).isTrue();
    assertThat(result.issues())
        .extracting(ImportIssue::toString)
        .containsExactly(
            "error: document 1: apiVersion must be openslo/v1, got \"openslo/v2alpha\"",
            "unsupported: document 2 (SLO prometheus): spec.owner: unknown field, not imported",
            "error: document 2 (SLO prometheus): spec.indicator.spec.ratioMetric.good.metricSource.type:"
                + " metric source 'Prometheus' cannot be read by Nines: use type: Nines with the"
                + " Nines SLI as spec",
            "error: document 2 (SLO prometheus): spec.objectives[0]: the target must be above 0%"
                + " and below 100%, got 100%",
            "error: document 2 (SLO prometheus): spec.timeWindow[0].duration: a rolling window of"
                + " 1M has no fixed length: use days",
            "error: document 2 (SLO prometheus): spec.budgetingMethod: RatioTimeslices is not"
                + " supported: use Occurrences or Timeslices",
            "error: document 3 (SLO orphan): spec.indicatorRef: no SLI named 'nowhere' in these"
                + " documents");
  }

  @Test
  void text_that_is_not_yaml_is_rejected_with_its_line() {
    assertThatThrownBy(() -> OpenSloImport.read("apiVersion: openslo/v1\nkind: [SLO\n"))
        .isInstanceOf(InteropException.class)
        .hasMessage(
            "the OpenSLO text is not valid YAML at line 2, column 11: while parsing a flow"
                + " sequence; expected ',' or ']', but got <stream end>");
  }
}
