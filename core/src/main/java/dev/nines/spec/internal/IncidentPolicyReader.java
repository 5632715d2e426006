package dev.nines.spec.internal;

import dev.nines.incident.Severity;
import dev.nines.observation.Kind;
import dev.nines.observation.Status;
import dev.nines.spec.IncidentPolicySpec;
import dev.nines.spec.Problems;
import dev.nines.spec.SeverityRuleSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads the {@code incidents:} section; every key is optional. */
final class IncidentPolicyReader {
  private final Fields fields;
  private final Problems problems;

  IncidentPolicyReader(Fields fields) {
    this.fields = fields;
    this.problems = fields.problems();
  }

  /**
   * The policy, or the default when the section is absent or not a map (reported).
   *
   * @param names the names rules may refer to, by the rule key (dataset, consumer, pipeline)
   */
  IncidentPolicySpec read(Located section, Map<String, Collection<String>> names) {
    if (section == null
        || section.isAbsent()
        || !fields.map(
            section, "a map with auto_resolve_after, reopen_within, escalate and severity")) {
      return IncidentPolicySpec.DEFAULT;
    }
    fields.rejectUnknownKeys(section, SpecKeys.INCIDENT_POLICY, "incidents");
    Integer autoResolve = fields.positiveInt(section.child("auto_resolve_after"));
    Duration reopen = fields.duration(section.child("reopen_within"));
    return new IncidentPolicySpec(
        autoResolve == null ? IncidentPolicySpec.DEFAULT_AUTO_RESOLVE_AFTER : autoResolve,
        reopen == null ? IncidentPolicySpec.DEFAULT_REOPEN_WITHIN : reopen,
        escalate(section.child("escalate")),
        rules(section.child("severity"), names));
  }

  private Map<Severity, Duration> escalate(Located value) {
    if (value.isAbsent()) {
      return IncidentPolicySpec.DEFAULT_ESCALATE;
    }
    Map<Severity, Duration> escalate = new EnumMap<>(Severity.class);
    if (!fields.map(value, "a map from level to duration, e.g. { SEV3: 7d, SEV2: 24h }")) {
      return escalate;
    }
    for (Located member : value.members()) {
      Severity level = level(member.key());
      if (level == null || level == Severity.SEV1) {
        problems.add(
            member.keyLocation(),
            member.field(),
            "cannot escalate from '" + member.key() + "'",
            "escalate SEV2, SEV3 or INFO: SEV1 is the most urgent level");
        continue;
      }
      Duration after = fields.duration(member);
      if (after != null) {
        escalate.put(level, after);
      }
    }
    return escalate;
  }

  private List<SeverityRuleSpec> rules(Located value, Map<String, Collection<String>> names) {
    List<SeverityRuleSpec> rules = new ArrayList<>();
    if (value.isAbsent()) {
      return rules;
    }
    if (!value.node().isArray()) {
      fields.wrongKind(value, "a list of rules, each with when and severity");
      return rules;
    }
    for (Located item : value.items()) {
      if (!fields.map(item, "a map with when and severity")) {
        continue;
      }
      fields.rejectUnknownKeys(item, SpecKeys.SEVERITY_RULE, "a severity rule");
      Severity severity = ConsumerReader.severity(fields, item.child("severity"));
      if (item.child("severity").isAbsent()) {
        problems.add(
            item.location(), item.field() + ".severity", "a severity rule needs 'severity'");
      }
      Located when = item.child("when");
      if (!when.isAbsent() && !fields.map(when, "a map of conditions")) {
        continue;
      }
      if (!when.isAbsent()) {
        fields.rejectUnknownKeys(when, SpecKeys.SEVERITY_WHEN, "the when of a severity rule");
      }
      List<Kind> kinds = enums(when.child("kind"), Kind.class, "SYSTEM or DATA");
      if (kinds.size() > 1) {
        kinds = List.of(); // both kinds: no condition
      }
      List<Status> statuses = enums(when.child("status"), Status.class, "WARN, FAIL or ERROR");
      List<String> datasets = known(when.child("dataset"), "dataset", names.get("dataset"));
      List<String> consumers = known(when.child("consumer"), "consumer", names.get("consumer"));
      List<String> pipelines = known(when.child("pipeline"), "pipeline", names.get("pipeline"));
      if (severity != null) {
        rules.add(
            new SeverityRuleSpec(
                kinds.isEmpty() ? null : kinds.get(0),
                datasets,
                oneOrMany(when.child("tags")),
                statuses,
                oneOrMany(when.child("check_type")),
                consumers,
                oneOrMany(when.child("owner")),
                pipelines,
                severity,
                rules.size() + 1,
                item.location()));
      }
    }
    return rules;
  }

  /** One value or a list of them. */
  private List<String> oneOrMany(Located value) {
    if (!value.isAbsent() && value.node().isValueNode()) {
      String text = fields.text(value);
      return text == null ? List.of() : List.of(text);
    }
    return fields.textList(value);
  }

  private List<String> known(Located value, String what, Collection<String> known) {
    List<String> written = oneOrMany(value);
    Collection<String> names = known == null ? Set.of() : known;
    for (String name : written) {
      if (!names.contains(name)) {
        problems.add(
            value.location(),
            value.field(),
            what + " '" + name + "' is not defined" + Suggestions.didYouMean(name, names),
            names.isEmpty()
                ? "declare it under " + what + "s:"
                : "defined " + what + "s: " + String.join(", ", names));
      }
    }
    return written;
  }

  private <E extends Enum<E>> List<E> enums(Located value, Class<E> type, String allowed) {
    List<E> values = new ArrayList<>();
    for (String text : oneOrMany(value)) {
      try {
        values.add(Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        problems.add(
            value.location(), value.field(), "unknown value '" + text + "'", "use " + allowed);
      }
    }
    return values;
  }

  private static Severity level(String text) {
    try {
      return Severity.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
