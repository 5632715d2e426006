package dev.nines.cli;

/** The exit codes of every command, documented in the README and in {@code nines --help}. */
public final class ExitCodes {
  /** Every check passed; warnings allowed. */
  public static final int OK = 0;

  /** A check found bad data: a FAIL. */
  public static final int DATA_FAILURE = 1;

  /** A check could not run, the store failed, or Nines itself failed. */
  public static final int SYSTEM_ERROR = 2;

  /** The spec is invalid or the command line is wrong. */
  public static final int USAGE = 2;

  private ExitCodes() {}
}
