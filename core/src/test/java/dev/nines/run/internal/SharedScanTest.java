package dev.nines.run.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.check.CheckPlan;
import dev.nines.dialect.PostgresDialect;
import dev.nines.dialect.Relation;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SharedScanTest {
  private static PlannedCheck check(String name, Map<String, String> aggregates) {
    CheckPlan plan = new CheckPlan(aggregates, List.of(), inputs -> null);
    return new PlannedCheck(null, null, name, Optional.empty(), Duration.ofSeconds(1), plan, null);
  }

  @Test
  void equal_expressions_of_different_checks_are_computed_once() {
    Map<String, String> missing = new LinkedHashMap<>();
    missing.put("missing", "SUM(CASE WHEN \"a\" IS NULL THEN 1 ELSE 0 END)");
    missing.put("rows", "COUNT(*)");
    SharedScan scan = new SharedScan(Optional.of("status = 'paid'"));
    scan.add(check("row_count", Map.of("rows", "COUNT(*)")));
    scan.add(check("missing_a", missing));
    assertThat(scan.sql(new PostgresDialect(), new Relation.Table(List.of("public", "orders"))))
        .isEqualTo(
            "SELECT COUNT(*) AS m1, SUM(CASE WHEN \"a\" IS NULL THEN 1 ELSE 0 END) AS m2 FROM"
                + " \"public\".\"orders\" t WHERE status = 'paid'");
    assertThat(scan.indexOf("COUNT(*)")).isZero();
    assertThat(scan.indexOf("SUM(CASE WHEN \"a\" IS NULL THEN 1 ELSE 0 END)")).isEqualTo(1);
  }

  @Test
  void checks_are_grouped_into_one_scan_per_distinct_filter() {
    PlannedCheck all = check("a", Map.of("rows", "COUNT(*)"));
    PlannedCheck alsoAll = check("b", Map.of("max", "MAX(x)"));
    PlannedCheck paid =
        new PlannedCheck(
            null,
            null,
            "c",
            Optional.of("status = 'paid'"),
            Duration.ofSeconds(1),
            all.plan(),
            null);
    List<SharedScan> scans = DatasetPlanner.scans(List.of(all, paid, alsoAll));
    assertThat(scans).hasSize(2);
    assertThat(scans.get(0).checks()).extracting(PlannedCheck::name).containsExactly("a", "b");
    assertThat(scans.get(1).checks()).extracting(PlannedCheck::name).containsExactly("c");
  }
}
