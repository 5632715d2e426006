package dev.nines.report;

import dev.nines.dialect.Dialect;
import dev.nines.dialect.Dialects;
import dev.nines.dialect.Relation;
import dev.nines.dialect.TableStatistic;
import dev.nines.source.Catalog;
import dev.nines.source.SourceException;
import dev.nines.source.SourcePool;
import dev.nines.source.SqlExecutor;
import dev.nines.source.TableSchema;
import dev.nines.spec.Identifiers;
import dev.nines.spec.SourceSpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Whether a table is read and how big it is, from the database's own catalog and counters, each
 * dialect asking its own ({@link Dialect#tableReads}, {@link Dialect#tableSize}). Where the
 * database cannot tell, the report says so rather than guessing 0.
 */
public final class TableUsage {
  private TableUsage() {}

  /**
   * The value of {@code table} (as written in the spec, possibly qualified) on {@code source};
   * never throws: a failure is told in the notes.
   */
  public static DatasetReport.Value of(SourceSpec source, String table) {
    if (table == null) {
      String why = "not known: a query or file dataset is not a table";
      return new DatasetReport.Value(null, null, why, why);
    }
    Optional<Dialect> dialect = Dialects.builtIn().forUrl(source.url());
    if (dialect.isEmpty()) {
      String why = "not known: no dialect speaks to source " + source.name();
      return new DatasetReport.Value(null, null, why, why);
    }
    Relation.Table written = new Relation.Table(Identifiers.split(table));
    try (SourcePool pool = new SourcePool(source, dialect.get());
        SqlExecutor executor = new SqlExecutor();
        Connection connection = pool.connect()) {
      TableSchema found =
          new Catalog(dialect.get(), source, executor)
              .describe(connection, written, source.queryTimeout());
      Relation.Table exact = (Relation.Table) found.relation();
      TableStatistic reads = quietly(() -> dialect.get().tableReads(connection, exact), "reads");
      TableStatistic size = quietly(() -> dialect.get().tableSize(connection, exact), "size");
      return new DatasetReport.Value(
          reads.value(),
          size.value(),
          reads.isKnown() && reads.value() == 0
              ? "unused: no read counted, " + reads.basis()
              : reads.basis(),
          size.basis());
    } catch (SourceException e) {
      String why = "not known: " + firstLine(e.getMessage());
      return new DatasetReport.Value(null, null, why, why);
    } catch (SQLException | RuntimeException e) {
      String why = "not known: could not read the catalog: " + firstLine(e.getMessage());
      return new DatasetReport.Value(null, null, why, why);
    }
  }

  private interface Statistic {
    TableStatistic read() throws SQLException;
  }

  private static TableStatistic quietly(Statistic statistic, String what) {
    try {
      return statistic.read();
    } catch (SQLException | RuntimeException e) {
      return TableStatistic.unknown(
          "not known: reading its " + what + " failed: " + firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "no reason given";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
