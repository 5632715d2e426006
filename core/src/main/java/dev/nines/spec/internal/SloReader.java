package dev.nines.spec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nines.slo.BudgetingMethod;
import dev.nines.slo.CalendarPeriod;
import dev.nines.slo.CalendarWindow;
import dev.nines.slo.NoDataPolicy;
import dev.nines.slo.Objective;
import dev.nines.slo.RollingWindow;
import dev.nines.slo.SloWindow;
import dev.nines.spec.CheckSpec;
import dev.nines.spec.DatasetSpec;
import dev.nines.spec.Problems;
import dev.nines.spec.SliSpec;
import dev.nines.spec.SloSpec;
import dev.nines.spec.Values;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads one entry of {@code slos:}, given the datasets and pipelines it may refer to. */
final class SloReader {
  private static final Duration SHORTEST_SLICE = Duration.ofMinutes(1);

  private final Fields fields;
  private final Problems problems;
  private final Map<String, DatasetSpec> datasets;
  private final Set<String> pipelines;
  private final SliReader sliReader;

  SloReader(Fields fields, Map<String, DatasetSpec> datasets, Set<String> pipelines) {
    this.fields = fields;
    this.problems = fields.problems();
    this.datasets = datasets;
    this.pipelines = pipelines;
    this.sliReader = new SliReader(fields, datasets, pipelines);
  }

  /** The SLO, or null when it has a problem (reported). */
  SloSpec read(Located entry) {
    String name = entry.key();
    fields.validName(name, entry, "slo");
    if (!fields.map(entry, "a map with sli, objective and window")) {
      return null;
    }
    String what = "slo " + name;
    int before = problems.size();
    fields.rejectUnknownKeys(entry, SpecKeys.SLO, what);
    SliSpec sli = required(entry, "sli", what) ? sliReader.read(entry.child("sli"), what) : null;
    Objective objective =
        required(entry, "objective", what) ? objective(entry.child("objective")) : null;
    SloWindow window = required(entry, "window", what) ? window(entry.child("window")) : null;
    BudgetingMethod budgeting =
        word(entry.child("budgeting"), BudgetingMethod.values(), BudgetingMethod::word);
    NoDataPolicy noData = word(entry.child("no_data"), NoDataPolicy.values(), NoDataPolicy::word);
    Duration slice = fields.duration(entry.child("slice"));
    if (sli != null) {
      budgeting = consistentBudgeting(entry, sli, budgeting);
    }
    slice = slice(entry.child("slice"), slice, budgeting, window);
    if (problems.size() > before || sli == null || objective == null || window == null) {
      return null;
    }
    return new SloSpec(
        name,
        fields.text(entry.child("description")),
        sli,
        objective,
        window,
        budgeting,
        slice,
        noData,
        entry.keyLocation());
  }

  private boolean required(Located entry, String key, String what) {
    if (entry.child(key).isAbsent()) {
      problems.add(entry.keyLocation(), entry.child(key).field(), what + " needs '" + key + "'");
      return false;
    }
    return true;
  }

  private Objective objective(Located value) {
    JsonNode node = value.node();
    String text = node.isNumber() ? node.asText() : node.isTextual() ? node.textValue() : null;
    if (text == null || !(Values.isPercent(text) || node.isNumber())) {
      fields.wrongKind(value, "a percentage such as 99.5%");
      return null;
    }
    try {
      return Objective.parse(text);
    } catch (IllegalArgumentException e) {
      problems.add(
          value.location(),
          value.field(),
          e.getMessage(),
          "a budget needs room: write 99.5%, 99.9% or another share below 100%");
      return null;
    }
  }

  private SloWindow window(Located value) {
    if (value.node().isTextual()) {
      Duration length = fields.duration(value);
      return length == null ? null : new RollingWindow(length);
    }
    if (!fields.map(value, "a duration such as 28d, or { calendar: month, zone: Europe/Paris }")) {
      return null;
    }
    fields.rejectUnknownKeys(value, SpecKeys.CALENDAR_WINDOW, "the window");
    Located calendar = value.child("calendar");
    if (calendar.isAbsent()) {
      problems.add(
          value.location(),
          calendar.field(),
          "a calendar window needs 'calendar'",
          "calendar: week, month or quarter");
      return null;
    }
    CalendarPeriod period = word(calendar, CalendarPeriod.values(), CalendarPeriod::word);
    ZoneId zone =
        value.child("zone").isAbsent() ? ZoneId.of("UTC") : fields.zone(value.child("zone"));
    return period == null || zone == null ? null : new CalendarWindow(period, zone);
  }

  /** One of an enum's spec words, or null (reported when it is none of them). */
  private <E> E word(Located value, E[] choices, java.util.function.Function<E, String> wordOf) {
    String text = fields.text(value);
    if (text == null) {
      return null;
    }
    List<String> words = Arrays.stream(choices).map(wordOf).toList();
    for (E choice : choices) {
      if (wordOf.apply(choice).equals(text.strip().toLowerCase(Locale.ROOT))) {
        return choice;
      }
    }
    problems.add(
        value.location(),
        value.field(),
        "'"
            + text
            + "' is not one of "
            + String.join(", ", words)
            + Suggestions.didYouMean(text, words));
    return null;
  }

  private BudgetingMethod consistentBudgeting(
      Located entry, SliSpec sli, BudgetingMethod budgeting) {
    if (budgeting == BudgetingMethod.OCCURRENCES && sli instanceof SliSpec.Freshness) {
      problems.add(
          entry.child("budgeting").location(),
          entry.child("budgeting").field(),
          "a freshness SLI is measured as time, it has no occurrences",
          "use budgeting: timeslices or leave it out");
      return null;
    }
    return budgeting == null ? sli.defaultBudgeting() : budgeting;
  }

  private Duration slice(
      Located value, Duration slice, BudgetingMethod budgeting, SloWindow window) {
    if (slice == null) {
      return null;
    }
    if (budgeting == BudgetingMethod.OCCURRENCES) {
      problems.add(
          value.keyLocation(),
          value.field(),
          "slice applies to time slices, this SLO counts occurrences",
          "remove slice, or set budgeting: timeslices");
    } else if (slice.compareTo(SHORTEST_SLICE) < 0 || slice.toSeconds() % 60 != 0) {
      problems.add(
          value.location(),
          value.field(),
          "slice " + Values.human(slice) + " is not a whole number of minutes",
          "SLIs are kept per minute: use 1m, 5m, 1h");
    } else if (window instanceof RollingWindow rolling && slice.compareTo(rolling.length()) >= 0) {
      problems.add(
          value.location(),
          value.field(),
          "slice " + Values.human(slice) + " is not shorter than the window",
          "a window holds many slices: use 1m or 5m");
    }
    return slice;
  }

  /** The fail age of the dataset's freshness check, if it has one. */
  static Optional<Duration> freshnessFailAge(DatasetSpec dataset) {
    for (CheckSpec check : dataset.checks()) {
      JsonNode fail = check.options() == null ? null : check.options().get("fail");
      if ("freshness".equals(check.type()) && fail != null && fail.isTextual()) {
        try {
          return Optional.of(Values.duration(fail.textValue()));
        } catch (IllegalArgumentException e) {
          return Optional.empty(); // the check's own reader reports it
        }
      }
    }
    return Optional.empty();
  }
}
