package dev.nines.spec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nines.spec.CheckSpec;
import dev.nines.spec.DatasetSpec;
import dev.nines.spec.Problems;
import dev.nines.spec.SliSpec;
import dev.nines.spec.SliSpec.MetricRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the {@code sli:} of an SLO and checks that what it names exists. */
final class SliReader {
  private final Fields fields;
  private final Problems problems;
  private final Map<String, DatasetSpec> datasets;
  private final Set<String> pipelines;

  SliReader(Fields fields, Map<String, DatasetSpec> datasets, Set<String> pipelines) {
    this.fields = fields;
    this.problems = fields.problems();
    this.datasets = datasets;
    this.pipelines = pipelines;
  }

  SliSpec read(Located sli, String what) {
    if (!fields.map(sli, "a map with one of " + String.join(", ", SpecKeys.SLI_KINDS))) {
      return null;
    }
    fields.rejectUnknownKeys(sli, SpecKeys.SLI, "the sli of " + what);
    List<Located> kinds =
        SpecKeys.SLI_KINDS.stream().map(sli::child).filter(kind -> !kind.isAbsent()).toList();
    if (kinds.size() != 1) {
      problems.add(
          kinds.isEmpty() ? sli.location() : kinds.get(1).keyLocation(),
          sli.field(),
          kinds.isEmpty()
              ? "the sli of " + what + " says nothing to measure"
              : "the sli of " + what + " measures more than one thing",
          "use exactly one of " + String.join(", ", SpecKeys.SLI_KINDS));
      return null;
    }
    Located kind = kinds.get(0);
    optionOnlyFor(sli, "max_age", "freshness", kind);
    optionOnlyFor(sli, "max_gap", "freshness", kind);
    optionOnlyFor(sli, "good", "metric", kind);
    optionOnlyFor(sli, "warn", "check", kind);
    return switch (kind.key()) {
      case "freshness" -> freshness(sli, kind);
      case "check" -> check(sli, kind);
      case "pipeline" -> pipeline(kind);
      case "metric" -> threshold(sli, kind);
      default -> ratio(kind);
    };
  }

  private void optionOnlyFor(Located sli, String option, String kindName, Located kind) {
    Located value = sli.child(option);
    if (!value.isAbsent() && !kind.key().equals(kindName)) {
      problems.add(
          value.keyLocation(),
          value.field(),
          option + " applies to a " + kindName + " SLI, not to " + kind.key(),
          "remove " + option);
    }
  }

  private SliSpec freshness(Located sli, Located kind) {
    String dataset = dataset(kind);
    Duration maxAge = fields.duration(sli.child("max_age"));
    Duration maxGap = fields.duration(sli.child("max_gap"));
    if (dataset == null) {
      return null;
    }
    if (datasets.get(dataset) == null) {
      return null; // the dataset itself has problems, reported where it is declared
    }
    if (maxAge == null && sli.child("max_age").isAbsent()) {
      maxAge = SloReader.freshnessFailAge(datasets.get(dataset)).orElse(null);
      if (maxAge == null) {
        problems.add(
            kind.location(),
            sli.child("max_age").field(),
            "dataset '" + dataset + "' has no freshness check to take max_age from",
            "set max_age: 24h, or add - freshness: { column: loaded_at, fail: 24h } to " + dataset);
      }
    }
    return maxAge == null ? null : new SliSpec.Freshness(dataset, maxAge, maxGap);
  }

  private SliSpec check(Located sli, Located kind) {
    String reference = fields.requiredTextValue(kind);
    Boolean warnIsGood = warn(sli.child("warn"));
    if (reference == null) {
      return null;
    }
    int dot = reference.indexOf('.');
    if (dot <= 0 || dot == reference.length() - 1) {
      problems.add(
          kind.location(),
          kind.field(),
          "'" + reference + "' does not name a check",
          "write dataset.check, e.g. orders.duplicates_order_id");
      return null;
    }
    String dataset = reference.substring(0, dot);
    String check = reference.substring(dot + 1);
    if (!knownDataset(kind, dataset) || datasets.get(dataset) == null) {
      return null;
    }
    List<String> checks =
        datasets.get(dataset).checks().stream()
            .map(CheckSpec::name)
            .filter(n -> n != null)
            .toList();
    if (!checks.contains(check)) {
      problems.add(
          kind.location(),
          kind.field(),
          "dataset '"
              + dataset
              + "' has no check '"
              + check
              + "'"
              + Suggestions.didYouMean(check, checks),
          checks.isEmpty() ? "it has no checks" : "its checks: " + String.join(", ", checks));
      return null;
    }
    return warnIsGood == null && !sli.child("warn").isAbsent()
        ? null
        : new SliSpec.CheckResults(dataset, check, warnIsGood == null || warnIsGood);
  }

  private Boolean warn(Located value) {
    String text = fields.text(value);
    if (text == null) {
      return null;
    }
    if (text.equals("good") || text.equals("bad")) {
      return text.equals("good");
    }
    problems.add(
        value.location(),
        value.field(),
        "'" + text + "' is not one of good, bad",
        "how a WARN counts: good (the default) or bad");
    return null;
  }

  private SliSpec pipeline(Located kind) {
    String pipeline = fields.requiredTextValue(kind);
    if (pipeline == null) {
      return null;
    }
    if (!pipelines.contains(pipeline)) {
      problems.add(
          kind.location(),
          kind.field(),
          "pipeline '"
              + pipeline
              + "' is not defined"
              + Suggestions.didYouMean(pipeline, pipelines),
          pipelines.isEmpty()
              ? "declare it under pipelines:"
              : "defined pipelines: " + String.join(", ", pipelines));
      return null;
    }
    return new SliSpec.PipelineRuns(pipeline);
  }

  private SliSpec threshold(Located sli, Located kind) {
    MetricRef metric = metricRef(kind);
    Located good = sli.child("good");
    if (good.isAbsent()) {
      problems.add(
          kind.keyLocation(),
          good.field(),
          "a metric SLI needs 'good'",
          "say when a value is good: good: { min: 1000 }");
      return null;
    }
    if (!fields.map(good, "a map with min and/or max")) {
      return null;
    }
    fields.rejectUnknownKeys(good, SpecKeys.GOOD_BOUNDS, "good");
    Double min = number(good.child("min"));
    Double max = number(good.child("max"));
    if (min == null && max == null) {
      problems.add(good.location(), good.field(), "good needs min or max");
      return null;
    }
    if (min != null && max != null && min > max) {
      problems.add(good.location(), good.field(), "min " + min + " is above max " + max);
      return null;
    }
    return metric == null ? null : new SliSpec.MetricThreshold(metric, min, max);
  }

  private SliSpec ratio(Located kind) {
    if (!fields.map(kind, "a map with good and total")) {
      return null;
    }
    fields.rejectUnknownKeys(kind, SpecKeys.RATIO, "the ratio");
    MetricRef good = required(kind, "good") ? metricRef(kind.child("good")) : null;
    MetricRef total = required(kind, "total") ? metricRef(kind.child("total")) : null;
    return good == null || total == null ? null : new SliSpec.MetricRatio(good, total);
  }

  private boolean required(Located parent, String key) {
    if (parent.child(key).isAbsent()) {
      problems.add(
          parent.keyLocation(), parent.child(key).field(), "the ratio needs '" + key + "'");
      return false;
    }
    return true;
  }

  private MetricRef metricRef(Located value) {
    if (!fields.map(value, "a map with dataset and metric")) {
      return null;
    }
    fields.rejectUnknownKeys(value, SpecKeys.METRIC_REF, "the metric");
    String dataset = fields.requiredText(value, "dataset", "the metric");
    String metric = fields.requiredText(value, "metric", "the metric");
    if (dataset == null || metric == null || !knownDataset(value.child("dataset"), dataset)) {
      return null;
    }
    return new MetricRef(dataset, metric);
  }

  private String dataset(Located value) {
    String dataset = fields.requiredTextValue(value);
    return dataset != null && knownDataset(value, dataset) ? dataset : null;
  }

  private boolean knownDataset(Located at, String dataset) {
    if (datasets.containsKey(dataset)) {
      return true;
    }
    problems.add(
        at.location(),
        at.field(),
        "dataset '"
            + dataset
            + "' is not defined"
            + Suggestions.didYouMean(dataset, datasets.keySet()),
        datasets.isEmpty()
            ? "declare it under datasets:"
            : "defined datasets: " + String.join(", ", datasets.keySet()));
    return false;
  }

  private Double number(Located value) {
    if (value.isAbsent()) {
      return null;
    }
    JsonNode node = value.node();
    if (!node.isNumber()) {
      fields.wrongKind(value, "a number");
      return null;
    }
    return node.doubleValue();
  }
}
