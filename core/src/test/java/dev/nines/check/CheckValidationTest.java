package dev.nines.check;

import static dev.nines.testing.Specs.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.spec.CheckSpec;
import dev.nines.spec.Problems;
import dev.nines.spec.SpecProblem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckValidationTest {
  private final CheckTypes types = CheckTypes.builtIn();

  private List<SpecProblem> problems(CheckSpec spec) {
    Problems problems = new Problems();
    types.find(spec.type()).orElseThrow().validate(spec, problems);
    return problems.list();
  }

  @Test
  void every_type_of_the_contract_is_registered_in_order() {
    assertThat(types.names())
        .containsExactly(
            "freshness",
            "row_count",
            "volume_change",
            "schema",
            "missing",
            "duplicates",
            "valid",
            "reference",
            "metric",
            "sql");
    assertThat(types.all())
        .allSatisfy(type -> assertThat(type).isInstanceOf(RunnableCheckType.class));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "freshness | {column: loaded_at, fail: 24h, warn: 12h}",
        "freshness | {fail: PT1H}",
        "row_count | {min: 1000, max: 5000, warn: {min: 2000}}",
        "volume_change | {max_drop: 30%, max_growth: 200%, warn: {max_drop: 10%}}",
        "schema | {}",
        "schema | {fail_on: [column_removed], warn_on: [column_added], required: [id], forbidden: [ssn]}",
        "missing | {column: email, values: ['', 'N/A'], max: 2%, warn: {max: 1}}",
        "duplicates | {columns: [order_id, line]}",
        "duplicates | {column: order_id, max: 3}",
        "valid | {column: amount, min: 0, max: 1000, max_invalid: 1%}",
        "valid | {column: code, regex: '^[A-Z]{3}$', length: {min: 3, max: 3}, values: [ABC]}",
        "valid | {column: created_at, not_future: true}",
        "reference | {column: customer_id, references: {dataset: customers, column: id}}",
        "metric | {column: amount, stat: percentile, percentile: 0.95, max: 100}",
        "metric | {column: amount, stat: avg, min: 1, warn: {min: 2}}",
        "sql | {name: negatives, query: 'select count(*) from orders where total < 0', max: 0}",
        "sql | {name: lost, failing_rows: 'with x as (select 1 as a) select * from x;'}",
      })
  void valid_options_raise_no_problem(String type, String options) {
    assertThat(problems(check(type, options))).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "freshness | {column: loaded_at} | freshness.fail | is required",
        "freshness | {fail: soon} | freshness.fail | 'soon' is not a duration",
        "freshness | {fail: 1h, warn: 2h} | freshness.warn | should be shorter than fail",
        "freshness | {fail: 1h, colum: x} | freshness.colum | unknown option 'colum'",
        "freshness | {fail: 1h, column: 'drop table'} | freshness.column | is not a column name",
        "row_count | {min: lots} | row_count.min | must be a number",
        "row_count | {min: 10, max: 5} | row_count.max | is lower than min",
        "row_count | {warn: {minimum: 1}} | row_count.warn.minimum | unknown option 'minimum'",
        "volume_change | {} | volume_change | needs max_drop or max_growth",
        "volume_change | {max_drop: 30} | volume_change.max_drop | must be a percentage",
        "schema | {fail_on: [column_renamed]} | schema.fail_on | unknown change 'column_renamed'",
        "missing | {max: 1} | missing.column | is required",
        "missing | {column: a, max: -1} | missing.max | cannot be negative",
        "missing | {column: a, max: 120%} | missing.max | between 0% and 100%",
        "duplicates | {} | duplicates | needs columns or column",
        "duplicates | {columns: []} | duplicates.columns | at least one column",
        "valid | {column: a} | valid | needs at least one rule",
        "valid | {column: a, regex: '[a-'} | valid.regex | not a valid regular expression",
        "valid | {column: a, min: 0, warn: {max: 1}} | valid.warn.max | unknown option 'max'",
        "reference | {column: a, references: {dataset: b}} | reference.references.column | is required",
        "metric | {column: a, stat: median} | metric.stat | unknown statistic 'median'",
        "metric | {column: a, stat: percentile} | metric.percentile | is required with stat percentile",
        "metric | {column: a, stat: percentile, percentile: 95} | metric.percentile | between 0 and 1",
        "sql | {query: 'select 1'} | sql.name | is required for sql checks",
        "sql | {name: x, query: 'select 1; drop table orders'} | sql.query | single statement",
        "sql | {name: x, query: 'delete from orders'} | sql.query | must be a SELECT",
        "sql | {name: x, query: 'with d as (delete from orders returning *) select count(*) from d'} | sql.query | DELETE is not allowed",
        "sql | {name: x} | sql | needs query or failing_rows",
        "sql | {name: x, where: 'a > 1', query: 'select 1'} | sql.where | does not apply",
      })
  void bad_options_are_reported_with_their_field(
      String type, String options, String field, String message) {
    List<SpecProblem> found = problems(check(type, options));
    assertThat(found)
        .anySatisfy(
            problem -> {
              assertThat(problem.field()).isEqualTo("datasets.test.checks[0]." + field);
              assertThat(problem.message()).contains(message);
            });
  }

  @ParameterizedTest(name = "{0} {1} is named {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "freshness | {fail: 1h} | freshness",
        "row_count | {} | row_count",
        "volume_change | {max_drop: 10%} | volume_change",
        "schema | {} | schema",
        "missing | {column: email} | missing_email",
        "duplicates | {columns: [a, b]} | duplicates_a_b",
        "duplicates | {column: a} | duplicates_a",
        "valid | {column: amount, min: 0} | valid_amount",
        "reference | {column: c, references: {dataset: d, column: e}} | reference_c",
        "metric | {column: amount, stat: avg} | avg_amount",
        "metric | {column: amount, stat: percentile, percentile: 0.95} | p95_amount",
        "metric | {column: amount, stat: percentile, percentile: 0.999} | p99_9_amount",
        "sql | {name: lost, query: 'select 1'} | lost",
      })
  void default_names_follow_the_contract(String type, String options, String name) {
    CheckSpec spec = check(type, options);
    assertThat(types.find(type).orElseThrow().defaultName(spec)).isEqualTo(name);
  }
}
