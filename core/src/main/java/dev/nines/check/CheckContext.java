package dev.nines.check;

import dev.nines.dialect.Dialect;
import dev.nines.dialect.Relation;
import dev.nines.observation.ColumnInfo;
import dev.nines.run.History;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** What a check may know while planning its SQL: the dataset, its columns, the database. */
public interface CheckContext {
  /** Alias of the dataset's relation in every query the engine writes. */
  String ALIAS = "t";

  String dataset();

  /** The check's effective name. */
  String check();

  Dialect dialect();

  /** What the dataset reads, with the catalog's spelling of a table's name. */
  Relation relation();

  /** The FROM item of the dataset, aliased {@link #ALIAS}. */
  String from();

  /** The dataset's {@code where} ANDed with the check's, empty when neither is set. */
  Optional<String> filter();

  /** The columns as the catalog reports them, in order. */
  List<ColumnInfo> columns();

  /**
   * The catalog's column for a spec name.
   *
   * @throws CheckException MISSING_COLUMN when the dataset has no such column
   */
  ColumnInfo column(String name);

  /** The quoted name of a column, for SQL. */
  default String quoted(String name) {
    return dialect().quote(column(name).name());
  }

  /**
   * What in the catalog makes rows unique on these columns (among rows with none of them NULL),
   * e.g. {@code primary key}; empty when the catalog proves nothing or the dataset is a query or a
   * file. Read from the catalog on first use.
   *
   * @param columns columns as written in the spec
   */
  default Optional<String> uniqueBy(List<String> columns) {
    return Optional.empty();
  }

  /** Zone of timestamps stored without one. */
  ZoneId timezone();

  /** The time of the run. */
  Instant now();

  History history();

  /**
   * Another dataset on the same source, for reference checks.
   *
   * @throws CheckException when it is unknown, on another source, or missing
   */
  OtherDataset dataset(String name);

  /** A dataset a check reads besides its own. */
  interface OtherDataset {
    /** Its FROM item with the given alias. */
    String from(String alias);

    /** The quoted name of one of its columns; MISSING_COLUMN when absent. */
    String quoted(String column);
  }
}
