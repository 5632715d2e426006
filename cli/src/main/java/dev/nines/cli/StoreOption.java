package dev.nines.cli;

import dev.nines.spec.StoreSpec;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --store} option: use another store than the spec names. */
final class StoreOption {
  @Option(
      names = "--store",
      paramLabel = "URL",
      description =
          "JDBC url of the store, overriding the spec's store (e.g. jdbc:h2:file:./.nines/store);"
              + " user and password come from NINES_STORE_USER and NINES_STORE_PASSWORD.")
  String url;

  /**
   * The spec's store, or the one given on the command line with credentials from the environment
   * (the spec's belong to the spec's store).
   */
  StoreSpec resolve(StoreSpec fromSpec, Map<String, String> env) {
    if (url == null || url.isBlank()) {
      return fromSpec == null ? StoreSpec.DEFAULT : fromSpec;
    }
    return new StoreSpec(url.strip(), env.get("NINES_STORE_USER"), env.get("NINES_STORE_PASSWORD"));
  }
}
