package dev.nines.store;

import dev.nines.spec.StoreSpec;
import java.nio.file.Path;

/** A kind of database the store's tests run against; each test gets a fresh, empty store. */
interface TestStoreDatabase extends AutoCloseable {
  /** A store spec naming a new, empty database; {@code folder} is the test's own temp folder. */
  StoreSpec freshStore(Path folder);

  /** A store spec naming a database that does not exist and will not be created. */
  StoreSpec missingStore(Path folder);

  /** What the store's message says about {@link #missingStore}. */
  String missingStoreReason();

  @Override
  void close();
}
