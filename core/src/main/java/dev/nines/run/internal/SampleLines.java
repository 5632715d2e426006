package dev.nines.run.internal;

import dev.nines.check.CheckPlan;
import dev.nines.check.internal.Texts;
import dev.nines.source.QueryResult;
import dev.nines.source.Values;
import java.util.ArrayList;
import java.util.List;

/** The detail lines of a samples query's result: one per total, then the sample values. */
final class SampleLines {
  private SampleLines() {}

  static List<String> of(CheckPlan.Samples samples, QueryResult result) {
    if (result.rows().isEmpty()) {
      return List.of();
    }
    int totals = samples.totals().size();
    List<String> lines = new ArrayList<>();
    List<Object> first = result.rows().get(0);
    for (int index = 0; index < totals; index++) {
      double rows = Values.number(first.get(first.size() - totals + index)).orElse(0.0);
      lines.add(samples.totals().get(index) + ": " + Texts.count(rows) + " rows break it");
    }
    List<String> shown = new ArrayList<>();
    for (List<Object> row : result.rows()) {
      int countColumn = row.size() - 1 - totals;
      List<String> values = new ArrayList<>();
      for (int i = 0; i < countColumn; i++) {
        values.add(String.valueOf(row.get(i)));
      }
      double rows = Values.number(row.get(countColumn)).orElse(0.0);
      shown.add(
          String.join(", ", values) + " (" + Texts.count(rows) + (rows == 1 ? " row)" : " rows)"));
    }
    lines.add(samples.label() + ": " + String.join("; ", shown));
    return lines;
  }
}
