package dev.nines.simulate;

import dev.nines.observation.Status;
import dev.nines.spec.CheckSpec;
import dev.nines.spec.DatasetSpec;
import dev.nines.spec.InvalidSpecException;
import dev.nines.spec.Problems;
import dev.nines.spec.Spec;
import dev.nines.spec.Values;
import dev.nines.spec.internal.Fields;
import dev.nines.spec.internal.Located;
import dev.nines.spec.internal.LocatedDocument;
import dev.nines.spec.internal.Suggestions;
import dev.nines.spec.internal.YamlTreeReader;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a scenario file and checks it against the spec it is played on: every dataset, check,
 * source and metric it names must exist, every fault must fall in the month. All problems are
 * reported together, each at its file:line:column, as an {@link InvalidSpecException}.
 */
public final class ScenarioReader {
  private static final List<String> TOP =
      List.of("month", "zone", "every", "evaluate_every", "loads", "metrics", "faults");
  private static final List<String> KINDS =
      List.of("no_loads", "fail", "warn", "source_down", "metric");
  private static final List<String> COMMON = List.of("from", "for", "about");
  private static final Duration DEFAULT_EVERY = Duration.ofMinutes(15);
  private static final Duration DEFAULT_EVALUATE_EVERY = Duration.ofMinutes(5);

  private final Spec spec;
  private final Problems problems = new Problems();
  private final Fields fields = new Fields(problems);

  private ScenarioReader(Spec spec) {
    this.spec = spec;
  }

  /**
   * The scenario in {@code path} (shown to users as {@code file}), checked against {@code spec}.
   */
  public static Scenario read(Path path, String file, Spec spec) {
    return new ScenarioReader(spec).readFile(path, file);
  }

  private Scenario readFile(Path path, String file) {
    Optional<LocatedDocument> document = new YamlTreeReader(problems).read(path, file);
    problems.throwIfAny();
    Located root = document.orElseThrow().cursor();
    if (!fields.map(root, "a scenario: a map with month, every, loads, metrics and faults")) {
      problems.throwIfAny();
    }
    fields.rejectUnknownKeys(root, TOP, "the scenario");
    YearMonth month = month(root.child("month"));
    ZoneId zone = Optional.ofNullable(fields.zone(root.child("zone"))).orElse(ZoneOffset.UTC);
    Duration every = orDefault(fields.duration(root.child("every")), DEFAULT_EVERY);
    Duration evaluateEvery =
        orDefault(fields.duration(root.child("evaluate_every")), DEFAULT_EVALUATE_EVERY);
    Map<String, Duration> loads = loads(root.child("loads"));
    List<MetricStream> metrics = metrics(root.child("metrics"));
    List<Fault> faults = new ArrayList<>();
    if (month != null) {
      Instant start = month.atDay(1).atStartOfDay(zone).toInstant();
      Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
      for (Located item : root.child("faults").items()) {
        fault(item, zone, start, end, metrics).ifPresent(faults::add);
      }
    }
    if (!root.child("faults").isAbsent() && !root.child("faults").node().isArray()) {
      fields.wrongKind(root.child("faults"), "a list of faults");
    }
    problems.throwIfAny();
    return new Scenario(file, month, zone, every, evaluateEvery, loads, metrics, faults);
  }

  private YearMonth month(Located value) {
    String text = fields.text(value);
    if (text == null) {
      problems.add(value.location(), "month", "the scenario needs 'month', e.g. month: 2026-10");
      return null;
    }
    try {
      return YearMonth.parse(text.strip());
    } catch (DateTimeException e) {
      problems.add(
          value.location(), value.field(), "'" + text + "' is not a month such as 2026-10");
      return null;
    }
  }

  private Map<String, Duration> loads(Located value) {
    Map<String, Duration> loads = new LinkedHashMap<>();
    if (value.isAbsent() || !fields.map(value, "a map of dataset: how often it is loaded")) {
      return loads;
    }
    for (Located member : value.members()) {
      if (knownDataset(member.key(), member)) {
        Duration every = fields.duration(member);
        if (every != null) {
          loads.put(member.key(), every);
        }
      }
    }
    return loads;
  }

  private List<MetricStream> metrics(Located value) {
    List<MetricStream> streams = new ArrayList<>();
    if (value.isAbsent() || !fields.map(value, "a map of dataset.metric: { every, value }")) {
      return streams;
    }
    for (Located member : value.members()) {
      String[] parts = split(member.key(), member, "dataset.metric");
      if (parts == null
          || !knownDataset(parts[0], member)
          || !fields.map(member, "{ every, value }")) {
        continue;
      }
      fields.rejectUnknownKeys(member, List.of("every", "value"), "metric " + member.key());
      Duration every = fields.duration(member.child("every"));
      Double usual = number(member.child("value"), member, "value");
      if (every == null && member.child("every").isAbsent()) {
        problems.add(
            member.keyLocation(), member.field(), "metric " + member.key() + " needs 'every'");
      }
      if (every != null && usual != null) {
        streams.add(new MetricStream(parts[0], parts[1], every, usual));
      }
    }
    return streams;
  }

  private Optional<Fault> fault(
      Located item, ZoneId zone, Instant start, Instant end, List<MetricStream> metrics) {
    if (!fields.map(item, "a fault: a map such as { no_loads: orders, from: ..., for: 6h }")) {
      return Optional.empty();
    }
    List<String> kinds = item.members().stream().map(Located::key).filter(KINDS::contains).toList();
    if (kinds.size() != 1) {
      problems.add(
          item.location(),
          item.field(),
          kinds.isEmpty()
              ? "a fault needs one of " + String.join(", ", KINDS)
              : "a fault has one kind, this one has " + String.join(" and ", kinds),
          "e.g. { fail: orders.duplicates_order_id, from: 2026-10-15T08:00, for: 3h }");
      return Optional.empty();
    }
    String kind = kinds.get(0);
    List<String> known = new ArrayList<>(COMMON);
    known.add(kind);
    if (kind.equals("metric")) {
      known.addAll(List.of("value", "share"));
    }
    fields.rejectUnknownKeys(item, known, "a " + kind + " fault");
    Instant from = instant(item.child("from"), item, zone);
    Duration length = fields.duration(item.child("for"));
    if (item.child("for").isAbsent()) {
      problems.add(item.location(), item.field(), "a fault needs 'for', e.g. for: 6h");
    }
    String about = fields.text(item.child("about"));
    if (from != null && (from.isBefore(start) || !from.isBefore(end))) {
      problems.add(
          item.child("from").location(),
          item.child("from").field(),
          "starts outside the month played (" + start + " to " + end + ")");
      from = null;
    }
    Located subject = item.child(kind);
    String name = fields.requiredTextValue(subject);
    if (name == null || from == null || length == null) {
      return Optional.empty();
    }
    return switch (kind) {
      case "no_loads" ->
          knownDataset(name, subject)
              ? Optional.of(new Fault.NoLoads(name, from, length, about))
              : Optional.empty();
      case "source_down" -> {
        if (!spec.sources().containsKey(name)) {
          unknown(subject, "source", name, spec.sources().keySet());
          yield Optional.empty();
        }
        yield Optional.of(new Fault.SourceDown(name, from, length, about));
      }
      case "metric" -> metricFault(item, subject, name, metrics, from, length, about);
      default -> checkFault(subject, name, kind, from, length, about);
    };
  }

  private Optional<Fault> checkFault(
      Located subject, String name, String kind, Instant from, Duration length, String about) {
    String[] parts = split(name, subject, "dataset.check");
    if (parts == null || !knownDataset(parts[0], subject)) {
      return Optional.empty();
    }
    List<String> checks =
        spec.datasets().get(parts[0]).checks().stream().map(CheckSpec::name).toList();
    if (!checks.contains(parts[1])) {
      unknown(subject, "check of " + parts[0], parts[1], checks);
      return Optional.empty();
    }
    Status status = kind.equals("warn") ? Status.WARN : Status.FAIL;
    return Optional.of(new Fault.CheckStatus(parts[0], parts[1], status, from, length, about));
  }

  private Optional<Fault> metricFault(
      Located item,
      Located subject,
      String name,
      List<MetricStream> metrics,
      Instant from,
      Duration length,
      String about) {
    Optional<MetricStream> stream =
        metrics.stream().filter(metric -> metric.key().equals(name)).findFirst();
    if (stream.isEmpty()) {
      unknown(
          subject, "metric under metrics:", name, metrics.stream().map(MetricStream::key).toList());
    }
    Double value = number(item.child("value"), item, "value");
    double share = 1;
    Located shareValue = item.child("share");
    if (!shareValue.isAbsent()) {
      String text = fields.text(shareValue);
      try {
        share = Values.percent(text);
        if (!(share > 0 && share <= 1)) {
          problems.add(
              shareValue.location(), shareValue.field(), "must be over 0% and at most 100%");
          return Optional.empty();
        }
      } catch (IllegalArgumentException e) {
        problems.add(shareValue.location(), shareValue.field(), e.getMessage());
        return Optional.empty();
      }
    }
    if (stream.isEmpty() || value == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Fault.MetricValue(
            stream.get().dataset(), stream.get().metric(), value, share, from, length, about));
  }

  private Instant instant(Located value, Located parent, ZoneId zone) {
    String text = fields.text(value);
    if (text == null) {
      if (value.isAbsent()) {
        problems.add(
            parent.location(), parent.field(), "a fault needs 'from', e.g. from: 2026-10-09T02:00");
      }
      return null;
    }
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeException notOffset) {
      try {
        return LocalDateTime.parse(text.strip()).atZone(zone).toInstant();
      } catch (DateTimeException e) {
        problems.add(
            value.location(),
            value.field(),
            "'"
                + text
                + "' is not a time such as 2026-10-09T02:00 (read in the scenario's zone)"
                + " or 2026-10-09T02:00Z");
        return null;
      }
    }
  }

  private Double number(Located value, Located parent, String key) {
    if (value.isAbsent()) {
      problems.add(parent.location(), parent.field(), "needs '" + key + "', a number");
      return null;
    }
    if (!value.node().isNumber()) {
      fields.wrongKind(value, "a number");
      return null;
    }
    return value.node().doubleValue();
  }

  private String[] split(String name, Located at, String shape) {
    int dot = name.indexOf('.');
    if (dot <= 0 || dot == name.length() - 1) {
      problems.add(at.location(), at.field(), "'" + name + "' is not " + shape);
      return null;
    }
    return new String[] {name.substring(0, dot), name.substring(dot + 1)};
  }

  private boolean knownDataset(String name, Located at) {
    DatasetSpec dataset = spec.datasets().get(name);
    if (dataset == null) {
      unknown(at, "dataset", name, spec.datasets().keySet());
      return false;
    }
    return true;
  }

  private void unknown(Located at, String what, String name, java.util.Collection<String> known) {
    problems.add(
        at.location(),
        at.field(),
        "no " + what + " named '" + name + "' in the spec" + Suggestions.didYouMean(name, known),
        known.isEmpty() ? null : "known: " + String.join(", ", known));
  }

  private static Duration orDefault(Duration value, Duration fallback) {
    return value == null ? fallback : value;
  }
}
