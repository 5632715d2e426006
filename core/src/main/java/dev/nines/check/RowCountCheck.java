package dev.nines.check;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nines.check.internal.Options;
import dev.nines.check.internal.Range;
import dev.nines.check.internal.Schemas;
import dev.nines.check.internal.Texts;
import dev.nines.observation.Expectation;
import dev.nines.observation.Status;
import dev.nines.spec.CheckSpec;
import dev.nines.spec.Problems;
import java.util.List;
import java.util.Map;

/** The number of rows, within bounds. */
public final class RowCountCheck implements RunnableCheckType {
  static final String ROWS = "rows";
  static final String COUNT_ALL = "COUNT(*)";

  @Override
  public String name() {
    return "row_count";
  }

  @Override
  public String summary() {
    return "Fails when the number of rows is outside min..max.";
  }

  @Override
  public ObjectNode optionsSchema() {
    return Schemas.object(Range.schema("the row count"));
  }

  @Override
  public String defaultName(CheckSpec spec) {
    return "row_count";
  }

  @Override
  public void validate(CheckSpec spec, Problems problems) {
    Options options = new Options(spec, problems);
    options.allowOnly("", java.util.Set.of("min", "max", "warn"));
    Range.validate(options);
  }

  @Override
  public CheckPlan plan(CheckSpec spec, CheckContext context) {
    Range range = Range.read(spec.options());
    Expectation expectation = range.expectation("rows", "rows", Texts::count);
    return new CheckPlan(
        Map.of(ROWS, COUNT_ALL),
        List.of(),
        inputs -> {
          double rows = inputs.number(ROWS);
          Status status = expectation.judge(rows);
          String message = Texts.count(rows) + (rows == 1 ? " row" : " rows");
          if (status != Status.PASS) {
            message += " " + range.broken(status, "rows", Texts::count);
          }
          return new Outcome(
              status, rows, expectation, message, List.of(), Map.of("row_count", rows), null);
        });
  }
}
