package dev.nines.cli;

import dev.nines.NinesException;
import dev.nines.incident.Incident;
import dev.nines.report.ReportFormat;
import dev.nines.report.ReportPeriod;
import dev.nines.report.Reports;
import dev.nines.report.SlaReport;
import dev.nines.simulate.Scenario;
import dev.nines.simulate.ScenarioReader;
import dev.nines.spec.InvalidSpecException;
import dev.nines.spec.Spec;
import dev.nines.spec.StoreSpec;
import dev.nines.store.IncidentQuery;
import dev.nines.store.NinesStore;
import dev.nines.store.report.StoreReports;
import dev.nines.store.simulate.MonthPlayer;
import dev.nines.store.simulate.PlayedMonth;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nines simulate SCENARIO}: plays a month of the spec in seconds (loads that stop, checks
 * that fail, a source that goes down, a metric that degrades) through the real incident manager and
 * SLO passes, then writes every consumer's SLA report of that month.
 */
@Command(
    name = "simulate",
    description =
        "Plays a simulated month (a scenario file) through incidents and SLOs into a fresh store,"
            + " then writes each consumer's SLA report for that month.")
final class SimulateCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Mixin CommonOptions common;

  @Mixin SpecOptions specOptions;

  @Parameters(
      paramLabel = "SCENARIO",
      description = "The scenario file, e.g. examples/quickstart/month.yml (docs/simulate.md).")
  Path scenarioFile;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Where the simulated store and the reports go (default: .nines/simulated-MONTH); the"
              + " store there is replaced on each run.")
  Path out;

  @Option(
      names = "--store",
      paramLabel = "URL",
      description =
          "Play into this store instead (it must hold no check runs); user and password come from"
              + " NINES_STORE_USER and NINES_STORE_PASSWORD.")
  String storeUrl;

  SimulateCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    Spec spec = specOptions.load(environment);
    Path scenarioPath = environment.workingDirectory().resolve(scenarioFile);
    if (!Files.exists(scenarioPath)) {
      throw new NinesException("scenario file " + scenarioFile + " does not exist");
    }
    if (!Files.isRegularFile(scenarioPath)) {
      throw new NinesException("scenario " + scenarioFile + " is not a file");
    }
    Scenario scenario;
    try {
      scenario = ScenarioReader.read(scenarioPath, scenarioFile.toString(), spec);
    } catch (InvalidSpecException invalid) {
      StringBuilder problems =
          new StringBuilder("the scenario is invalid, nothing was played (")
              .append(invalid.problems().size())
              .append(invalid.problems().size() == 1 ? " problem):" : " problems):");
      invalid
          .problems()
          .forEach(problem -> problems.append(System.lineSeparator()).append(problem));
      throw new NinesException(problems.toString(), invalid);
    }
    Path folder =
        environment
            .workingDirectory()
            .resolve(out != null ? out : Path.of(".nines", "simulated-" + scenario.month()));
    StoreSpec storeSpec = storeSpec(folder);
    NinesStore store = StoreAccess.open(storeSpec);
    try {
      SimulatedNotifications notifications =
          SimulatedNotifications.wanted(spec) ? new SimulatedNotifications(spec, store) : null;
      PlayedMonth played =
          new MonthPlayer(store, spec, scenario)
              .play(
                  this::progress,
                  now -> {
                    if (notifications != null) {
                      notifications.between(now, now.plus(scenario.evaluateEvery()));
                    }
                  });
      if (environment.errIsTerminal()) {
        environment.err().println();
      }
      Map<String, SlaReport> reports = slaReports(store, spec, scenario);
      List<Path> written = writeReports(store, reports, scenario, folder);
      environment
          .out()
          .print(
              new SimulationSummary(
                      spec,
                      played,
                      incidents(store),
                      reports,
                      notifications == null ? null : notifications.queued())
                  .text(written, environment.workingDirectory(), storeSpec.url()));
      environment.out().flush();
    } finally {
      StoreProblems.closeQuietly(store);
    }
    return ExitCodes.OK;
  }

  private StoreSpec storeSpec(Path folder) {
    if (storeUrl != null && !storeUrl.isBlank()) {
      return new StoreSpec(
          storeUrl.strip(),
          environment.env().get("NINES_STORE_USER"),
          environment.env().get("NINES_STORE_PASSWORD"));
    }
    try {
      Files.createDirectories(folder);
      // the simulation's own store: replaced on every run, so the month can be played again
      Files.deleteIfExists(folder.resolve("store.mv.db"));
      Files.deleteIfExists(folder.resolve("store.trace.db"));
    } catch (IOException e) {
      throw new NinesException("cannot prepare " + folder + ": " + e.getMessage(), e);
    }
    return new StoreSpec("jdbc:h2:file:" + folder.resolve("store"), null, null);
  }

  private void progress(java.time.Instant day) {
    if (environment.errIsTerminal()) {
      environment.err().print(day.toString().substring(8, 10).equals("01") ? "playing ." : ".");
      environment.err().flush();
    }
  }

  private static List<Incident> incidents(NinesStore store) {
    return store.incidents().list(IncidentQuery.ALL, 10_000, 0);
  }

  private static StoreReports reports(NinesStore store, Scenario scenario) {
    return new StoreReports(store, Clock.fixed(scenario.end(), scenario.zone()));
  }

  private static ReportPeriod month(Scenario scenario) {
    return ReportPeriod.parse(scenario.month().toString(), scenario.zone(), scenario.end());
  }

  private static Map<String, SlaReport> slaReports(NinesStore store, Spec spec, Scenario scenario) {
    Map<String, SlaReport> reports = new LinkedHashMap<>();
    for (String consumer : spec.consumers().keySet()) {
      reports.put(consumer, reports(store, scenario).sla(spec, consumer, month(scenario)));
    }
    return reports;
  }

  private List<Path> writeReports(
      NinesStore store, Map<String, SlaReport> reports, Scenario scenario, Path folder) {
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(folder);
      for (Map.Entry<String, SlaReport> entry : reports.entrySet()) {
        for (ReportFormat format : List.of(ReportFormat.MD, ReportFormat.HTML)) {
          Path file = folder.resolve("sla-" + entry.getKey() + "." + extension(format));
          Files.writeString(file, Reports.render(entry.getValue(), format), StandardCharsets.UTF_8);
          written.add(file);
        }
      }
      Path downtime = folder.resolve("downtime.md");
      Files.writeString(
          downtime,
          Reports.render(reports(store, scenario).downtime(month(scenario)), ReportFormat.MD),
          StandardCharsets.UTF_8);
      written.add(downtime);
    } catch (IOException e) {
      throw new NinesException("cannot write the reports to " + folder + ": " + e.getMessage(), e);
    }
    return written;
  }

  private static String extension(ReportFormat format) {
    return switch (format) {
      case MD -> "md";
      case HTML -> "html";
      case JSON -> "json";
    };
  }
}
