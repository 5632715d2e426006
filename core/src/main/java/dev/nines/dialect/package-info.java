/**
 * What differs between databases: quoting, literals, FROM items for tables, queries and files,
 * regex, percentiles, catalog queries, error classification and per-connection setup. One {@link
 * dev.nines.dialect.Dialect} per database, registered in {@link dev.nines.dialect.Dialects}.
 */
package dev.nines.dialect;
