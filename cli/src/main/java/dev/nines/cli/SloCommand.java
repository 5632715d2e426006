package dev.nines.cli;

import dev.nines.NinesException;
import dev.nines.spec.SloSpec;
import dev.nines.store.slo.SloPass;
import dev.nines.store.slo.SloResult;
import dev.nines.store.slo.SloView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nines slo}: where the spec's SLOs stand, read from the store. */
@Command(
    name = "slo",
    description = "Shows where service level objectives stand.",
    subcommands = {SloCommand.Status.class, SloImportCommand.class, SloExportCommand.class})
final class SloCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("a subcommand is missing: status, import or export");
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  /**
   * {@code nines slo status}: runs one evaluation pass (folding what was stored since the last one
   * into the SLOs' aggregates) and prints each SLO's SLI, budget, burn rates and alert. Exit code 1
   * when an SLO misses its objective or its burn pages or asks for a ticket.
   */
  @Command(
      name = "status",
      description = "Evaluates the SLOs from the store: SLI, error budget, burn rates, alerts.")
  static final class Status extends StoreCommand {
    @Parameters(
        arity = "0..*",
        paramLabel = "SLO",
        description = "Only these SLOs (default: all of the spec's).")
    List<String> names = List.of();

    @Option(
        names = "--format",
        paramLabel = "FORMAT",
        defaultValue = "table",
        description = "table or json (default: ${DEFAULT-VALUE}).")
    IncidentsCommand.Format format;

    Status(CliEnvironment environment) {
      super(environment);
    }

    @Override
    public Integer call() {
      Map<String, SloSpec> declared = specOptions.load(environment).slos();
      if (declared.isEmpty()) {
        throw new NinesException("the spec declares no SLOs: add a slos: section (docs/slos.md)");
      }
      Map<String, SloSpec> chosen = choose(declared);
      List<SloResult> results =
          withStore(store -> new SloPass(store).run(declared, environment.clock().instant()));
      List<SloView> views =
          results.stream()
              .filter(result -> chosen.containsKey(result.name()))
              .map(SloView::of)
              .toList();
      if (format == IncidentsCommand.Format.json) {
        printJson(views);
      } else {
        SloTable.print(views, environment.out());
      }
      boolean trouble =
          views.stream()
              .anyMatch(view -> Boolean.FALSE.equals(view.met()) || !"NONE".equals(view.alert()));
      return trouble ? ExitCodes.DATA_FAILURE : ExitCodes.OK;
    }

    private Map<String, SloSpec> choose(Map<String, SloSpec> declared) {
      if (names.isEmpty()) {
        return declared;
      }
      Map<String, SloSpec> chosen = new LinkedHashMap<>();
      for (String name : names) {
        SloSpec slo = declared.get(name);
        if (slo == null) {
          throw new NinesException(
              "no SLO named '"
                  + name
                  + "'; the spec declares "
                  + String.join(", ", declared.keySet()));
        }
        chosen.put(name, slo);
      }
      return chosen;
    }
  }
}
