package dev.nines.check;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nines.check.internal.Options;
import dev.nines.check.internal.Schemas;
import dev.nines.check.internal.TypeFamilies;
import dev.nines.observation.Bounds;
import dev.nines.observation.ColumnInfo;
import dev.nines.observation.Expectation;
import dev.nines.observation.SchemaSnapshot;
import dev.nines.observation.Status;
import dev.nines.spec.CheckSpec;
import dev.nines.spec.Problems;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Schema drift against the last snapshot kept in history, plus required and forbidden columns.
 * Reads the catalog only.
 */
public final class SchemaCheck implements RunnableCheckType {
  /** The kinds of change a schema check tells apart. */
  enum Change {
    COLUMN_ADDED,
    COLUMN_REMOVED,
    TYPE_CHANGED,
    COLUMN_REORDERED;

    String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Change> of(String key) {
      for (Change change : values()) {
        if (change.key().equals(key)) {
          return Optional.of(change);
        }
      }
      return Optional.empty();
    }
  }

  private static final List<String> CHANGE_KEYS =
      List.of("column_added", "column_removed", "type_changed", "column_reordered");

  @Override
  public String name() {
    return "schema";
  }

  @Override
  public String summary() {
    return "Fails or warns when columns are added, removed, retyped or reordered since the last"
        + " run, or when required/forbidden columns are absent/present.";
  }

  @Override
  public ObjectNode optionsSchema() {
    Map<String, ObjectNode> properties = new LinkedHashMap<>();
    String[] kinds = CHANGE_KEYS.toArray(String[]::new);
    properties.put(
        "fail_on",
        Schemas.list(
            Schemas.enumeration("a kind of change", kinds),
            "changes that fail (default column_removed, type_changed)"));
    properties.put(
        "warn_on",
        Schemas.list(
            Schemas.enumeration("a kind of change", kinds),
            "changes that warn (default column_added, column_reordered)"));
    properties.put("required", Schemas.columns("columns that must exist"));
    properties.put("forbidden", Schemas.columns("columns that must not exist"));
    return Schemas.object(properties);
  }

  @Override
  public String defaultName(CheckSpec spec) {
    return "schema";
  }

  @Override
  public boolean catalogOnly() {
    return true;
  }

  @Override
  public void validate(CheckSpec spec, Problems problems) {
    Options options = new Options(spec, problems);
    options.allowOnly("", Set.of("fail_on", "warn_on", "required", "forbidden"));
    for (String key : List.of("fail_on", "warn_on")) {
      List<String> changes = options.check(key, Options::texts);
      if (changes != null) {
        for (String change : changes) {
          if (Change.of(change).isEmpty()) {
            options.problem(
                key,
                "unknown change '" + change + "'",
                "one of: " + String.join(", ", CHANGE_KEYS));
          }
        }
      }
    }
    options.check("required", Options::columnNames);
    options.check("forbidden", Options::columnNames);
  }

  @Override
  public CheckPlan plan(CheckSpec spec, CheckContext context) {
    ObjectNode options = spec.options();
    Set<Change> failOn =
        changes(options, "fail_on", EnumSet.of(Change.COLUMN_REMOVED, Change.TYPE_CHANGED));
    Set<Change> warnOn =
        changes(options, "warn_on", EnumSet.of(Change.COLUMN_ADDED, Change.COLUMN_REORDERED));
    List<String> required = names(options, "required");
    List<String> forbidden = names(options, "forbidden");
    List<ColumnInfo> columns = context.columns();
    Optional<SchemaSnapshot> previous = context.history().latestSchema(context.dataset());
    return new CheckPlan(
        Map.of(),
        List.of(),
        inputs -> {
          SchemaSnapshot snapshot = new SchemaSnapshot(context.dataset(), columns, context.now());
          List<String> failures = new ArrayList<>();
          List<String> warnings = new ArrayList<>();
          List<String> details = new ArrayList<>();
          for (String column : required) {
            if (find(columns, column).isEmpty()) {
              failures.add("required column " + column + " is missing");
            }
          }
          for (String column : forbidden) {
            find(columns, column)
                .ifPresent(found -> failures.add("forbidden column " + found.name() + " exists"));
          }
          int changes = 0;
          if (previous.isPresent()) {
            for (Map.Entry<Change, List<String>> change :
                diff(previous.get().columns(), columns).entrySet()) {
              for (String line : change.getValue()) {
                changes++;
                if (failOn.contains(change.getKey())) {
                  failures.add(line);
                } else if (warnOn.contains(change.getKey())) {
                  warnings.add(line);
                } else {
                  details.add(line + " (ignored)");
                }
              }
            }
          }
          Status status =
              !failures.isEmpty() ? Status.FAIL : !warnings.isEmpty() ? Status.WARN : Status.PASS;
          List<String> lines = new ArrayList<>(failures);
          lines.addAll(warnings);
          lines.addAll(details);
          String message;
          if (!lines.isEmpty() && status != Status.PASS) {
            message = String.join("; ", status == Status.FAIL ? failures : warnings);
          } else if (previous.isEmpty()) {
            message = "first snapshot: " + columns.size() + " columns";
          } else {
            message = "no schema change (" + columns.size() + " columns)";
          }
          Expectation expectation =
              new Expectation(
                  new Bounds(null, 0.0),
                  Bounds.NONE,
                  "changes",
                  "no " + keys(failOn) + " (fail); no " + keys(warnOn) + " (warn)");
          Map<String, Double> measurements = new LinkedHashMap<>();
          measurements.put("column_count", (double) columns.size());
          measurements.put("schema_changes", (double) changes);
          return new Outcome(
              status, (double) changes, expectation, message, lines, measurements, snapshot);
        });
  }

  /**
   * What changed from {@code before} to {@code after}, one line per change (columns added, removed,
   * retyped, reordered), the way the schema check words them.
   */
  public static List<String> differences(List<ColumnInfo> before, List<ColumnInfo> after) {
    return diff(before, after).values().stream().flatMap(List::stream).toList();
  }

  /** What changed from {@code before} to {@code after}, by kind, one line per change. */
  static Map<Change, List<String>> diff(List<ColumnInfo> before, List<ColumnInfo> after) {
    Map<Change, List<String>> changes = new LinkedHashMap<>();
    for (Change change : Change.values()) {
      changes.put(change, new ArrayList<>());
    }
    List<String> commonBefore = new ArrayList<>();
    for (ColumnInfo old : before) {
      Optional<ColumnInfo> now = find(after, old.name());
      if (now.isEmpty()) {
        changes.get(Change.COLUMN_REMOVED).add("column " + old.name() + " was removed");
        continue;
      }
      commonBefore.add(now.get().name());
      if (!sameType(old, now.get())) {
        changes
            .get(Change.TYPE_CHANGED)
            .add(
                "column "
                    + old.name()
                    + " changed type from "
                    + old.type()
                    + " to "
                    + now.get().type());
      }
    }
    List<String> commonAfter = new ArrayList<>();
    for (ColumnInfo now : after) {
      if (find(before, now.name()).isEmpty()) {
        changes
            .get(Change.COLUMN_ADDED)
            .add("column " + now.name() + " was added (" + now.type() + ")");
      } else {
        commonAfter.add(now.name());
      }
    }
    if (!commonBefore.equals(commonAfter)) {
      changes
          .get(Change.COLUMN_REORDERED)
          .add("columns were reordered: " + String.join(", ", commonAfter));
    }
    changes.values().removeIf(List::isEmpty);
    return changes;
  }

  /**
   * Same family of type (so OpenLineage's {@code string} and a catalog's {@code VARCHAR} agree)
   * and, when both sides come with a JDBC type code, the same code (so {@code int4} to {@code int8}
   * read from a catalog is still a change).
   */
  static boolean sameType(ColumnInfo before, ColumnInfo after) {
    if (before.type().equalsIgnoreCase(after.type())) {
      return true;
    }
    if (!TypeFamilies.of(before.type()).equals(TypeFamilies.of(after.type()))) {
      return false;
    }
    boolean bothCoded = before.jdbcType() != Types.OTHER && after.jdbcType() != Types.OTHER;
    return !bothCoded || before.jdbcType() == after.jdbcType();
  }

  private static Optional<ColumnInfo> find(List<ColumnInfo> columns, String name) {
    return columns.stream().filter(column -> column.name().equalsIgnoreCase(name)).findFirst();
  }

  private static Set<Change> changes(ObjectNode options, String key, Set<Change> defaults) {
    var node = Options.node(options, key);
    if (node == null) {
      return defaults;
    }
    Set<Change> changes = EnumSet.noneOf(Change.class);
    Options.texts(node).forEach(text -> Change.of(text).ifPresent(changes::add));
    return changes;
  }

  private static List<String> names(ObjectNode options, String key) {
    var node = Options.node(options, key);
    return node == null ? List.of() : Options.columnNames(node);
  }

  private static String keys(Set<Change> changes) {
    return changes.isEmpty()
        ? "change"
        : String.join(", ", changes.stream().map(Change::key).toList());
  }
}
