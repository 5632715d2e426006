package dev.nines.store;

import dev.nines.spec.StoreSpec;
import java.nio.file.Path;

/** The default store: an H2 file shared through AUTO_SERVER, one per test folder. */
final class H2FileDatabase implements TestStoreDatabase {
  @Override
  public StoreSpec freshStore(Path folder) {
    Path file = folder.resolve(".nines").resolve("store");
    return new StoreSpec("jdbc:h2:file:" + file.toAbsolutePath() + ";AUTO_SERVER=TRUE", null, null);
  }

  @Override
  public StoreSpec missingStore(Path folder) {
    Path file = folder.resolve("absent").resolve("store");
    return new StoreSpec("jdbc:h2:file:" + file.toAbsolutePath() + ";IFEXISTS=TRUE", null, null);
  }

  @Override
  public String missingStoreReason() {
    return "not found";
  }

  @Override
  public void close() {}

  @Override
  public String toString() {
    return "H2 file";
  }
}
