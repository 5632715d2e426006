package dev.nines.check.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlGuardTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "select count(*) from orders",
        "  SELECT 1;  ",
        "(select 1)",
        "with recent as (select * from orders) select count(*) from recent",
        "select count(*) from orders where note = 'drop table; delete from x'",
        "select \"update\" from t -- ; insert into",
        "select 1 /* ; delete */",
        "select last_update, created_into from t",
      })
  void single_read_only_queries_pass(String sql) {
    assertThat(SqlGuard.problem(sql)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "select 1; select 2",
        "delete from orders",
        "update orders set x = 1",
        "select * into copy_of_orders from orders",
        "with d as (delete from orders returning *) select count(*) from d",
        "insert into t select 1",
        "",
        "explain select 1",
      })
  void writes_and_several_statements_are_rejected(String sql) {
    assertThat(SqlGuard.problem(sql)).isPresent();
  }
}
