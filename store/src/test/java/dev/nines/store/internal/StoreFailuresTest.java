package dev.nines.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.UnknownHostException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class StoreFailuresTest {
  @Test
  void the_reason_is_the_deepest_database_message_on_one_line_without_h2_decorations() {
    SQLException h2 =
        new SQLException(
            "NULL not allowed for column \"TAKEN_AT\"; SQL statement:\n"
                + "INSERT INTO schema_snapshot VALUES (?) [23502-232]",
            "23502");
    RuntimeException wrapped = new RuntimeException("wrapper", new RuntimeException("mid", h2));

    assertThat(StoreFailures.reason(wrapped)).isEqualTo("NULL not allowed for column \"TAKEN_AT\"");
  }

  @Test
  void a_batch_failure_reports_the_failing_entry_rather_than_the_batch_summary() {
    BatchUpdateException batch =
        new BatchUpdateException("Batch entry 1 INSERT INTO ... was aborted", new int[0]);
    batch.setNextException(
        new SQLException(
            "ERROR: null value in column \"taken_at\" violates not-null constraint\n"
                + "  Detail: Failing row contains (...)",
            "23502"));

    assertThat(StoreFailures.reason(new RuntimeException(batch)))
        .isEqualTo("null value in column \"taken_at\" violates not-null constraint");
  }

  @Test
  void without_a_database_error_the_root_cause_speaks() {
    RuntimeException failure =
        new RuntimeException("outer", new IllegalStateException("pool is closed"));

    assertThat(StoreFailures.reason(failure)).isEqualTo("pool is closed");
  }

  @Test
  void an_unknown_host_is_named_where_postgresql_only_says_the_attempt_failed() {
    SQLException failed =
        new SQLException(
            "The connection attempt failed.", "08001", new UnknownHostException("db.example"));

    assertThat(StoreFailures.reason(failed))
        .isEqualTo("The connection attempt failed: unknown host db.example");
  }
}
