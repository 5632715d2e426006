package dev.nines.cli;

import dev.nines.NinesException;
import dev.nines.report.DatasetReport;
import dev.nines.report.DowntimeReport;
import dev.nines.report.ReportFormat;
import dev.nines.report.ReportInstant;
import dev.nines.report.ReportPeriod;
import dev.nines.report.Reports;
import dev.nines.report.SlaReport;
import dev.nines.spec.Spec;
import dev.nines.store.report.StoreReports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code nines report}: service level and downtime reports read from the store. */
@Command(
    name = "report",
    description = "Writes SLA and data downtime reports from the store (no server needed).",
    subcommands = {
      ReportCommand.Sla.class,
      ReportCommand.Downtime.class,
      ReportCommand.Dataset.class
    })
final class ReportCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @picocli.CommandLine.Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("a subcommand is missing: sla, downtime or dataset");
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  /** What both reports share: period, zone, format and where to write. */
  abstract static class Base extends StoreCommand {
    @Option(
        names = {"--period", "--since"},
        paramLabel = "PERIOD",
        defaultValue = "30d",
        description =
            "A month (2026-10), a quarter (2026-Q3) or a duration up to now (30d)"
                + " (default: ${DEFAULT-VALUE}).")
    String period;

    @Option(
        names = "--zone",
        paramLabel = "ZONE",
        defaultValue = "UTC",
        description = "Time zone months and quarters start in (default: ${DEFAULT-VALUE}).")
    String zone;

    @Option(
        names = "--at",
        paramLabel = "INSTANT",
        description =
            "Make the report as the store was seen at this instant (default: now):"
                + " 2026-10-20T12:00Z, 2026-10-20T14:00+02:00, or a local 2026-10-20T12:00 read in"
                + " --zone. Incidents detected later are left out, incidents resolved later count"
                + " as open, SLOs are evaluated up to it.")
    String at;

    @Option(
        names = "--format",
        paramLabel = "FORMAT",
        defaultValue = "md",
        description = "md, html or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE",
        description = "Write the report to this file instead of the standard output.")
    Path output;

    Base(CliEnvironment environment) {
      super(environment);
    }

    ReportFormat format() {
      try {
        return ReportFormat.parse(format);
      } catch (IllegalArgumentException e) {
        throw new NinesException("--format: " + e.getMessage());
      }
    }

    ReportPeriod period() {
      try {
        return ReportPeriod.parse(period, zoneId(), clock().instant());
      } catch (IllegalArgumentException e) {
        throw new NinesException("--period: " + e.getMessage());
      }
    }

    /** The clock the report is made with: stopped at {@code --at} when it is given. */
    Clock clock() {
      if (at == null) {
        return environment.clock();
      }
      try {
        return Clock.fixed(
            ReportInstant.parse(at, zoneId(), environment.clock().instant()), ZoneOffset.UTC);
      } catch (IllegalArgumentException e) {
        throw new NinesException("--at: " + e.getMessage());
      }
    }

    private ZoneId zoneId() {
      try {
        return ZoneId.of(zone.strip());
      } catch (DateTimeException e) {
        throw new NinesException("--zone: '" + zone + "' is not a time zone such as Europe/Paris");
      }
    }

    void write(String text) {
      if (output == null) {
        environment.out().print(text);
        environment.out().flush();
        return;
      }
      try {
        Files.writeString(output, text, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new NinesException("cannot write the report to " + output + ": " + e.getMessage());
      }
      environment.out().println("report written to " + output);
    }
  }

  @Command(
      name = "sla",
      description =
          "One consumer's promises over a period: kept or breached, budget spent, downtime, and"
              + " the incidents that spent it.")
  static final class Sla extends Base {
    @Option(
        names = "--consumer",
        required = true,
        paramLabel = "NAME",
        description = "The consumer, as named under consumers: in the spec.")
    String consumer;

    Sla(CliEnvironment environment) {
      super(environment);
    }

    @Override
    public Integer call() {
      ReportFormat form = format();
      ReportPeriod span = period();
      Clock clock = clock();
      Spec spec = specOptions.load(environment);
      if (!spec.consumers().containsKey(consumer)) {
        throw new NinesException(
            "--consumer: no consumer '"
                + consumer
                + "' in the spec"
                + (spec.consumers().isEmpty()
                    ? " (it declares no consumers:)"
                    : " (declared: " + String.join(", ", spec.consumers().keySet()) + ")"));
      }
      SlaReport report =
          withStore(store -> new StoreReports(store, clock).sla(spec, consumer, span));
      write(Reports.render(report, form));
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "downtime",
      description = "Data downtime across everything over a period, the worst datasets first.")
  static final class Downtime extends Base {
    Downtime(CliEnvironment environment) {
      super(environment);
    }

    @Override
    public Integer call() {
      ReportFormat form = format();
      ReportPeriod span = period();
      Clock clock = clock();
      DowntimeReport report = withStore(store -> new StoreReports(store, clock).downtime(span));
      write(Reports.render(report, form));
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "dataset",
      description =
          "The five V's of one dataset from history: volume, variety, veracity, value, velocity.")
  static final class Dataset extends Base {
    @picocli.CommandLine.Parameters(paramLabel = "NAME", description = "The dataset's name.")
    String name;

    Dataset(CliEnvironment environment) {
      super(environment);
    }

    @Override
    public Integer call() {
      ReportFormat form = format();
      ReportPeriod span = period();
      Clock clock = clock();
      Spec spec = specOptions.load(environment);
      if (!spec.datasets().containsKey(name)) {
        throw new NinesException(
            "no dataset '"
                + name
                + "' in the spec (declared: "
                + String.join(", ", spec.datasets().keySet())
                + ")");
      }
      DatasetReport report =
          withStore(store -> new StoreReports(store, clock).dataset(spec, name, span));
      write(Reports.render(report, form));
      return ExitCodes.OK;
    }
  }
}
