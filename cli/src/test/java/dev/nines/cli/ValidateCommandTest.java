package dev.nines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  @TempDir Path dir;

  private Path spec(String yaml) throws Exception {
    return Files.writeString(dir.resolve("nines.yml"), yaml);
  }

  @Test
  void a_valid_spec_is_counted() throws Exception {
    spec(
        """
        sources:
          shop: { url: "jdbc:h2:mem:validate" }
          crm: { url: "jdbc:postgresql://127.0.0.1:1/crm" }
        datasets:
          orders:
            source: shop
            table: orders
            checks:
              - row_count: { min: 1 }
              - freshness: { column: loaded_at, fail: 24h }
        """);

    Cli.Outcome outcome = new Cli(dir).run("validate");

    assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
    assertThat(outcome.out().strip()).isEqualTo("spec is valid: 2 sources, 1 dataset, 2 checks");
  }

  @Test
  void every_problem_is_printed_with_file_line_and_column_and_no_stack_trace() throws Exception {
    spec(
        """
        sources:
          shop: { url: "jdbc:h2:mem:validate" }
        datasets:
          orders:
            source: shopp
            table: orders
            checks:
              - row_count: { min: 1 }
        """);

    Cli.Outcome outcome = new Cli(dir).run("validate", "-c", "nines.yml");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).containsPattern("nines\\.yml:5:\\d+: datasets\\.orders\\.source: ");
    assertThat(outcome.err())
        .contains("shopp")
        .doesNotContain("at dev.")
        .doesNotContain("Exception");
    assertThat(outcome.out()).isEmpty();
  }

  @Test
  void check_reports_an_invalid_spec_the_same_way() throws Exception {
    spec(
        """
        sources:
          shop: { url: "jdbc:h2:mem:validate" }
        datasets:
          orders:
            source: shop
            table: orders
            checks:
              - freshness: { column: loaded_at, fail: 24 hours }
        """);

    Cli.Outcome outcome = new Cli(dir).run("check");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).containsPattern("nines\\.yml:8:\\d+: ").doesNotContain("at dev.");
  }

  @Test
  void an_unset_environment_variable_is_named() throws Exception {
    spec(
        """
        sources:
          shop: { url: "${SHOP_URL}" }
        datasets:
          orders: { source: shop, table: orders, checks: [ { row_count: { min: 1 } } ] }
        """);

    Cli.Outcome unset = new Cli(dir).run("validate");
    Cli.Outcome set = new Cli(dir).env("SHOP_URL", "jdbc:h2:mem:validate").run("validate");

    assertThat(unset.exitCode()).isEqualTo(2);
    assertThat(unset.err()).containsPattern("nines\\.yml:2:\\d+: ").contains("SHOP_URL");
    assertThat(set.exitCode()).as(set.toString()).isZero();
  }

  @Test
  void a_folder_of_spec_files_is_merged() throws Exception {
    Path specs = Files.createDirectory(dir.resolve("specs"));
    Files.writeString(
        specs.resolve("a_sources.yml"), "sources:\n  shop: { url: \"jdbc:h2:mem:validate\" }\n");
    Files.writeString(
        specs.resolve("b_orders.yaml"),
        "datasets:\n  orders: { source: shop, table: orders, checks: [ { row_count: {} } ] }\n");

    Cli.Outcome outcome = new Cli(dir).run("validate", "-c", "specs");

    assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
    assertThat(outcome.out()).contains("1 source, 1 dataset, 1 check");
  }
}
