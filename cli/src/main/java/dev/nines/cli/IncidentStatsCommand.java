package dev.nines.cli;

import dev.nines.NinesException;
import dev.nines.incident.Incident;
import dev.nines.incident.IncidentStats;
import dev.nines.incident.IncidentStats.GroupBy;
import dev.nines.incident.IncidentStats.Row;
import dev.nines.spec.Values;
import dev.nines.store.IncidentQuery;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nines incidents stats}: TTD, TTA, TTR and data downtime per group and period. */
@Command(
    name = "stats",
    description =
        "Prints incident counts, mean and median TTD, TTA, TTR and data downtime (DDT = Σ TTD + TTR).")
final class IncidentStatsCommand extends StoreCommand {
  @Option(
      names = "--by",
      paramLabel = "GROUP",
      defaultValue = "all",
      description = "all, dataset, pipeline, owner or consumer (default: ${DEFAULT-VALUE}).")
  String by;

  @Option(
      names = "--since",
      paramLabel = "DURATION",
      description = "Incidents detected this long ago or less, e.g. 30d (default: 30d).")
  String since;

  @Option(
      names = "--period",
      paramLabel = "YYYY-MM",
      description = "Incidents detected in this month (UTC), instead of --since.")
  String period;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  IncidentsCommand.Format format;

  IncidentStatsCommand(CliEnvironment environment) {
    super(environment);
  }

  @Override
  public Integer call() {
    GroupBy group =
        IncidentsCommand.parse(
            GroupBy.class, by, "--by", "all, dataset, pipeline, owner or consumer");
    Instant now = environment.clock().instant();
    Instant from;
    Instant until = null;
    if (period != null && since != null) {
      throw new NinesException("--since and --period exclude each other: give one");
    }
    if (period != null) {
      try {
        YearMonth month = YearMonth.parse(period.strip());
        from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        until = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw new NinesException("--period: '" + period + "' is not a month such as 2026-10");
      }
    } else {
      try {
        from = now.minus(Values.duration(since == null ? "30d" : since));
      } catch (IllegalArgumentException e) {
        throw new NinesException("--since: " + e.getMessage());
      }
    }
    IncidentQuery query = new IncidentQuery(null, null, null, null, null, null, from, until);
    List<Incident> incidents =
        withStore(
            store -> {
              List<Incident> all = new ArrayList<>();
              int page = 500;
              for (int offset = 0; ; offset += page) {
                List<Incident> some = store.incidents().list(query, page, offset);
                all.addAll(some);
                if (some.size() < page) {
                  return all;
                }
              }
            });
    List<Row> rows = IncidentStats.of(incidents, group, now);
    if (format == IncidentsCommand.Format.json) {
      printJson(rows);
      return ExitCodes.OK;
    }
    PrintWriter out = environment.out();
    if (rows.isEmpty()) {
      out.println("no incidents detected since " + from);
      return ExitCodes.OK;
    }
    String line = "%-24s %6s %9s %10s %10s %10s %10s %10s %10s %10s%n";
    out.printf(
        line,
        "GROUP",
        "COUNT",
        "RESOLVED",
        "TTD MEAN",
        "TTD MED",
        "TTA MEAN",
        "TTA MED",
        "TTR MEAN",
        "TTR MED",
        "DDT");
    for (Row row : rows) {
      out.printf(
          line,
          row.group(),
          row.count(),
          row.resolved(),
          IncidentText.duration(row.meanTimeToDetect()),
          IncidentText.duration(row.medianTimeToDetect()),
          IncidentText.duration(row.meanTimeToAcknowledge()),
          IncidentText.duration(row.medianTimeToAcknowledge()),
          IncidentText.duration(row.meanTimeToResolve()),
          IncidentText.duration(row.medianTimeToResolve()),
          Values.human(row.dataDowntime()));
    }
    return ExitCodes.OK;
  }
}
