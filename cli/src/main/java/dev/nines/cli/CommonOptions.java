package dev.nines.cli;

import picocli.CommandLine.Option;

/** Options every subcommand takes: {@code -h/--help} and {@code --debug}. */
final class CommonOptions {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  // Main reads --debug from the raw arguments before parsing; declared here for help and parsing.
  @Option(
      names = "--debug",
      description = "Print stack traces and library logs when something goes wrong.")
  boolean debug;
}
