package dev.nines.spec.internal;

import dev.nines.incident.Severity;
import dev.nines.spec.AgreementSpec;
import dev.nines.spec.CheckSpec;
import dev.nines.spec.ConsumerSpec;
import dev.nines.spec.DatasetSpec;
import dev.nines.spec.PipelineSpec;
import dev.nines.spec.Problems;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads one entry of {@code consumers:}, checking that its agreements name datasets, checks and
 * pipelines the spec declares.
 */
final class ConsumerReader {
  private final Fields fields;
  private final Problems problems;
  private final Map<String, DatasetSpec> datasets;
  private final Map<String, PipelineSpec> pipelines;

  ConsumerReader(
      Fields fields, Map<String, DatasetSpec> datasets, Map<String, PipelineSpec> pipelines) {
    this.fields = fields;
    this.problems = fields.problems();
    this.datasets = datasets;
    this.pipelines = pipelines;
  }

  /** The consumer, or null when it is not even a map. */
  ConsumerSpec read(Located entry) {
    String name = entry.key();
    fields.validName(name, entry, "consumer");
    if (!fields.map(entry, "a map with about, owner, agreements, breach and notify")) {
      return null;
    }
    String what = "consumer " + name;
    fields.rejectUnknownKeys(entry, SpecKeys.CONSUMER, what);
    List<AgreementSpec> agreements = new ArrayList<>();
    Located list = entry.child("agreements");
    if (!list.isAbsent()) {
      if (!list.node().isArray()) {
        fields.wrongKind(list, "a list of agreements, each with a promise");
      } else {
        for (Located item : list.items()) {
          AgreementSpec agreement = agreement(item, what);
          if (agreement != null) {
            agreements.add(agreement);
          }
        }
      }
    }
    return new ConsumerSpec(
        name,
        fields.text(entry.child("about")),
        fields.text(entry.child("owner")),
        agreements,
        severity(fields, entry.child("breach")),
        fields.textList(entry.child("notify")),
        entry.keyLocation());
  }

  private AgreementSpec agreement(Located item, String consumer) {
    if (!fields.map(item, "a map with promise and what it covers (datasets, checks, pipelines)")) {
      return null;
    }
    fields.rejectUnknownKeys(item, SpecKeys.AGREEMENT, "an agreement of " + consumer);
    String promise = fields.requiredText(item, "promise", "an agreement of " + consumer);
    List<String> datasetNames = names(item.child("datasets"), "dataset", datasets.keySet());
    List<String> checks = checks(item.child("checks"));
    List<String> pipelineNames = names(item.child("pipelines"), "pipeline", pipelines.keySet());
    if (datasetNames.isEmpty()
        && checks.isEmpty()
        && pipelineNames.isEmpty()
        && item.child("slos").isAbsent()) {
      problems.add(
          item.location(),
          item.field(),
          "the agreement covers nothing",
          "list the datasets, checks (dataset.check) or pipelines it promises something about");
    }
    return new AgreementSpec(
        promise == null ? "" : promise,
        datasetNames,
        checks,
        pipelineNames,
        fields.textList(item.child("slos")),
        fields.text(item.child("remediation")),
        item.location());
  }

  private List<String> names(Located value, String what, Collection<String> known) {
    List<String> names = fields.textList(value);
    for (Located item : value.items()) {
      String name = item.node().isValueNode() ? item.node().asText() : null;
      if (name != null && !known.contains(name)) {
        problems.add(
            item.location(),
            item.field(),
            what + " '" + name + "' is not defined" + Suggestions.didYouMean(name, known),
            known.isEmpty()
                ? "declare it under " + what + "s:"
                : "defined " + what + "s: " + String.join(", ", known));
      }
    }
    return names;
  }

  private List<String> checks(Located value) {
    List<String> checks = fields.textList(value);
    for (Located item : value.items()) {
      String written = item.node().isValueNode() ? item.node().asText() : null;
      if (written == null) {
        continue;
      }
      int dot = written.indexOf('.');
      if (dot < 1) {
        problems.add(
            item.location(),
            item.field(),
            "'" + written + "' does not name a check as dataset.check",
            "for example orders.freshness");
        continue;
      }
      String datasetName = written.substring(0, dot);
      String checkName = written.substring(dot + 1);
      DatasetSpec dataset = datasets.get(datasetName);
      if (dataset == null) {
        problems.add(
            item.location(),
            item.field(),
            "dataset '"
                + datasetName
                + "' is not defined"
                + Suggestions.didYouMean(datasetName, datasets.keySet()),
            "write dataset.check with a dataset under datasets:");
        continue;
      }
      List<String> names = dataset.checks().stream().map(CheckSpec::name).toList();
      if (!names.contains(checkName)) {
        problems.add(
            item.location(),
            item.field(),
            "dataset "
                + datasetName
                + " has no check '"
                + checkName
                + "'"
                + Suggestions.didYouMean(checkName, names),
            names.isEmpty() ? "it has no checks" : "its checks: " + String.join(", ", names));
      }
    }
    return checks;
  }

  /** A severity such as SEV1 (any case), or null when absent or unknown (reported). */
  static Severity severity(Fields fields, Located value) {
    String text = fields.text(value);
    if (text == null) {
      return null;
    }
    try {
      return Severity.valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      fields
          .problems()
          .add(
              value.location(),
              value.field(),
              "unknown severity '" + text + "'",
              "use SEV1 (page now), SEV2 (next business day), SEV3 (next sprint) or INFO");
      return null;
    }
  }
}
