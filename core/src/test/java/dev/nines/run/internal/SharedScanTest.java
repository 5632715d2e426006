package dev.nines.run.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.check.CheckPlan;
import dev.nines.dialect.HolisticPlacement;
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

  private static PlannedCheck distinct(String name, String column) {
    Map<String, String> aggregates = new LinkedHashMap<>();
    aggregates.put("rows", "COUNT(*)");
    aggregates.put("distinct", "COUNT(DISTINCT " + column + ")");
    CheckPlan plan = new CheckPlan(aggregates, List.of(), inputs -> null).withHolistic("distinct");
    return new PlannedCheck(null, null, name, Optional.empty(), Duration.ofSeconds(1), plan, null);
  }

  @Test
  void holistic_aggregates_stay_in_the_scan_when_the_dialect_says_so() {
    PlannedCheck a = distinct("a", "x");
    PlannedCheck b = distinct("b", "y");
    List<SharedScan> scans = DatasetPlanner.scans(List.of(a, b), HolisticPlacement.SHARED_SCAN);
    assertThat(scans).hasSize(1);
    assertThat(scans.get(0).sql(new PostgresDialect(), new Relation.Table(List.of("t"))))
        .isEqualTo(
            "SELECT COUNT(*) AS m1, COUNT(DISTINCT x) AS m2, COUNT(DISTINCT y) AS m3 FROM \"t\" t");
    assertThat(scans.get(0).keysOf(a)).containsExactlyInAnyOrder("rows", "distinct");
  }

  @Test
  void holistic_aggregates_of_one_filter_share_one_extra_query() {
    PlannedCheck a = distinct("a", "x");
    PlannedCheck b = distinct("b", "y");
    PlannedCheck alsoX = distinct("c", "x");
    List<SharedScan> scans =
        DatasetPlanner.scans(List.of(a, b, alsoX), HolisticPlacement.ONE_EXTRA_QUERY);
    assertThat(scans).hasSize(2);
    Relation table = new Relation.Table(List.of("t"));
    assertThat(scans.get(0).sql(new PostgresDialect(), table))
        .isEqualTo("SELECT COUNT(*) AS m1 FROM \"t\" t");
    assertThat(scans.get(0).purpose()).isEqualTo("shared scan");
    assertThat(scans.get(1).sql(new PostgresDialect(), table))
        .isEqualTo("SELECT COUNT(DISTINCT x) AS m1, COUNT(DISTINCT y) AS m2 FROM \"t\" t");
    assertThat(scans.get(1).purpose()).isEqualTo("shared scan: distinct counts and percentiles");
    assertThat(scans.get(0).keysOf(a)).containsExactly("rows");
    assertThat(scans.get(1).keysOf(a)).containsExactly("distinct");
    assertThat(scans.get(1).checks()).extracting(PlannedCheck::name).containsExactly("a", "b", "c");
  }

  @Test
  void each_distinct_holistic_expression_gets_a_query_of_its_own_when_the_dialect_says_so() {
    PlannedCheck a = distinct("a", "x");
    PlannedCheck b = distinct("b", "y");
    PlannedCheck alsoX = distinct("c", "x");
    List<SharedScan> scans =
        DatasetPlanner.scans(List.of(a, b, alsoX), HolisticPlacement.QUERY_EACH);
    assertThat(scans).hasSize(3);
    assertThat(scans.get(1).checks()).extracting(PlannedCheck::name).containsExactly("a", "c");
    assertThat(scans.get(2).checks()).extracting(PlannedCheck::name).containsExactly("b");
    assertThat(scans.get(2).alone(b).sql(new PostgresDialect(), new Relation.Table(List.of("t"))))
        .isEqualTo("SELECT COUNT(DISTINCT y) AS m1 FROM \"t\" t");
  }
}
