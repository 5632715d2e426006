package dev.nines.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The root {@code nines} command; it only groups the subcommands. */
@Command(
    name = "nines",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = "Data reliability checks for the tables you depend on.",
    subcommands = {
      CheckCommand.class,
      ValidateCommand.class,
      SchemaCommand.class,
      HistoryCommand.class,
      ServeCommand.class,
      RunCommand.class,
      IncidentsCommand.class,
      SloCommand.class,
      ContractCommand.class,
      RemediateCommand.class,
      ReportCommand.class,
      SimulateCommand.class,
      SilenceCommand.class,
      NotifyCommand.class,
      VersionCommand.class
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  every check passed (warnings allowed)",
      "  1  a check found bad data (a FAIL)",
      "  2  a check could not run (an ERROR), the spec is invalid, the store failed,",
      "     or bad usage",
      "",
      "Run 'nines COMMAND --help' for a command's options."
    })
final class NinesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--debug",
      description = "Print stack traces and library logs when something goes wrong.")
  boolean debug;

  /** "nines" alone is a usage error: say what it can do, on stderr. */
  @Override
  public Integer call() {
    spec.commandLine()
        .getErr()
        .println("a command is missing: check, validate, schema, history or version");
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }
}
