package dev.nines.server.notify;

import dev.nines.spec.StoreSpec;
import java.nio.file.Path;

/** The notification path on the embedded H2 store. */
class NotificationPathH2IT extends NotificationPathContract {
  @Override
  StoreSpec freshStore(Path folder) {
    return new StoreSpec("jdbc:h2:file:" + folder.resolve("store").toAbsolutePath(), null, null);
  }
}
