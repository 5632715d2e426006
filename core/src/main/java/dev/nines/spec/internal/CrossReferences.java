package dev.nines.spec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nines.spec.CheckSpec;
import dev.nines.spec.DatasetSpec;
import dev.nines.spec.Problems;
import java.util.Map;

/**
 * Checks that need the whole spec, which a check type alone cannot see: a reference check must name
 * a dataset that exists on the same source (it runs as one anti-join query).
 */
final class CrossReferences {
  private final Problems problems;

  CrossReferences(Problems problems) {
    this.problems = problems;
  }

  void check(Map<String, DatasetSpec> datasets) {
    for (DatasetSpec dataset : datasets.values()) {
      if (dataset == null) {
        continue;
      }
      for (CheckSpec check : dataset.checks()) {
        if (check.type().equals("reference")) {
          reference(dataset, check, datasets);
        }
      }
    }
  }

  private void reference(DatasetSpec dataset, CheckSpec check, Map<String, DatasetSpec> datasets) {
    JsonNode target = check.options().path("references").path("dataset");
    if (!target.isTextual()) {
      return; // the reference check type reports its own option shapes
    }
    String field = check.field() + ".reference.references.dataset";
    DatasetSpec referenced = datasets.get(target.textValue());
    if (!datasets.containsKey(target.textValue())) {
      problems.add(
          check.locationOf("references"),
          field,
          "dataset '"
              + target.textValue()
              + "' is not defined"
              + Suggestions.didYouMean(target.textValue(), datasets.keySet()),
          "declare it under datasets:, on source " + dataset.source());
    } else if (referenced != null
        && dataset.source() != null
        && !dataset.source().equals(referenced.source())) {
      problems.add(
          check.locationOf("references"),
          field,
          "dataset "
              + referenced.name()
              + " is on source "
              + referenced.source()
              + ", not "
              + dataset.source(),
          "a reference check compares two datasets of one source in one query");
    }
  }
}
