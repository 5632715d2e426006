package dev.nines.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueryDiagnosisTest {
  @Test
  void merging_joins_the_select_lists_over_the_common_from() {
    assertThat(
            QueryDiagnosis.merge(
                List.of(
                    "SELECT COUNT(*) AS m1, MAX(\"a\") AS m2 FROM \"bench_orders\" t",
                    "SELECT COUNT(DISTINCT \"b\") AS m1 FROM \"bench_orders\" t")))
        .isEqualTo(
            "SELECT COUNT(*) AS m1, MAX(\"a\") AS m2, COUNT(DISTINCT \"b\") AS m1"
                + " FROM \"bench_orders\" t");
  }
}
