package dev.nines.cli.internal;

import dev.nines.check.CheckTypes;
import dev.nines.spec.Spec;
import dev.nines.spec.SpecLoader;
import dev.nines.spec.SpecSchema;
import dev.nines.spec.StoreSpec;
import dev.nines.store.NinesStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The one place where the CLI reaches the spec loader, the spec schema and the store, so the
 * commands stay independent of how those are constructed.
 */
public final class Platform {
  private Platform() {}

  /** Reads, validates and merges the spec files, resolving {@code ${VAR}} from {@code env}. */
  public static Spec loadSpec(List<Path> files, Map<String, String> env) {
    return SpecLoader.load(files, env, CheckTypes.builtIn());
  }

  /** The JSON Schema of the spec format, as text. */
  public static String specSchema() {
    return SpecSchema.toPrettyString(CheckTypes.builtIn());
  }

  /** Opens (and migrates) the store. */
  public static NinesStore openStore(StoreSpec store) {
    return NinesStore.open(store);
  }
}
