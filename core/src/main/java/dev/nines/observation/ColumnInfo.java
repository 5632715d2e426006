package dev.nines.observation;

/**
 * One column of a table as the database catalog reports it.
 *
 * @param name as the database spells it
 * @param type the database's type name, e.g. {@code timestamp with time zone}, {@code VARCHAR}
 * @param jdbcType the {@link java.sql.Types} code
 * @param position 1-based ordinal position
 * @param nullable whether it accepts nulls
 */
public record ColumnInfo(String name, String type, int jdbcType, int position, boolean nullable) {}
