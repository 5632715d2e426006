package dev.nines.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nines.NinesException;
import dev.nines.cli.internal.Platform;
import dev.nines.observation.Measurement;
import dev.nines.spec.StoreSpec;
import dev.nines.store.NinesStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nines history}: the recent measurements of one metric or check of a dataset. */
@Command(
    name = "history",
    description = "Prints the recent measurements of a dataset's metric or check, newest first.")
final class HistoryCommand implements Callable<Integer> {
  /** The forms history prints in. */
  enum Format {
    table,
    json
  }

  private final CliEnvironment environment;

  @Mixin CommonOptions common;

  @Mixin SpecOptions specOptions;

  @Mixin StoreOption storeOption;

  @Parameters(index = "0", paramLabel = "DATASET", description = "The dataset's name.")
  String dataset;

  @Parameters(
      index = "1",
      paramLabel = "METRIC_OR_CHECK",
      description = "A check's name (e.g. row_count, missing_email) or a metric's.")
  String metricOrCheck;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "20",
      description = "How many measurements (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  Format format;

  HistoryCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    if (limit < 1) {
      throw new NinesException("--limit must be at least 1, not " + limit);
    }
    // with --store the spec is only needed for the store's place, so it is not read
    StoreSpec storeSpec =
        storeOption.url == null
            ? storeOption.resolve(specOptions.load(environment).store(), environment.env())
            : storeOption.resolve(null, environment.env());
    List<Measurement> measurements;
    NinesStore store;
    try {
      store = Platform.openStore(storeSpec);
    } catch (RuntimeException e) {
      throw new NinesException(StoreProblems.describe("cannot open the store", storeSpec, e), e);
    }
    try {
      measurements = store.recent(dataset, metricOrCheck, limit);
    } finally {
      StoreProblems.closeQuietly(store);
    }
    if (format == Format.json) {
      printJson(measurements);
    } else {
      printTable(measurements);
    }
    return ExitCodes.OK;
  }

  private void printTable(List<Measurement> measurements) {
    PrintWriter out = environment.out();
    if (measurements.isEmpty()) {
      out.println(
          "no measurements of '"
              + metricOrCheck
              + "' for dataset '"
              + dataset
              + "' yet (run nines check first; the name is a check's or a metric's)");
      return;
    }
    int checkWidth = Math.max("CHECK".length(), widest(measurements, true));
    int metricWidth = Math.max("METRIC".length(), widest(measurements, false));
    String format = "%-24s  %-" + checkWidth + "s  %-" + metricWidth + "s  %s%n";
    out.printf(format, "MEASURED AT", "CHECK", "METRIC", "VALUE");
    for (Measurement measurement : measurements) {
      out.printf(
          format,
          measurement.measuredAt(),
          measurement.check(),
          measurement.metric(),
          number(measurement.value()));
    }
  }

  private void printJson(List<Measurement> measurements) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("dataset", dataset);
    root.put("metric_or_check", metricOrCheck);
    ArrayNode list = root.putArray("measurements");
    for (Measurement measurement : measurements) {
      ObjectNode node = list.addObject();
      node.put("check", measurement.check());
      node.put("metric", measurement.metric());
      node.put("value", measurement.value());
      node.put(
          "measured_at",
          measurement.measuredAt() == null ? null : measurement.measuredAt().toString());
    }
    try {
      environment.out().println(mapper.writeValueAsString(root));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int widest(List<Measurement> measurements, boolean check) {
    return measurements.stream()
        .map(m -> check ? m.check() : m.metric())
        .mapToInt(text -> text == null ? 0 : text.length())
        .max()
        .orElse(0);
  }

  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }
}
