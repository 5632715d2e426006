package dev.nines.slo.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nines.check.CheckTypes;
import dev.nines.spec.Spec;
import dev.nines.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OdcsImportTest {
  private static final String CONTRACT =
      """
      apiVersion: v3.1.0
      kind: DataContract
      id: orders-contract
      name: orders for finance
      version: 1.0.0
      status: active
      team: { name: data-eng }
      schema:
        - name: orders
          physicalName: public.orders
          logicalType: object
          quality:
            - { metric: rowCount, mustBeGreaterThan: 1000 }
            - { type: library, metric: duplicateValues, arguments: { properties: [order_id, line] }, mustBe: 0 }
            - { type: sql, name: negative totals, query: "select count(*) from orders where total < 0", mustBeLessOrEqualTo: 0, dimension: accuracy }
          properties:
            - name: order_id
              logicalType: string
              primaryKey: true
            - name: status
              required: true
              quality:
                - { metric: invalidValues, arguments: { validValues: [paid, open] }, mustBeLessThan: 5, unit: percent }
                - { metric: missingValues, arguments: { missingValues: [null, '', 'N/A'] }, mustBe: 0 }
            - name: email
              classification: restricted
      slaProperties:
        - { property: latency, value: 24, unit: h, element: orders.loaded_at }
        - { property: availability, value: 99.5 }
        - { property: retention, value: 3, unit: y, element: orders.loaded_at }
        - { property: timeToDetect, value: 30, unit: m }
        - { property: timeToRepair, value: 4, unit: hours, driver: regulatory }
        - { property: frequency, value: 1, unit: d, element: orders.loaded_at, scheduler: cron, schedule: "0 2 * * *" }
        - { property: endOfSupport, value: "2032-05-12T09:30:10-08:00" }
      """;

  private static final String SPEC =
      """
      sources:
        warehouse: { url: "jdbc:postgresql://db/x" }
      datasets:
        orders: { source: warehouse, table: public.orders }
      """;

  @TempDir Path folder;

  @Test
  void quality_rules_become_checks_and_sla_properties_become_slos_and_terms() throws IOException {
    ContractImport result = OdcsImport.read(CONTRACT, Set.of("orders"));

    assertThat(result.toYaml())
        .isEqualTo(
            """
            datasets:
              orders:
                checks:
                - row_count:
                    min: 1001
                - duplicates:
                    columns:
                    - order_id
                    - line
                    max: 0
                - sql:
                    query: select count(*) from orders where total < 0
                    max: 0
                    name: negative_totals
                - missing:
                    column: order_id
                - duplicates:
                    column: order_id
                - missing:
                    column: status
                - valid:
                    column: status
                    values:
                    - paid
                    - open
                    max_invalid: 5%
                - missing:
                    column: status
                    values:
                    - ""
                    - N/A
                    max: 0
                    name: missing_status_2
            slos:
              orders_latency:
                description: "data contract latency: orders no older than 1d"
                sli:
                  freshness: orders
                  max_age: 1d
                objective: 99.5%
                window: 30d
            """);
    assertThat(result.terms())
        .extracting(AgreementTerm::property, AgreementTerm::value, AgreementTerm::duration)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("latency", "24 h", Duration.ofHours(24)),
            org.assertj.core.groups.Tuple.tuple("availability", "99.5%", null),
            org.assertj.core.groups.Tuple.tuple("retention", "3 y", null),
            org.assertj.core.groups.Tuple.tuple("timeToDetect", "30 m", Duration.ofMinutes(30)),
            org.assertj.core.groups.Tuple.tuple("timeToRepair", "4 hours", Duration.ofHours(4)),
            org.assertj.core.groups.Tuple.tuple("frequency", "1 d", Duration.ofDays(1)));
    assertThat(result.terms().get(4).driver()).isEqualTo("regulatory");
    assertThat(result.terms().get(3).dataset()).isEqualTo("orders");
    assertThat(result.hasErrors()).isFalse();
    assertThat(result.issues())
        .extracting(ImportIssue::toString)
        .containsExactly(
            "unsupported: team: not imported",
            "unsupported: schema[0].quality[2].dimension: not imported",
            "unsupported: schema[0].properties[1].quality[0].mustBeLessThan: read as at most:"
                + " Nines limits include the value",
            "renamed: schema[0].properties[1].quality[1]: imported as missing_status_2: an"
                + " earlier rule of the contract is the check missing_status",
            "unsupported: schema[0].properties[2].classification: not imported",
            "unsupported: slaProperties[5].scheduler: not imported",
            "unsupported: slaProperties[5].schedule: not imported",
            "unsupported: slaProperties[6].property: endOfSupport is not imported: Nines reads"
                + " latency, frequency, availability, retention, timeToDetect and timeToRepair");

    // the checks and SLOs load into a spec
    String checks =
        Documents.write(result.checks().get("orders"))
            .lines()
            .map(line -> "      " + line)
            .reduce("", (all, line) -> all + line + "\n");
    Path file = folder.resolve("nines.yml");
    Files.writeString(
        file,
        SPEC.replace(
                "orders: { source: warehouse, table: public.orders }",
                "orders:\n    source: warehouse\n    table: public.orders\n    checks:\n" + checks)
            + Documents.write(Documents.object().set("slos", result.slos())));
    Spec spec = SpecLoader.load(List.of(file), Map.of(), CheckTypes.builtIn());
    assertThat(spec.datasets().get("orders").checks()).hasSize(8);
    assertThat(spec.slos()).containsOnlyKeys("orders_latency");
  }

  @Test
  void a_check_named_like_one_the_dataset_has_is_renamed_with_its_rule_path_and_the_spec_loads()
      throws IOException {
    String existing =
        "      - row_count: { min: 1 }\n"
            + "      - sql: { name: row_count_odcs, query: \"select 1\" }\n"
            + "      - missing: { column: status }\n";
    Map<String, List<String>> declared =
        Map.of("orders", List.of("row_count", "row_count_odcs", "missing_status"));

    ContractImport result = OdcsImport.read(CONTRACT, declared);

    assertThat(result.checks().get("orders"))
        .extracting(check -> check.elements().next().path("name").asText(null))
        .containsExactly(
            "row_count_odcs_2",
            null,
            "negative_totals",
            null,
            null,
            "missing_status_odcs",
            null,
            "missing_status_odcs_2");
    assertThat(result.issues())
        .extracting(ImportIssue::toString)
        .filteredOn(issue -> issue.startsWith("renamed"))
        .containsExactly(
            "renamed: schema[0].quality[0]: imported as row_count_odcs_2: dataset orders already"
                + " has a check row_count",
            "renamed: schema[0].properties[1].required: imported as missing_status_odcs: dataset"
                + " orders already has a check missing_status",
            "renamed: schema[0].properties[1].quality[1]: imported as missing_status_odcs_2:"
                + " dataset orders already has a check missing_status");

    // appended to the dataset's own checks, every name is free
    String checks =
        Documents.write(result.checks().get("orders"))
            .lines()
            .map(line -> "      " + line)
            .reduce("", (all, line) -> all + line + "\n");
    Path file = folder.resolve("nines.yml");
    Files.writeString(
        file,
        SPEC.replace(
            "orders: { source: warehouse, table: public.orders }",
            "orders:\n    source: warehouse\n    table: public.orders\n    checks:\n"
                + existing
                + checks));
    Spec spec = SpecLoader.load(List.of(file), Map.of(), CheckTypes.builtIn());
    assertThat(spec.datasets().get("orders").checks()).hasSize(3 + 8);
  }

  @Test
  void rules_that_cannot_run_and_objects_without_a_dataset_are_errors_with_their_path() {
    ContractImport result =
        OdcsImport.read(
            """
            apiVersion: v3.0.2
            kind: DataContract
            schema:
              - name: ordres
                quality: [{ metric: rowCount, mustBeGreaterThan: 0 }]
              - name: orders
                quality:
                  - { type: text, description: orders are correct }
                  - { metric: nullValues, mustBe: 0 }
                  - { metric: rowCount, mustNotBe: 0 }
                  - { rule: nullCheck }
                properties:
                  - name: id
                    quality: [{ metric: nullValues, mustBeGreaterThan: 3 }]
            slaProperties:
              - { property: latency, value: soon }
              - { property: availability, value: 100 }
            """,
            Set.of("orders", "customers"));

    assertThat(result.checks()).isEmpty();
    assertThat(result.slos().isEmpty()).isTrue();
    assertThat(result.issues())
        .extracting(ImportIssue::toString)
        .containsExactly(
            "error: schema[0].name: schema object 'ordres' matches no dataset — did you mean"
                + " 'orders'?; its rules are not imported (datasets: customers, orders)",
            "error: schema[1].quality[0].type: a text rule cannot run in Nines: use a library"
                + " metric or sql",
            "error: schema[1].quality[1].metric: this metric is about a property: put the rule"
                + " under the property",
            "error: schema[1].quality[2].mustNotBe: mustNotBe has no Nines equivalent: use bounds"
                + " that must hold",
            "error: schema[1].quality[3].rule: v3.0 'rule' is not read: write the v3.1 'metric'",
            "error: schema[1].properties[0].quality[0].mustBeGreaterThan: a count of bad rows"
                + " takes an upper bound (mustBe, mustBeLessThan, mustBeLessOrEqualTo)",
            "error: slaProperties[0].unit: latency needs a number and a unit of seconds to weeks,"
                + " got soon",
            "error: slaProperties[1].value: availability must be a percentage below 100, got 100");
  }

  @Test
  void a_document_that_is_not_an_odcs_v3_contract_is_rejected() {
    assertThatThrownBy(() -> OdcsImport.read("apiVersion: v2.2.2\nkind: DataContract\n", Set.of()))
        .isInstanceOf(InteropException.class)
        .hasMessage(
            "not an ODCS v3 contract: expected kind: DataContract and apiVersion: v3.x.x, got kind"
                + " \"DataContract\" and apiVersion \"v2.2.2\"");
    assertThatThrownBy(() -> OdcsImport.read("- a\n- b\n", Set.of()))
        .isInstanceOf(InteropException.class)
        .hasMessage("a data contract is one YAML document with a map at the top");
  }
}
