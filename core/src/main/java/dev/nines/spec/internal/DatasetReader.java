package dev.nines.spec.internal;

import dev.nines.check.CheckTypes;
import dev.nines.spec.CheckSpec;
import dev.nines.spec.DatasetSpec;
import dev.nines.spec.Identifiers;
import dev.nines.spec.Problems;
import dev.nines.spec.SourceSpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads one entry of {@code datasets:}, given the sources already read. */
final class DatasetReader {
  private static final Pattern CRON_FIELD = Pattern.compile("[0-9A-Za-z*?/,#LW-]+");
  private static final List<String> CRON_MACROS =
      List.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");

  private final Fields fields;
  private final Problems problems;
  private final CheckReader checks;

  DatasetReader(Fields fields, CheckTypes types) {
    this.fields = fields;
    this.problems = fields.problems();
    this.checks = new CheckReader(fields, types);
  }

  /** The dataset, or null when it is not even a map. */
  DatasetSpec read(Located entry, Map<String, SourceSpec> sources) {
    String name = entry.key();
    fields.validName(name, entry, "dataset");
    if (!fields.map(entry, "a map with source, table (or query or file) and checks")) {
      return null;
    }
    String what = "dataset " + name;
    fields.rejectUnknownKeys(entry, SpecKeys.DATASET, what);
    String sourceName = fields.requiredText(entry, "source", what);
    SourceSpec source = sourceName == null ? null : source(entry, sourceName, sources);
    onlyOneKind(entry, what);
    String table = table(entry.child("table"));
    String query = query(entry.child("query"));
    String file = file(entry.child("file"), source);
    Duration every = fields.duration(entry.child("every"));
    String cron = cron(entry.child("cron"));
    if (!entry.child("every").isAbsent() && !entry.child("cron").isAbsent()) {
      problems.add(
          entry.child("cron").keyLocation(),
          entry.child("cron").field(),
          what + " sets both every and cron",
          "keep one of them");
    }
    List<CheckSpec> checkList = checks.readAll(entry.child("checks"), name);
    return new DatasetSpec(
        name,
        sourceName,
        table,
        query,
        file,
        fields.text(entry.child("owner")),
        fields.textList(entry.child("tags")),
        fields.text(entry.child("description")),
        every,
        cron,
        fields.filter(entry.child("where")),
        checkList,
        entry.keyLocation(),
        new RemediationReader(fields).runbook(entry.child("runbook")));
  }

  private SourceSpec source(Located entry, String sourceName, Map<String, SourceSpec> sources) {
    SourceSpec source = sources.get(sourceName);
    if (source == null && !sources.containsKey(sourceName)) {
      Located value = entry.child("source");
      problems.add(
          value.location(),
          value.field(),
          "source '"
              + sourceName
              + "' is not defined"
              + Suggestions.didYouMean(sourceName, sources.keySet()),
          sources.isEmpty()
              ? "declare it under sources:"
              : "defined sources: " + String.join(", ", sources.keySet()));
    }
    return source;
  }

  private void onlyOneKind(Located entry, String what) {
    List<Located> given =
        SpecKeys.DATASET_KINDS.stream().map(entry::child).filter(kind -> !kind.isAbsent()).toList();
    if (given.isEmpty()) {
      problems.add(
          entry.keyLocation(),
          entry.field(),
          what + " needs one of table, query or file",
          "add table: schema.name for a table or view");
    }
    for (Located extra : given.subList(Math.min(1, given.size()), given.size())) {
      problems.add(
          extra.keyLocation(),
          extra.field(),
          what + " sets both " + given.get(0).key() + " and " + extra.key(),
          "keep exactly one of table, query and file");
    }
  }

  private String table(Located value) {
    String table = fields.text(value);
    if (table != null && !Identifiers.isQualified(table)) {
      problems.add(
          value.location(),
          value.field(),
          "'" + table + "' is not a valid table name",
          Identifiers.rule());
      return null;
    }
    return table;
  }

  private String query(Located value) {
    String query = fields.text(value);
    if (query == null) {
      return null;
    }
    var problem = SqlText.selectProblem(query);
    if (problem.isPresent()) {
      problems.add(
          value.location(),
          value.field(),
          "the query " + problem.get(),
          "a dataset query is one SELECT whose result is checked like a table");
      return null;
    }
    return SqlText.withoutTrailingSemicolons(query);
  }

  private String file(Located value, SourceSpec source) {
    String file = fields.text(value);
    if (file == null) {
      return null;
    }
    if (file.isBlank()) {
      problems.add(value.location(), value.field(), "must not be empty");
      return null;
    }
    if (source != null && source.url() != null && !source.url().startsWith("jdbc:duckdb:")) {
      problems.add(
          value.keyLocation(),
          value.field(),
          "file datasets need a DuckDB source, and source " + source.name() + " is not one",
          "add a source with url: jdbc:duckdb: and point this dataset at it");
    }
    return file;
  }

  private String cron(Located value) {
    String cron = fields.text(value);
    if (cron == null) {
      return null;
    }
    String trimmed = cron.strip();
    String[] parts = trimmed.split("\\s+");
    boolean macro = CRON_MACROS.contains(trimmed.toLowerCase());
    boolean valid =
        macro
            || (parts.length >= 5
                && parts.length <= 7
                && Arrays.stream(parts).allMatch(field -> CRON_FIELD.matcher(field).matches()));
    if (!valid) {
      problems.add(
          value.location(),
          value.field(),
          "'" + cron + "' is not a cron expression",
          "five fields: minute hour day-of-month month day-of-week, e.g. \"0 2 * * *\"");
      return null;
    }
    return trimmed;
  }
}
