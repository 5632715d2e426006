package dev.nines.cli.report;

import static dev.nines.cli.report.Fixtures.error;
import static dev.nines.cli.report.Fixtures.fail;
import static dev.nines.cli.report.Fixtures.pass;
import static dev.nines.cli.report.Fixtures.report;
import static dev.nines.cli.report.Fixtures.warn;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TableReportTest {
  private static String table(CheckReport report, boolean colours) {
    StringWriter text = new StringWriter();
    new TableReport(colours).write(report, new PrintWriter(text));
    return text.toString();
  }

  @Test
  void summary_line_tells_data_failures_from_system_errors() {
    String table =
        table(
            report(
                pass("orders", "row_count", 120),
                warn("orders", "missing_email", 0.2),
                fail("orders", "freshness", "newest row is 2d old"),
                error("crm", "row_count", "cannot connect to legacy_crm")),
            false);

    assertThat(table)
        .contains("4 checks: 1 passed, 1 warning, 1 failed (data), 1 error (system)")
        .contains("1 check could not run: a system problem")
        .contains("1 check found bad data")
        .contains("(exit 2)");
  }

  @Test
  void rows_are_grouped_by_dataset_in_first_seen_order() {
    String table =
        table(
            report(
                pass("orders", "row_count", 120),
                error("crm", "row_count", "cannot connect"),
                fail("orders", "freshness", "late")),
            false);

    int orders = table.indexOf("\norders\n");
    int crm = table.indexOf("\ncrm\n");
    assertThat(orders).isPositive();
    assertThat(crm).isGreaterThan(orders);
    assertThat(table.indexOf("freshness")).isBetween(orders, crm);
  }

  @Test
  void values_read_in_their_unit_and_errors_show_category_and_cause() {
    String table =
        table(
            report(
                fail("orders", "freshness", "newest row is 2d old"),
                warn("orders", "missing_email", 0.2),
                error("crm", "row_count", "cannot connect to legacy_crm")),
            false);

    assertThat(table)
        .containsPattern("FAIL +freshness +DATA +2d +<= 12h \\(warn\\), <= 1d \\(fail\\)");
    assertThat(table).containsPattern("WARN +missing_email +DATA +20% ");
    assertThat(table).containsPattern("ERROR +row_count +SYSTEM +- .*CONNECTION: cannot connect");
    assertThat(table).contains("Connection to 127.0.0.1:1 refused");
  }

  @Test
  void colours_only_when_asked() {
    CheckReport report = report(pass("orders", "row_count", 1), fail("orders", "freshness", "x"));

    assertThat(table(report, false)).doesNotContain("\u001b[");
    assertThat(table(report, true)).contains("\u001b[32mPASS").contains("\u001b[1;31mFAIL");
  }

  @Test
  void an_all_pass_run_says_so_with_exit_zero() {
    String table = table(report(pass("orders", "row_count", 5)), false);

    assertThat(table)
        .contains("1 check: 1 passed, 0 warnings")
        .contains("all checks passed (exit 0)");
  }
}
