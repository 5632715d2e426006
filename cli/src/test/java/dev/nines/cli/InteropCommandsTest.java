package dev.nines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InteropCommandsTest {
  private static final String BASE =
      """
      sources:
        warehouse: { url: "jdbc:h2:mem:interop" }
      datasets:
        orders:
          source: warehouse
          table: orders
          checks:
            - row_count: { min: 1 }
            - freshness: { column: loaded_at, fail: 24h }
      """;

  private static final String SLOS =
      """
      slos:
        orders_fresh:
          description: finance reads orders no older than 24h
          sli: { freshness: orders, max_age: 24h }
          objective: 99.5%
          window: 28d
        orders_counted:
          sli: { check: orders.row_count }
          objective: 99.9%
          window: { calendar: month, zone: Europe/Paris }
        orders_volume:
          sli: { metric: { dataset: orders, metric: row_count }, good: { min: 1000 } }
          objective: 99%
          window: 30d
      """;

  private static final String OPENSLO =
      """
      apiVersion: openslo/v1
      kind: SLI
      metadata: { name: orders-rows }
      spec:
        thresholdMetric:
          metricSource:
            type: Nines
            spec: { check: orders.row_count }
      ---
      apiVersion: openslo/v1
      kind: SLO
      metadata:
        name: orders_counted
        labels: { team: finance }
      spec:
        description: the orders table is counted and never empty
        service: billing
        indicatorRef: orders-rows
        timeWindow: [{ duration: 28d, isRolling: true }]
        budgetingMethod: Occurrences
        objectives: [{ target: 0.999 }]
      """;

  private static final String CONTRACT =
      """
      apiVersion: v3.0.0
      kind: DataContract
      id: orders-contract
      name: orders for finance
      version: 1.0.0
      status: active
      schema:
        - name: orders
          physicalName: public.orders
          quality:
            - { metric: rowCount, mustBeGreaterThan: 1000 }
          properties:
            - name: order_id
              primaryKey: true
            - name: status
              required: true
            - name: email
              classification: restricted
      slaProperties:
        - { property: latency, value: 24, unit: h, element: orders.loaded_at }
        - { property: availability, value: 99.5 }
        - { property: timeToRepair, value: 4, unit: h, driver: regulatory }
      """;

  @TempDir Path dir;

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  private Cli cli() {
    return new Cli(dir);
  }

  @Test
  void an_openslo_field_nines_does_not_carry_over_is_reported_with_its_path_and_exits_1()
      throws Exception {
    write("nines.yml", BASE);
    write("orders.openslo.yaml", OPENSLO);

    Cli.Outcome outcome = cli().run("slo", "import", "orders.openslo.yaml", "-o", "slos.yml");

    assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
    assertThat(outcome.err())
        .contains(
            "orders.openslo.yaml: unsupported: document 2 (SLO orders_counted): metadata.labels")
        .contains("orders.openslo.yaml: unsupported: document 2 (SLO orders_counted): spec.service")
        .doesNotContain("Exception");
    assertThat(outcome.out()).isEmpty();
    assertThat(Files.readString(dir.resolve("slos.yml")))
        .isEqualTo(
            """
            slos:
              orders_counted:
                description: the orders table is counted and never empty
                sli:
                  check: orders.row_count
                objective: 99.9%
                window: 28d
                budgeting: occurrences
            """);
    Cli.Outcome validate = cli().run("validate", "-c", "nines.yml", "-c", "slos.yml");
    assertThat(validate.exitCode()).as(validate.toString()).isZero();
  }

  @Test
  void an_openslo_document_that_carries_over_completely_exits_0_and_prints_to_stdout()
      throws Exception {
    write(
        "clean.yaml",
        """
        apiVersion: openslo/v1
        kind: SLO
        metadata: { name: orders_fresh }
        spec:
          indicator:
            metadata: { name: orders_fresh-sli }
            spec:
              thresholdMetric:
                metricSource: { type: Nines, spec: { freshness: orders, max_age: 24h } }
          timeWindow: [{ duration: 1M, isRolling: false, calendar: { timeZone: UTC } }]
          budgetingMethod: Timeslices
          objectives: [{ targetPercent: 99.5, timeSliceWindow: 5 }]
        """);

    Cli.Outcome outcome = cli().run("slo", "import", "clean.yaml");

    assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
    assertThat(outcome.err()).isEmpty();
    assertThat(outcome.out())
        .contains("orders_fresh:")
        .contains("objective: 99.5%")
        .contains("slice: 5m")
        .contains("calendar: month");
  }

  @Test
  void invalid_openslo_documents_exit_2_naming_the_file_and_place_and_write_nothing()
      throws Exception {
    write(
        "bad.yaml",
        """
        apiVersion: openslo/v2
        kind: SLO
        metadata: { name: a }
        ---
        apiVersion: openslo/v1
        kind: Slo
        metadata: { name: b }
        ---
        apiVersion: openslo/v1
        kind: SLO
        metadata: { name: c }
        spec:
          indicatorRef: nowhere
          timeWindow: [{ duration: 28d }]
          objectives: [{ target: 0.99 }]
        """);
    write("broken.yaml", "apiVersion: openslo/v1\nkind: [SLO\n");

    Cli.Outcome invalid = cli().run("slo", "import", "bad.yaml", "-o", "out.yml");
    Cli.Outcome broken = cli().run("slo", "import", "broken.yaml");

    assertThat(invalid.exitCode()).as(invalid.toString()).isEqualTo(2);
    assertThat(invalid.err())
        .contains("bad.yaml: error: document 1: apiVersion must be openslo/v1")
        .contains("bad.yaml: error: document 2 (Slo b): unknown kind 'Slo'")
        .contains("bad.yaml: error: document 3 (SLO c): spec.indicatorRef: no SLI named 'nowhere'")
        .doesNotContain("at dev.");
    assertThat(dir.resolve("out.yml")).doesNotExist();
    assertThat(broken.exitCode()).as(broken.toString()).isEqualTo(2);
    assertThat(broken.err())
        .startsWith("broken.yaml: error: the OpenSLO text is not valid YAML at line ")
        .doesNotContain("Exception");
    assertThat(broken.out()).isEmpty();
    assertThat(cli().run("slo", "import", "missing.yaml").err())
        .contains("missing.yaml: no such file");
  }

  @Test
  void exported_slos_import_back_to_the_same_slos_and_the_spec_validates() throws Exception {
    write("nines.yml", BASE);
    write("slos.yml", SLOS);

    Cli.Outcome export =
        cli().run("slo", "export", "-c", "nines.yml", "-c", "slos.yml", "-o", "openslo.yaml");
    assertThat(export.exitCode()).as(export.toString()).isZero();
    String openslo = Files.readString(dir.resolve("openslo.yaml"));
    assertThat(openslo).contains("apiVersion: openslo/v1").contains("type: Nines");

    Files.createDirectory(dir.resolve("back"));
    Cli.Outcome back = cli().run("slo", "import", "openslo.yaml", "-o", "back/slos.yml");
    assertThat(back.exitCode()).as(back.toString()).isZero();
    Files.copy(dir.resolve("nines.yml"), dir.resolve("back/nines.yml"));
    Cli.Outcome validate = cli().run("validate", "-c", "back");
    assertThat(validate.exitCode()).as(validate.toString()).isZero();

    Cli.Outcome again = cli().run("slo", "export", "-c", "back");
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.out()).isEqualTo(openslo);

    Cli.Outcome one = cli().run("slo", "export", "-c", "back", "orders_volume");
    assertThat(one.out()).contains("name: orders_volume").doesNotContain("orders_fresh");
    Cli.Outcome unknown = cli().run("slo", "export", "-c", "back", "orders_vol");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("no SLO named 'orders_vol'");
  }

  @Test
  void an_odcs_contract_becomes_checks_slos_and_a_consumer_sketch_that_validate() throws Exception {
    write("nines.yml", BASE);
    write("orders-contract.yaml", CONTRACT);

    Cli.Outcome outcome =
        cli().run("contract", "import", "orders-contract.yaml", "-o", "contract.yml");

    assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
    assertThat(outcome.err())
        .contains("orders-contract.yaml: unsupported: schema[0].properties[2].classification");
    JsonNode imported = new YAMLMapper().readTree(dir.resolve("contract.yml").toFile());
    assertThat(imported.path("slos").path("orders_latency").path("objective").asText())
        .isEqualTo("99.5%");
    JsonNode agreements = imported.path("consumers").path("orders-contract").path("agreements");
    assertThat(agreements.size()).isEqualTo(3);
    assertThat(agreements.get(0).path("promise").asText()).isEqualTo("latency 24 h");
    assertThat(agreements.get(0).path("slos").get(0).asText()).isEqualTo("orders_latency");
    assertThat(agreements.get(2).path("promise").asText())
        .isEqualTo("timeToRepair 4 h (regulatory)");
    assertThat(agreements.get(2).path("datasets").get(0).asText()).isEqualTo("orders");

    // the checks go into the existing dataset; slos and consumers are pasted as they are
    YAMLMapper yaml = new YAMLMapper();
    ObjectNode spec = (ObjectNode) yaml.readTree(BASE.replace("- row_count: { min: 1 }", ""));
    ArrayNode checks = (ArrayNode) spec.path("datasets").path("orders").path("checks");
    checks.addAll((ArrayNode) imported.path("datasets").path("orders").path("checks"));
    spec.set("slos", imported.get("slos"));
    spec.set("consumers", imported.get("consumers"));
    write("merged.yml", yaml.writeValueAsString(spec));
    Cli.Outcome validate = cli().run("validate", "-c", "merged.yml");
    assertThat(validate.exitCode()).as(validate.toString()).isZero();
    assertThat(validate.out()).contains("1 dataset, " + checks.size() + " checks");
  }

  @Test
  void a_contract_check_named_like_one_of_the_dataset_is_renamed_on_stderr_and_the_merge_validates()
      throws Exception {
    write("nines.yml", BASE);
    write("orders-contract.yaml", CONTRACT);

    Cli.Outcome outcome =
        cli().run("contract", "import", "orders-contract.yaml", "-o", "contract.yml");

    assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
    assertThat(outcome.err())
        .contains(
            "orders-contract.yaml: renamed: schema[0].quality[0]: imported as row_count_odcs:"
                + " dataset orders already has a check row_count\n");
    JsonNode imported = new YAMLMapper().readTree(dir.resolve("contract.yml").toFile());
    ArrayNode added = (ArrayNode) imported.path("datasets").path("orders").path("checks");
    assertThat(added.get(0).path("row_count").path("name").asText()).isEqualTo("row_count_odcs");

    // appended to the dataset's own row_count and freshness as they are, the spec validates
    YAMLMapper yaml = new YAMLMapper();
    ObjectNode spec = (ObjectNode) yaml.readTree(BASE);
    ArrayNode checks = (ArrayNode) spec.path("datasets").path("orders").path("checks");
    checks.addAll(added);
    write("merged.yml", yaml.writeValueAsString(spec));
    Cli.Outcome validate = cli().run("validate", "-c", "merged.yml");
    assertThat(validate.exitCode()).as(validate.toString()).isZero();
    assertThat(validate.out()).contains("1 dataset, " + checks.size() + " checks");
  }

  @Test
  void a_contract_that_is_not_odcs_or_names_an_unknown_dataset_exits_2() throws Exception {
    write("nines.yml", BASE);
    write("wrong.yaml", "apiVersion: v2.2.0\nkind: DataContract\n");
    write("other.yaml", CONTRACT.replace("- name: orders", "- name: invoices"));

    Cli.Outcome wrong = cli().run("contract", "import", "wrong.yaml");
    Cli.Outcome other = cli().run("contract", "import", "other.yaml");

    assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(2);
    assertThat(wrong.err()).contains("wrong.yaml: error: not an ODCS v3 contract");
    assertThat(other.exitCode()).as(other.toString()).isEqualTo(2);
    assertThat(other.err()).contains("other.yaml: error: schema[0]").contains("invoices");
    assertThat(other.out()).isEmpty();
  }
}
