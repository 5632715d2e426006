package dev.nines.store;

import dev.nines.spec.StoreSpec;
import java.nio.file.Path;

/** A kind of database the store's tests run against; each test gets a fresh, empty store. */
interface TestStoreDatabase extends AutoCloseable {
  /** A store spec naming a new, empty database; {@code folder} is the test's own temp folder. */
  StoreSpec freshStore(Path folder);

  @Override
  void close();
}
