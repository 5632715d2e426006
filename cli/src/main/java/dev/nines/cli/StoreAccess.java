package dev.nines.cli;

import dev.nines.NinesException;
import dev.nines.cli.internal.Platform;
import dev.nines.spec.StoreSpec;
import dev.nines.store.NinesStore;

/** Opens the store a command names (its --store, else the spec's), with a clear message. */
final class StoreAccess {
  private StoreAccess() {}

  static NinesStore open(
      SpecOptions specOptions, StoreOption storeOption, CliEnvironment environment) {
    // with --store the spec is only needed for the store's place, so it is not read
    StoreSpec storeSpec =
        storeOption.url == null
            ? storeOption.resolve(specOptions.load(environment).store(), environment.env())
            : storeOption.resolve(null, environment.env());
    return open(storeSpec);
  }

  /** Opens {@code storeSpec}; a store that cannot be opened is a message saying why. */
  static NinesStore open(StoreSpec storeSpec) {
    try {
      return Platform.openStore(storeSpec);
    } catch (RuntimeException e) {
      throw new NinesException(StoreProblems.describe("cannot open the store", storeSpec, e), e);
    }
  }
}
