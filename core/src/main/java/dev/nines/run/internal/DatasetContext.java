package dev.nines.run.internal;

import dev.nines.check.CheckContext;
import dev.nines.check.CheckException;
import dev.nines.dialect.Dialect;
import dev.nines.dialect.Relation;
import dev.nines.observation.ColumnInfo;
import dev.nines.observation.ErrorCategory;
import dev.nines.run.History;
import dev.nines.source.TableSchema;
import dev.nines.source.UniqueKey;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What one check of a dataset sees while planning. When the catalog could not be read (explain with
 * an unreachable database) it is lenient: every column exists, spelled as in the spec.
 */
final class DatasetContext implements CheckContext {
  private final String dataset;
  private final String check;
  private final Dialect dialect;
  private final TableSchema schema;
  private final boolean lenient;
  private final Optional<String> filter;
  private final ZoneId timezone;
  private final Instant now;
  private final History history;
  private final Function<String, OtherDataset> others;
  private final Supplier<List<UniqueKey>> uniqueKeys;

  DatasetContext(
      String dataset,
      String check,
      Dialect dialect,
      TableSchema schema,
      boolean lenient,
      Optional<String> filter,
      ZoneId timezone,
      Instant now,
      History history,
      Function<String, OtherDataset> others,
      Supplier<List<UniqueKey>> uniqueKeys) {
    this.dataset = dataset;
    this.check = check;
    this.dialect = dialect;
    this.schema = schema;
    this.lenient = lenient;
    this.filter = filter;
    this.timezone = timezone;
    this.now = now;
    this.history = history;
    this.others = others;
    this.uniqueKeys = uniqueKeys;
  }

  @Override
  public Optional<String> uniqueBy(List<String> columns) {
    if (lenient) {
      return Optional.empty();
    }
    Set<String> named =
        columns.stream().map(name -> column(name).name()).collect(Collectors.toSet());
    return uniqueKeys.get().stream()
        .filter(key -> key.covers(named))
        .map(UniqueKey::description)
        .findFirst();
  }

  @Override
  public String dataset() {
    return dataset;
  }

  @Override
  public String check() {
    return check;
  }

  @Override
  public Dialect dialect() {
    return dialect;
  }

  @Override
  public Relation relation() {
    return schema.relation();
  }

  @Override
  public String from() {
    return dialect.from(schema.relation(), ALIAS);
  }

  @Override
  public Optional<String> filter() {
    return filter;
  }

  @Override
  public List<ColumnInfo> columns() {
    return schema.columns();
  }

  @Override
  public ColumnInfo column(String name) {
    Optional<ColumnInfo> found = schema.column(name);
    if (found.isPresent()) {
      return found.get();
    }
    if (lenient) {
      return new ColumnInfo(name, "unknown", Types.OTHER, 0, true);
    }
    throw new CheckException(
        ErrorCategory.MISSING_COLUMN,
        "column "
            + name
            + " does not exist in "
            + describe(schema.relation())
            + " (columns: "
            + String.join(", ", schema.columns().stream().map(ColumnInfo::name).toList())
            + ")");
  }

  static String describe(Relation relation) {
    if (relation instanceof Relation.Table table) {
      return "table " + table;
    }
    if (relation instanceof Relation.File file) {
      return "file " + file.path();
    }
    return "the dataset's query";
  }

  @Override
  public ZoneId timezone() {
    return timezone;
  }

  @Override
  public Instant now() {
    return now;
  }

  @Override
  public History history() {
    return history;
  }

  @Override
  public OtherDataset dataset(String name) {
    return others.apply(name);
  }
}
