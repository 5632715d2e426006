package dev.nines.check.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The family of a column type (text, integer, decimal, float, boolean, date, time, timestamp,
 * timestamp_tz, binary, uuid, json, array, struct), so type names of different vocabularies compare
 * equal when they mean the same kind of value: OpenLineage's {@code string} and a catalog's {@code
 * CHARACTER VARYING}, Spark's {@code decimal(12,2)} and PostgreSQL's {@code numeric}. A name of no
 * known family is its own family.
 */
public final class TypeFamilies {
  private static final Map<String, Set<String>> FAMILIES =
      Map.ofEntries(
          Map.entry(
              "text",
              Set.of(
                  "varchar",
                  "character varying",
                  "char",
                  "character",
                  "nchar",
                  "nvarchar",
                  "national character varying",
                  "national character",
                  "varchar2",
                  "nvarchar2",
                  "text",
                  "string",
                  "clob",
                  "nclob",
                  "character large object",
                  "bpchar",
                  "name",
                  "citext",
                  "tinytext",
                  "mediumtext",
                  "longtext",
                  "varchar_ignorecase")),
          Map.entry(
              "integer",
              Set.of(
                  "tinyint",
                  "smallint",
                  "mediumint",
                  "int",
                  "integer",
                  "bigint",
                  "int1",
                  "int2",
                  "int4",
                  "int8",
                  "int16",
                  "int32",
                  "int64",
                  "short",
                  "long",
                  "byte",
                  "serial",
                  "smallserial",
                  "bigserial",
                  "serial4",
                  "serial8",
                  "hugeint",
                  "utinyint",
                  "usmallint",
                  "uinteger",
                  "ubigint",
                  "uhugeint")),
          Map.entry(
              "decimal", Set.of("decimal", "numeric", "number", "dec", "money", "bignumeric")),
          Map.entry(
              "float",
              Set.of(
                  "float",
                  "float4",
                  "float8",
                  "float32",
                  "float64",
                  "real",
                  "double",
                  "double precision",
                  "decfloat",
                  "binary_float",
                  "binary_double")),
          Map.entry("boolean", Set.of("boolean", "bool", "bit", "logical")),
          Map.entry("date", Set.of("date")),
          Map.entry(
              "time", Set.of("time", "time without time zone", "timetz", "time with time zone")),
          Map.entry(
              "timestamp",
              Set.of(
                  "timestamp",
                  "timestamp without time zone",
                  "datetime",
                  "datetime2",
                  "smalldatetime",
                  "timestamp_ntz")),
          Map.entry(
              "timestamp_tz",
              Set.of(
                  "timestamptz",
                  "timestamp with time zone",
                  "timestamp_tz",
                  "timestamp_ltz",
                  "timestamp with local time zone",
                  "datetimeoffset")),
          Map.entry(
              "binary",
              Set.of(
                  "binary",
                  "varbinary",
                  "binary varying",
                  "bytea",
                  "blob",
                  "binary large object",
                  "bytes",
                  "tinyblob",
                  "mediumblob",
                  "longblob",
                  "image")),
          Map.entry("uuid", Set.of("uuid", "uniqueidentifier")),
          Map.entry("json", Set.of("json", "jsonb")));

  private TypeFamilies() {}

  /** The family of {@code typeName}; the name in lower case without sizes when none is known. */
  public static String of(String typeName) {
    if (typeName == null) {
      return "unknown";
    }
    String plain =
        typeName
            .toLowerCase(Locale.ROOT)
            .replaceAll("\\([^)]*\\)", " ")
            .replace(" unsigned", " ")
            .trim()
            .replaceAll("\\s+", " ");
    if (plain.endsWith("[]") || plain.startsWith("array") || plain.startsWith("_")) {
      return "array";
    }
    if (plain.startsWith("struct") || plain.startsWith("map<") || plain.equals("row")) {
      return "struct";
    }
    for (Map.Entry<String, Set<String>> family : FAMILIES.entrySet()) {
      if (family.getValue().contains(plain)) {
        return family.getKey();
      }
    }
    return plain;
  }
}
