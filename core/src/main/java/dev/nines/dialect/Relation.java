package dev.nines.dialect;

import java.util.List;

/** What a dataset reads from: a table or view, a SELECT, or files read by the database. */
public sealed interface Relation {
  /** A table or view, by the parts of its name as the catalog spells them. */
  record Table(List<String> parts) implements Relation {
    public Table {
      parts = List.copyOf(parts);
      if (parts.isEmpty()) {
        throw new IllegalArgumentException("a table name has at least one part");
      }
    }

    public String name() {
      return parts.get(parts.size() - 1);
    }

    /** The schema (or MySQL database) part, null when unqualified. */
    public String schema() {
      return parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
    }

    /** The catalog part of a three-part name, null otherwise. */
    public String catalog() {
      return parts.size() == 3 ? parts.get(0) : null;
    }

    @Override
    public String toString() {
      return String.join(".", parts);
    }
  }

  /** A SELECT written by the user, checked as if it were a table. */
  record Query(String sql) implements Relation {}

  /** A Parquet, CSV or JSON file (or glob) read through the database (DuckDB). */
  record File(String path) implements Relation {}
}
