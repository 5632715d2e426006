package dev.nines.spec.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlTextTest {
  @Test
  void a_select_or_with_query_with_a_trailing_semicolon_is_accepted() {
    assertThat(SqlText.selectProblem("select * from orders;")).isEmpty();
    assertThat(SqlText.selectProblem("  WITH x AS (select 1) select * from x")).isEmpty();
    assertThat(SqlText.selectProblem("(select 1) union (select 2)")).isEmpty();
    assertThat(SqlText.withoutTrailingSemicolons("select 1 ;; \n")).isEqualTo("select 1");
  }

  @Test
  void a_second_statement_is_found_outside_quotes_and_comments_only() {
    assertThat(SqlText.selectProblem("select 1; drop table orders"))
        .contains("holds more than one statement");
    assertThat(SqlText.selectProblem("select ';' as a, \"x;y\" -- trailing; comment\n from t"))
        .isEmpty();
    assertThat(SqlText.selectProblem("select 'it''s; fine' /* a; b */ from t")).isEmpty();
  }

  @Test
  void a_statement_that_is_not_a_select_is_named() {
    assertThat(SqlText.selectProblem("delete from orders"))
        .contains("must be a SELECT (or WITH ... SELECT), not DELETE");
    assertThat(SqlText.selectProblem(" ;")).contains("is empty");
  }

  @Test
  void a_filter_cannot_escape_the_parentheses_it_is_wrapped_in() {
    assertThat(SqlText.filterProblem("status = 'paid' and (a > 1 or b < 2)")).isEmpty();
    assertThat(SqlText.filterProblem("status = ')'")).isEmpty();
    assertThat(SqlText.filterProblem("1=1) or (1=1"))
        .contains("closes a parenthesis it did not open");
    assertThat(SqlText.filterProblem("(a = 1")).contains("leaves a parenthesis open");
    assertThat(SqlText.filterProblem("a = 1; drop table x"))
        .contains("must be one condition, without ';'");
  }
}
