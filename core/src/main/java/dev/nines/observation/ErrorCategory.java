package dev.nines.observation;

/** Why a check could not run. Every ERROR observation carries one. */
public enum ErrorCategory {
  /** The database could not be reached: refused, unknown host, network, connect timeout. */
  CONNECTION,
  /** The database refused the credentials. */
  AUTHENTICATION,
  /** Connected, but not allowed to read the object. */
  PERMISSION,
  /** A query ran past its statement timeout. */
  TIMEOUT,
  /** The table, view or schema does not exist. */
  MISSING_TABLE,
  /** A column named in the spec does not exist in the table. */
  MISSING_COLUMN,
  /** The database rejected the SQL (syntax, types, a bad custom query). */
  SQL,
  /** The database cannot do what the check asks (e.g. a function it lacks). */
  UNSUPPORTED,
  /** No JDBC driver for the url. */
  DRIVER,
  /** A defect in Nines itself. */
  INTERNAL
}
